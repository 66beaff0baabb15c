package com.simkiosk.kiosk.unattended;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeats only while every probed thread answers; the period and bound systemd's environment asks for. */
class HeartbeatTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aStuckFlowThreadAloneWithholdsTheHeartbeatAndIsNamed() throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor();
        ExecutorService flow = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try (FakeNotifySocket systemd = FakeNotifySocket.in(dir);
             NotifySocket socket = NotifySocket.open(systemd.name());
             Heartbeat heartbeat = new Heartbeat(socket, Duration.ofMillis(400), Duration.ofMillis(200), List.of(
                     new Heartbeat.Probe("JavaFX thread", fx::execute), new Heartbeat.Probe("session flow", flow::execute)),
                     () -> "Attract screen: waiting for a customer")) {
            heartbeat.start();
            systemd.await(l -> l.equals("WATCHDOG=1"), PATIENCE, "a heartbeat");
            CountDownLatch blocked = new CountDownLatch(1);
            flow.execute(() -> {
                blocked.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(blocked.await(20, TimeUnit.SECONDS)).isTrue();
            systemd.drain();
            systemd.await(l -> l.equals("STATUS=Not answering: session flow; watchdog heartbeats withheld"), PATIENCE,
                    "the stuck flow named alone");
            assertThat(systemd.during(Duration.ofMillis(1_200))).allSatisfy(m -> assertThat(m).doesNotContain("WATCHDOG=1"));
            release.countDown();
            String back = systemd.await(l -> l.equals("WATCHDOG=1"), PATIENCE, "heartbeats again");
            assertThat(back).contains("STATUS=Attract screen: waiting for a customer");
        } finally {
            release.countDown();
            fx.shutdownNow();
            flow.shutdownNow();
        }
    }

    @Test
    void beatsAtHalfOfWatchdogUsecForThisProcessOnly() {
        assertThat(Heartbeat.period(Map.of("WATCHDOG_USEC", "30000000"), 42)).contains(Duration.ofSeconds(15));
        assertThat(Heartbeat.period(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "42"), 42)).contains(Duration.ofSeconds(15));
        assertThat(Heartbeat.period(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "7"), 42)).isEmpty();
        assertThat(Heartbeat.period(Map.of(), 42)).isEmpty();
        assertThat(Heartbeat.period(Map.of("WATCHDOG_USEC", "soon"), 42)).isEmpty();
        assertThat(Heartbeat.boundFor(Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(5));
        assertThat(Heartbeat.boundFor(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void reachesAnAbstractNotifySocketAndStaysQuietWithoutOne() throws Exception {
        String name = "simkiosk-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (FakeNotifySocket systemd = FakeNotifySocket.abstractNamed(name);
             NotifySocket socket = NotifySocket.fromEnvironment(Map.of("NOTIFY_SOCKET", "@" + name)).orElseThrow()) {
            assertThat(socket.send("READY=1", "STATUS=Attract screen: waiting for a customer")).isTrue();
            assertThat(systemd.await(l -> l.equals("READY=1"), PATIENCE, "READY=1"))
                    .isEqualTo("READY=1\nSTATUS=Attract screen: waiting for a customer");
        }
        assertThat(NotifySocket.fromEnvironment(Map.of())).isEqualTo(Optional.empty());
        assertThat(SystemdService.fromEnvironment(Map.of()).active()).isFalse();
    }
}
