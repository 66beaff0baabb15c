package com.simkiosk.kiosk.voice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.simkiosk.kiosk.flow.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders every prompt of every screen (with the sample figures of {@link VoiceSamples}) in the given languages to
 * {@code <dir>/<lang>/NNN-<screen>-<key>.wav}, and lists them in {@code <dir>/voice.json}: what a person listens to
 * before a release, and what the tests measure (loudness, length for the text).
 */
public final class VoiceCheck {
    private VoiceCheck() {}

    @JsonPropertyOrder({"screen", "language", "key", "text", "file", "durationSeconds", "rms"})
    public record Entry(String screen, String language, String key, String text, String file, double durationSeconds,
                        double rms) {}

    public static List<Entry> run(SpeechEngine engine, List<Language> languages, Path dir, Duration bound)
            throws IOException, SpeechException {
        List<Entry> entries = new ArrayList<>();
        for (Language language : languages) {
            Path langDir = dir.resolve(language.tag());
            Files.createDirectories(langDir);
            int n = 0;
            for (VoiceSamples.Prompt p : VoiceSamples.prompts(SpeechScripts.of(language))) {
                Speech speech = engine.render(p.utterance().text(), language, bound);
                String name = String.format("%03d-%s-%s.wav", ++n, p.screen(), p.utterance().key());
                Files.write(langDir.resolve(name), speech.toWav());
                entries.add(new Entry(p.screen(), language.tag(), p.utterance().key(), p.utterance().text(),
                        language.tag() + "/" + name, speech.duration().toMillis() / 1000.0,
                        Math.round(speech.rms() * 10_000) / 10_000.0));
            }
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("voice.json").toFile(), entries);
        return entries;
    }

    /**
     * How many spoken units a text has, for a plausible length: kana (morae) in Japanese, hangul syllables in Korean,
     * pinyin syllables in Mandarin, words in English (and one more per digit: 1280 is four words).
     */
    public static int units(String text, Language language) {
        return switch (language) {
            case JA -> (int) text.codePoints().filter(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HIRAGANA
                    || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.KATAKANA || Character.isDigit(c)).count();
            case KO -> (int) text.codePoints().filter(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HANGUL_SYLLABLES
                    || Character.isDigit(c)).count();
            case ZH_HANS, ZH_HANT -> text.split("(?<=[a-zü][1-5])|\\b(?:de|le|men|ma)\\b", -1).length - 1;
            case EN -> text.trim().split("[\\s-]+").length + (int) text.chars().filter(Character::isDigit).count();
        };
    }
}
