package com.simkiosk.kiosk.voice;

import com.simkiosk.kiosk.flow.Language;
import java.time.Duration;

/**
 * Text in one of the kiosk's languages to speech. The text is a speech script (kana, pinyin, hangul …), never screen
 * text. Every call is bounded: an engine that does not answer within {@code bound} is stopped and throws.
 * Replaceable: espeak-ng today, another voice later; tests use a recording fake.
 */
public interface SpeechEngine {

    Speech render(String text, Language language, Duration bound) throws SpeechException;

    /**
     * Names the engine and its voices, so that a cache of rendered prompts is dropped when either changes
     * (e.g. {@code espeak-ng 1.51 ja,en-us,cmn-latn-pinyin,ko}).
     */
    String id();
}
