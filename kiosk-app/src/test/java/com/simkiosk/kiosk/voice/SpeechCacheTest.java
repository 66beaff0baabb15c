package com.simkiosk.kiosk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.Language;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache stores fixed prompts as μ-law with short silent ends: smaller on disk, the same speech when read back. */
class SpeechCacheTest {
    @Test
    void aPromptIsStoredAsUlawAtHalfTheBytesAndReadsBackAsTheSameSpeech(@TempDir Path dir) throws Exception {
        Speech tone = RecordingSpeechEngine.tone(22050, 22050); // one second
        Speech padded = withSilence(tone, 22050, 22050 / 2); // a second of silence before, half after
        Utterance u = new Utterance("attract", "Welcome.", true);
        new SpeechCache(dir, "test").put(u, Language.EN, padded);

        Path file = new SpeechCache(dir, "test").fileFor(u, Language.EN);
        assertThat(Files.size(file)).as("8-bit and trimmed").isLessThan(padded.pcm().length / 3);
        Speech back = new SpeechCache(dir, "test").get(u, Language.EN).orElseThrow(); // a new cache: read from disk
        assertThat(back.sampleRate()).isEqualTo(22050);
        double expected = padded.trimmed(SpeechCache.EDGE, SpeechCache.PAUSE).rms();
        assertThat(back.rms()).as("μ-law keeps the loudness").isCloseTo(expected, org.assertj.core.data.Offset.offset(expected * 0.03));
        assertThat(back.duration()).as("the tone, 20 ms before it and 250 ms after")
                .isBetween(Duration.ofMillis(1260), Duration.ofMillis(1280));
    }

    @Test
    void anOlderPcmFileIsStillReadable() throws Exception {
        Speech tone = RecordingSpeechEngine.tone(22050, 2205);
        assertThat(Speech.fromWav(tone.toWav()).pcm()).isEqualTo(tone.pcm());
        assertThat(Speech.fromWav(tone.toUlawWav()).duration()).isEqualTo(Duration.ofMillis(100));
    }

    private static Speech withSilence(Speech s, int before, int after) {
        ByteBuffer b = ByteBuffer.allocate(s.pcm().length + 2 * (before + after)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(2 * before);
        b.put(s.pcm());
        return new Speech(s.sampleRate(), b.array());
    }
}
