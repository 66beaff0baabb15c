package com.simkiosk.kiosk.telemetry;

import com.simkiosk.kiosk.config.TelemetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * How the kiosk (and the fleet commands) connect to the broker: user and password, TLS with the chain's CA (PEM)
 * and the kiosk's client certificate (PKCS#12), keep-alive. Secrets are read from their files at each connect,
 * so a rotated credential needs no restart, and never kept in a field.
 */
public final class BrokerOptions {
    /** Paho's bound on the TCP connection and, separately, on the TLS handshake. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;

    private BrokerOptions() {}

    /** Why a connection cannot even be tried (an unreadable secret or certificate): the operator must act. */
    public static final class Unusable extends Exception {
        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static MqttConnectOptions build(TelemetryConfig.Mqtt mqtt, Map<String, String> env) throws Unusable {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false); // the link owns its retry loop, with back-off and a clear state
        options.setKeepAliveInterval((int) mqtt.keepAlive().toSeconds());
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setMaxInflight(100);
        mqtt.username().ifPresent(options::setUserName);
        if (mqtt.password().isPresent()) {
            options.setPassword(secret(mqtt.password().get(), env, "the broker password").toCharArray());
        }
        if (mqtt.tls()) {
            options.setSocketFactory(tls(mqtt, env).getSocketFactory());
            options.setHttpsHostnameVerificationEnabled(true);
        }
        return options;
    }

    static String secret(TelemetryConfig.Secret secret, Map<String, String> env, String what) throws Unusable {
        try {
            return secret.read(env);
        } catch (IOException | IllegalStateException e) {
            throw new Unusable(what + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static SSLContext tls(TelemetryConfig.Mqtt mqtt, Map<String, String> env) throws Unusable {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(mqtt.caFile().isPresent() ? caStore(mqtt.caFile().get()) : null);
            KeyManagerFactory keys = null;
            if (mqtt.clientKeyStore().isPresent()) {
                char[] password = mqtt.clientKeyStorePassword().isPresent()
                        ? secret(mqtt.clientKeyStorePassword().get(), env, "the client key store password").toCharArray()
                        : new char[0];
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(mqtt.clientKeyStore().get())) {
                    store.load(in, password);
                }
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(Optional.ofNullable(keys).map(KeyManagerFactory::getKeyManagers).orElse(null),
                    trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new Unusable("the broker's TLS settings cannot be used (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    /** The chain's CA certificates from a PEM file, as the only trusted roots. */
    private static KeyStore caStore(Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
        }
        return store;
    }
}
