package com.simkiosk.kiosk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;

/** Playback never hangs or crashes the kiosk: no device is a warning, a new screen cuts the old speech. */
class VoicePlayerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void noSoundDeviceIsAMaintenanceWarningAndTheKioskGoesOn() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        AtomicInteger opened = new AtomicInteger();
        try (VoicePlayer player = new VoicePlayer(f -> {
            opened.incrementAndGet();
            throw new LineUnavailableException("no audio device");
        }, warnings::add)) {
            long g = player.interrupt();
            assertThat(player.play("attract", RecordingSpeechEngine.tone(8000, 800), g)).isTrue();
            TestTime.awaitUntil(WAIT, () -> player.problem().isPresent(), "the warning");
            player.play("reading", RecordingSpeechEngine.tone(8000, 800), g);
            player.play("lookingUp", RecordingSpeechEngine.tone(8000, 800), g);
            // The third try to open the device comes after the second one's failure was handled.
            TestTime.awaitUntil(WAIT, () -> opened.get() == 3, "the device tried for each of the three screens");
            assertThat(warnings).hasSize(1).first().asString().contains("no sound device").contains("no audio device");
            assertThat(player.play("again", RecordingSpeechEngine.tone(8000, 80), player.interrupt()))
                    .as("still takes speech").isTrue();
        }
    }

    @Test
    void aNewScreenCutsTheOldSpeechAndOnlyTheNewOneStarts() {
        List<String> started = new CopyOnWriteArrayList<>();
        SilentLine[] line = new SilentLine[1];
        try (VoicePlayer player = new VoicePlayer(f -> line[0] = new SilentLine(f), w -> {})) {
            player.setListener((key, queued, at) -> started.add(key));
            long old = player.interrupt();
            player.play("old", RecordingSpeechEngine.tone(8000, 8000), old);
            long now = player.interrupt();
            player.play("stale", RecordingSpeechEngine.tone(8000, 800), old);
            player.play("new", RecordingSpeechEngine.tone(8000, 800), now);
            TestTime.awaitUntil(WAIT, () -> started.contains("new"), "the new screen's speech");
            assertThat(started).doesNotContain("stale");
        }
    }

    @Test
    void theQueueIsBoundedAndAFullQueueDropsInsteadOfBlocking() {
        try (VoicePlayer player = new VoicePlayer(f -> {
            throw new LineUnavailableException("none");
        }, w -> {})) {
            long stale = player.generation() - 1; // never played: each item is skipped, but first it queues
            int accepted = 0;
            for (int i = 0; i < VoicePlayer.QUEUE * 100; i++) {
                if (player.play("x", RecordingSpeechEngine.tone(8000, 8), stale)) {
                    accepted++;
                }
            }
            assertThat(accepted).isGreaterThanOrEqualTo(VoicePlayer.QUEUE);
        }
    }
}
