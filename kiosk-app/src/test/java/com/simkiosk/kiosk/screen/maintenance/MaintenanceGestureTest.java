package com.simkiosk.kiosk.screen.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MaintenanceGestureTest {
    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-26T01:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveTapsWithinThreeSecondsOpenMaintenance() {
        HandClock clock = new HandClock();
        MaintenanceGesture g = new MaintenanceGesture(clock);
        for (int i = 0; i < 4; i++) {
            assertThat(g.tap()).isFalse();
            clock.now = clock.now.plusMillis(500);
        }
        assertThat(g.tap()).isTrue();
    }

    @Test
    void slowTapsNeverOpenIt() {
        HandClock clock = new HandClock();
        MaintenanceGesture g = new MaintenanceGesture(clock);
        for (int i = 0; i < 20; i++) {
            assertThat(g.tap()).isFalse();
            clock.now = clock.now.plus(Duration.ofMillis(800));
        }
    }

    @Test
    void afterOpeningTheCountStartsOver() {
        HandClock clock = new HandClock();
        MaintenanceGesture g = new MaintenanceGesture(clock);
        for (int i = 0; i < 4; i++) {
            g.tap();
        }
        assertThat(g.tap()).isTrue();
        assertThat(g.tap()).isFalse();
    }
}
