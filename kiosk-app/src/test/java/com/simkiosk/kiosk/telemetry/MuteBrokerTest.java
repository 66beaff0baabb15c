package com.simkiosk.kiosk.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.config.TelemetryConfig;
import com.simkiosk.testing.TestTime;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broker that takes the kiosk's connection and then says nothing, as Debian's mosquitto 2.0.11 now and then does
 * with a TLS client (its log shows the connection and never the client): a real socket on 127.0.0.1 that reads the
 * CONNECT and never sends the CONNACK. Paho waits for that answer forever; the link must not.
 */
class MuteBrokerTest {
    private static final Topics KIOSK = new Topics("store-1042", "kiosk-01");

    private final ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor();
    private final List<Socket> taken = new CopyOnWriteArrayList<>();
    private ServerSocket mute;
    private Telemetry kiosk;

    @AfterEach
    void stop() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
        exec.shutdownNow();
        if (mute != null) {
            mute.close();
        }
        for (Socket s : taken) {
            s.close();
        }
    }

    @Test
    void anAttemptTheBrokerNeverAnswersIsDroppedWithinItsBoundAndTriedAgainOnANewConnection() throws Exception {
        mute = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    taken.add(mute.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "mute-broker");
        acceptor.setDaemon(true);
        acceptor.start();
        var settings = new TelemetryConfig.Mqtt(URI.create("tcp://127.0.0.1:" + mute.getLocalPort()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(60),
                Duration.ofSeconds(30), 10);
        kiosk = new Telemetry(KIOSK, Optional.of(settings), Map.of(), exec, Clock.systemUTC(), Clock.systemUTC().instant(),
                false);
        kiosk.start();

        TestTime.awaitUntil(Duration.ofSeconds(10), () -> !taken.isEmpty(), "the kiosk's first connection");
        Socket first = taken.get(0);
        first.setSoTimeout((int) TestTime.bound(Duration.ofSeconds(10)).toMillis());
        InputStream in = first.getInputStream();
        assertThat(in.read()).as("an MQTT CONNECT, waiting for its CONNACK").isEqualTo(0x10);
        kiosk.event(EventKind.PAPER_OUT, "PAPER_OUT"); // the kiosk goes on working meanwhile

        Duration bound = FleetLink.ANSWER_WITHIN.plusSeconds(10);
        TestTime.awaitUntil(bound, () -> kiosk.linkStatus().orElseThrow().state() == FleetLink.State.RETRYING,
                "the unanswered attempt given up");
        FleetLink.Status status = kiosk.linkStatus().orElseThrow();
        assertThat(status.problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("127.0.0.1:" + mute.getLocalPort(), "did not answer within " + FleetLink.ANSWER_WITHIN.toSeconds() + " s"));
        assertThat(status.eventsQueued()).as("the event waits for the broker").isEqualTo(1);
        assertThat(readsToTheEnd(in)).as("the kiosk hung up the unanswered connection").isTrue();

        TestTime.awaitUntil(Duration.ofSeconds(10), () -> taken.size() >= 2, "a second attempt on a new connection");
        assertThat(kiosk.linkStatus().orElseThrow().connectAttempts()).isGreaterThanOrEqualTo(2);
    }

    /** Reads what is left until the peer closes (true) or the socket's time-out passes (false). */
    private static boolean readsToTheEnd(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // the rest of the CONNECT
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
