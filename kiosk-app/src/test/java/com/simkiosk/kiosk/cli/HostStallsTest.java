package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How much CPU time the host meters saw taken during a journey: per bucket, by overlap, every CPU counted. */
class HostStallsTest {
    private static final long MS = 1_000_000;

    @Test
    void aBucketCountsByHowMuchOfItTheJourneyOverlaps() {
        HostStalls.Seen seen = new HostStalls.Seen("fifo", List.of(new HostStalls.Taken(0, 10 * MS, 800_000),
                new HostStalls.Taken(0, 20 * MS, 400_000)), List.of());

        assertThat(seen.takenWithin(10 * MS, 21 * MS)).as("all of the first, all of the second").isEqualTo(1_200_000);
        assertThat(seen.takenWithin(10 * MS + MS / 2, 20 * MS + MS / 4)).as("half of the first, a quarter of the second")
                .isEqualTo(400_000 + 100_000);
        assertThat(seen.takenWithin(12 * MS, 19 * MS)).as("between them").isZero();
    }

    @Test
    void timeTakenFromEachCpuAddsUp() {
        HostStalls.Seen seen = new HostStalls.Seen("fifo", List.of(new HostStalls.Taken(0, 5 * MS, 700_000),
                new HostStalls.Taken(1, 5 * MS, 600_000)), List.of());

        assertThat(seen.takenWithin(0, 100 * MS)).isEqualTo(1_300_000);
    }
}
