package com.simkiosk.kiosk.screen.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Call staff counts and chimes, and a kiosk without a sound device still calls staff (the notice) without failing. */
class ChimeTest {
    @Test
    void theChimeIsAShortSoftToneAndPlayingItNeverThrows() {
        byte[] pcm = Chime.tone();
        assertThat(pcm.length / 2 / Chime.RATE).as("seconds").isBetween(0.3f, 0.5f);
        assertThat((short) ((pcm[1] << 8) | (pcm[0] & 0xFF))).as("starts silent (no click)").isZero();
        Chime chime = new Chime();
        chime.play(); // on a machine without a sound device: false, and a warning in the log
        chime.play();
    }

    @Test
    void eachCallIsCountedWithItsTimeAndChimesOnlyWhenConfigured() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T01:00:00Z"), ZoneOffset.UTC);
        List<Runnable> soundJobs = new ArrayList<>();
        StaffCalls withSound = new StaffCalls(clock, true, soundJobs::add, new Chime());
        withSound.call();
        withSound.call();
        assertThat(withSound.count()).isEqualTo(2);
        assertThat(withSound.last()).contains(clock.instant());
        assertThat(soundJobs).hasSize(2);
        StaffCalls silent = new StaffCalls(clock, false, soundJobs::add, new Chime());
        silent.call();
        assertThat(silent.count()).isEqualTo(1);
        assertThat(soundJobs).hasSize(2);
    }
}
