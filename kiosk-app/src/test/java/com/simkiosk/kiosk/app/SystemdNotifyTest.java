package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.unattended.FakeNotifySocket;
import com.simkiosk.kiosk.unattended.SystemdService;
import com.simkiosk.testing.TestTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk under a {@code Type=notify} unit with {@code WatchdogSec=}: systemd hears READY=1 once the attract screen
 * is shown, then heartbeats; a JavaFX thread that hangs stops them (so systemd restarts the kiosk), and they resume
 * when it answers again.
 */
class SystemdNotifyTest {
    /** WatchdogSec=4: a heartbeat every 2 s, each after the threads answered within 1 s. */
    private static final Duration WATCHDOG = Duration.ofSeconds(4);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    @Test
    void saysReadyOnceTheAttractScreenShowsThenBeatsOnlyWhileTheFxThreadAnswers() throws Exception {
        try (FakeNotifySocket systemd = FakeNotifySocket.in(dir)) {
            SystemdService service = SystemdService.fromEnvironment(systemd.env(WATCHDOG));
            try (KioskDriver kiosk = KioskDriver.open("systemd", KioskDriver.config(Duration.ofMinutes(5), Duration.ofSeconds(30)),
                    List.of(service::attach))) {
                String ready = systemd.await(l -> l.equals("READY=1"), PATIENCE, "READY=1");
                assertThat(ready).contains("STATUS=Attract screen: waiting for a customer");
                assertThat(kiosk.shows("screen-attract")).isTrue();
                assertThat(systemd.received()).as("nothing before READY=1 claims the kiosk is alive")
                        .allSatisfy(m -> assertThat(m).doesNotContain("WATCHDOG=1"));
                systemd.await(l -> l.equals("WATCHDOG=1"), PATIENCE, "a heartbeat");

                systemd.drain();
                CountDownLatch blocked = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                Platform.runLater(() -> {
                    blocked.countDown();
                    try {
                        release.await(TestTime.scaled(60), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                try {
                    assertThat(blocked.await(TestTime.scaled(20), TimeUnit.SECONDS)).isTrue();
                    systemd.await(l -> l.startsWith("STATUS=Not answering: JavaFX thread"), PATIENCE,
                            "the status naming the stuck JavaFX thread");
                    // Three heartbeat periods with the thread still stuck: not one heartbeat may claim it is alive.
                    assertThat(systemd.during(WATCHDOG.multipliedBy(3).dividedBy(2)))
                            .allSatisfy(m -> assertThat(m).doesNotContain("WATCHDOG=1"));
                } finally {
                    release.countDown();
                }
                String back = systemd.await(l -> l.equals("WATCHDOG=1"), PATIENCE, "heartbeats after the thread answers");
                assertThat(back).contains("STATUS=Attract screen: waiting for a customer");
                Fx.run(service::close);
                systemd.await(l -> l.equals("STOPPING=1"), PATIENCE, "STOPPING=1");
            }
        }
    }
}
