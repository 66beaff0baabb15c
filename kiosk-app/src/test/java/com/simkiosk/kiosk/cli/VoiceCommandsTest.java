package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.kiosk.Main;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.voice.Speech;
import com.simkiosk.kiosk.voice.VoiceCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kiosk voice} and {@code ./kiosk voice-check} through the real espeak-ng: every prompt of every screen in
 * every language is audible, and as long as its text: not cut short, not stuck.
 */
class VoiceCommandsTest {
    /** Full-scale RMS of speech is about 0.05–0.2; silence or a click is below 0.01. */
    private static final double AUDIBLE = 0.02;
    /** espeak-ng's own pauses around a text: a one-word prompt lasts about 0.7 s. */
    private static final double PAUSES = 0.8;
    /** Seconds per spoken unit (mora, syllable, word) a plausible rendering stays within, pauses aside, by language. */
    private static final Map<String, double[]> PACE = Map.of(
            "ja", new double[] {0.05, 0.30},
            "ko", new double[] {0.08, 0.45},
            "zh-Hans", new double[] {0.12, 0.60},
            "zh-Hant", new double[] {0.12, 0.60},
            "en", new double[] {0.15, 0.80});

    @Test
    void voiceWritesOneAudibleWavFile(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("ja.wav");
        int code = Main.run(new String[] {"voice", "--lang", "ja", "--text", "のこりの データは、ろっぴゃくにじゅうメガバイトです。",
            "--out", wav.toString()});
        assertThat(code).isZero();
        Speech s = Speech.fromWav(Files.readAllBytes(wav));
        assertThat(s.rms()).isGreaterThan(AUDIBLE);
        assertThat(Main.run(new String[] {"voice", "--lang", "fr", "--text", "x", "--out", wav.toString()})).isEqualTo(2);
    }

    @Test
    void voiceCheckRendersEveryPromptOfEveryScreenInEveryLanguageAudiblyAndAtAPlausibleLength(@TempDir Path dir)
            throws Exception {
        int code = Main.run(new String[] {"voice-check", "--out", dir.toString()});
        assertThat(code).isZero();
        JsonNode entries = new ObjectMapper().readTree(dir.resolve("voice.json").toFile());
        List<String> problems = new ArrayList<>();
        for (JsonNode e : entries) {
            String lang = e.get("language").asText();
            Path file = dir.resolve(e.get("file").asText());
            Speech s = Speech.fromWav(Files.readAllBytes(file));
            int units = VoiceCheck.units(e.get("text").asText(), Language.fromTag(lang).orElseThrow());
            double seconds = s.duration().toMillis() / 1000.0;
            double perUnit = Math.max(0, seconds - PAUSES) / Math.max(1, units);
            double perUnitWithPauses = seconds / Math.max(1, units);
            if (s.rms() <= AUDIBLE) {
                problems.add("silent: " + e.get("file").asText() + " RMS " + s.rms());
            }
            double[] pace = PACE.get(lang);
            if (perUnitWithPauses < pace[0] || perUnit > pace[1]) {
                problems.add(String.format("%s: %.2f s for %d units (%.3f s each): %s", e.get("file").asText(),
                        s.duration().toMillis() / 1000.0, units, perUnit, e.get("text").asText()));
            }
            assertThat(e.get("durationSeconds").asDouble()).isEqualTo(s.duration().toMillis() / 1000.0);
        }
        assertThat(problems).isEmpty();
        assertThat(entries.size()).isGreaterThan(5 * 90);
        for (Language l : Language.values()) {
            assertThat(entries.findValuesAsText("language")).contains(l.tag());
        }
    }
}
