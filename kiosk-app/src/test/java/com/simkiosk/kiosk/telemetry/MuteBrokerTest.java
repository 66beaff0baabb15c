package com.simkiosk.kiosk.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.testing.TestTime;
import java.io.IOException;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
    private LoopbackListener mute;
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
    }

    @Test
    void anAttemptTheBrokerNeverAnswersIsDroppedWithinItsBoundAndTriedAgainOnANewConnection() throws Exception {
        mute = new LoopbackListener();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    mute.accept(Duration.ofSeconds(10));
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "mute-broker");
        acceptor.setDaemon(true);
        acceptor.start();
        kiosk = new Telemetry(KIOSK, Optional.of(mute.settings()), Map.of(), exec, Clock.systemUTC(),
                Clock.systemUTC().instant(), false);
        kiosk.start();

        TestTime.awaitUntil(Duration.ofSeconds(10), () -> !mute.taken().isEmpty(), "the kiosk's first connection");
        Socket first = mute.taken().get(0);
        assertThat(first.getInputStream().read()).as("an MQTT CONNECT, waiting for its CONNACK").isEqualTo(0x10);
        kiosk.event(EventKind.PAPER_OUT, "PAPER_OUT"); // the kiosk goes on working meanwhile

        Duration bound = FleetLink.ANSWER_WITHIN.plusSeconds(10);
        TestTime.awaitUntil(bound, () -> kiosk.linkStatus().orElseThrow().state() == FleetLink.State.RETRYING,
                "the unanswered attempt given up");
        FleetLink.Status status = kiosk.linkStatus().orElseThrow();
        assertThat(status.problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("127.0.0.1:" + mute.port(), "did not answer within " + FleetLink.ANSWER_WITHIN.toSeconds() + " s"));
        assertThat(status.eventsQueued()).as("the event waits for the broker").isEqualTo(1);
        assertThat(LoopbackListener.hungUp(first)).as("the kiosk hung up the unanswered connection").isTrue();

        TestTime.awaitUntil(Duration.ofSeconds(10), () -> mute.taken().size() >= 2, "a second attempt on a new connection");
        assertThat(kiosk.linkStatus().orElseThrow().connectAttempts()).isGreaterThanOrEqualTo(2);
    }
}
