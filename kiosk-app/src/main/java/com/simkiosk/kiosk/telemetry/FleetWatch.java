package com.simkiosk.kiosk.telemetry;

import com.simkiosk.kiosk.config.TelemetryConfig;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Subscribes to every kiosk's topics ({@link Topics#EVERY_KIOSK}, QoS 1) and feeds a {@link FleetTable}: what
 * {@code ./kiosk fleet} runs on. Reconnects by itself after a lost connection.
 */
public final class FleetWatch implements AutoCloseable {
    private static final int ATTEMPTS = 3;

    private final MqttAsyncClient client;

    private FleetWatch(MqttAsyncClient client) {
        this.client = client;
    }

    /**
     * Connects and subscribes, each attempt bounded by the connection timeout; throws when the broker refuses or is
     * away. An attempt the broker took but never answered is tried again, up to {@value #ATTEMPTS} times in all
     * (see {@link FleetLink}: Paho would wait for that answer for ever).
     */
    public static FleetWatch start(TelemetryConfig.Mqtt broker, Map<String, String> env, FleetTable table)
            throws MqttException, BrokerOptions.Unusable {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(broker, env, table);
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_CLIENT_TIMEOUT || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static FleetWatch attempt(TelemetryConfig.Mqtt broker, Map<String, String> env, FleetTable table)
            throws MqttException, BrokerOptions.Unusable {
        MqttConnectOptions options = BrokerOptions.build(broker, env);
        options.setAutomaticReconnect(true);
        MqttAsyncClient client = new MqttAsyncClient(broker.broker().toString(),
                "simkiosk-fleet-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                if (reconnect) {
                    try {
                        client.subscribe(Topics.EVERY_KIOSK, 1);
                    } catch (MqttException e) {
                        // the next reconnect tries again
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                // automatic reconnect
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                table.accept(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // publishes nothing
            }
        });
        try {
            client.connect(options).waitForCompletion(options.getConnectionTimeout() * 1_000L + 1_000);
            client.subscribe(Topics.EVERY_KIOSK, 1).waitForCompletion(10_000);
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(0, 0, false);
            } catch (MqttException notConnected) {
                // nothing to drop
            }
            client.close(true);
            throw e;
        }
        return new FleetWatch(client);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(500).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            // closing anyway
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                // nothing left to do
            }
        }
    }
}
