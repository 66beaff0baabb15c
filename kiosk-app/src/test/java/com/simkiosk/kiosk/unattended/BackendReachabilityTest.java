package com.simkiosk.kiosk.unattended;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.testing.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the kiosk tells that a back end is gone, and back, when no customer is making calls. */
class BackendReachabilityTest {

    @Test
    void aBackEndIsReachableWhileItAcceptsConnectionsAndAnyOneIsEnough() throws Exception {
        int gonePort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            gonePort = gone.getLocalPort();
        }
        URI down = URI.create("http://127.0.0.1:" + gonePort);
        try (ServerSocket up = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI reachable = URI.create("http://127.0.0.1:" + up.getLocalPort());
            assertThat(new BackendReachability(List.of(down, reachable), Duration.ofSeconds(2)).anyReachable()).isTrue();
        }
        assertThat(new BackendReachability(List.of(down), Duration.ofSeconds(2)).anyReachable()).isFalse();
        assertThat(new BackendReachability(List.of(), Duration.ofSeconds(2)).anyReachable()).isTrue();
    }

    @Test
    void aPartIsOutOfServiceOnlyOnceGoneForTheWholeBoundAndForgivenWhenItWorks() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T03:00:00Z"));
        PartsHealth health = new PartsHealth(clock, Duration.ofMinutes(2));
        health.report(PartsHealth.Part.BACKEND, false);
        clock.advance(Duration.ofSeconds(90));
        health.report(PartsHealth.Part.BACKEND, false); // still gone: counted from the first time
        assertThat(health.outOfService()).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(health.outOfService()).containsOnlyKeys(PartsHealth.Part.BACKEND)
                .containsEntry(PartsHealth.Part.BACKEND, Instant.parse("2026-11-30T03:00:00Z"));
        health.report(PartsHealth.Part.BACKEND, true);
        assertThat(health.outOfService()).isEmpty();
        health.report(PartsHealth.Part.READER, false);
        assertThat(health.outOfService()).as("a new outage starts its own bound").isEmpty();
    }
}
