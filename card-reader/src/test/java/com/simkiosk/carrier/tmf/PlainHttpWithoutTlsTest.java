package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.testing.TestTime;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain-http carrier client never sets up the JDK's default TLS context (trust store read, TLS classes loaded):
 * demo mode's start does not pay for TLS it does not use. Checked in a fresh JVM ({@link ColdCarrierClient}), by the
 * classes it loads: the JDK's default TLS context class is loaded exactly when it is set up, as the https run shows.
 * The JVM-wide default that this defers is still the JDK's own default TLS for any other https connection.
 */
class PlainHttpWithoutTlsTest {
    /** The JDK's default TLS context (SSLContext.getDefault()), JDK 17 and 25. */
    private static final String DEFAULT_TLS = "sun.security.ssl.SSLContextImpl$DefaultSSLContext ";

    @TempDir
    Path dir;

    @Test
    void aPlainHttpClientBuiltAndCalledSetsUpNoTls() throws Exception {
        Run run = fresh("http");

        assertThat(run.output()).contains("answer=NOT_FOUND"); // the call went over the wire and was answered
        assertThat(run.loaded()).doesNotContain(DEFAULT_TLS);
    }

    @Test
    void anHttpsClientWithoutItsOwnStoreSetsUpTheDefaultWhenBuilt() throws Exception {
        Run run = fresh("https");

        assertThat(run.output()).contains("mode=https");
        assertThat(run.loaded()).contains(DEFAULT_TLS);
    }

    @Test
    void otherHttpsConnectionsInTheJvmStillGetTheJdksDefaultTls() throws Exception {
        FlightSockets.http(URI.create("http://127.0.0.1:9/")); // a connection object made: the default is deferred

        SSLSocketFactory jvmDefault = HttpsURLConnection.getDefaultSSLSocketFactory();
        assertThat(jvmDefault).isInstanceOf(FlightSockets.Deferred.class);
        SSLSocketFactory jdk = (SSLSocketFactory) SSLSocketFactory.getDefault();
        assertThat(jvmDefault.getDefaultCipherSuites()).containsExactly(jdk.getDefaultCipherSuites());
        try (SSLSocket made = (SSLSocket) jvmDefault.createSocket(); SSLSocket own = (SSLSocket) jdk.createSocket()) {
            assertThat(made.getClass()).isEqualTo(own.getClass());
            assertThat(made.getEnabledProtocols()).containsExactly(own.getEnabledProtocols());
            assertThat(made.getSSLParameters().getEndpointIdentificationAlgorithm())
                    .isEqualTo(own.getSSLParameters().getEndpointIdentificationAlgorithm());
        }
        assertThat(new URI("https://127.0.0.1:9/").toURL().openConnection()).isInstanceOfSatisfying(
                HttpsURLConnection.class, c -> assertThat(c.getSSLSocketFactory()).isSameAs(jvmDefault));
    }

    private record Run(String output, String loaded) {}

    private Run fresh(String mode) throws Exception {
        Path log = dir.resolve(mode + "-classes.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), ColdCarrierClient.class.getName(), mode);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TestTime.scaled(60), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the fresh JVM did not finish");
        }
        assertThat(p.exitValue()).as(output).isZero();
        return new Run(output, Files.readString(log));
    }
}
