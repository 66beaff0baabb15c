package com.simkiosk.kiosk.voice;

import com.simkiosk.kiosk.flow.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a key press says. On the phone number keypad each digit as typed (never the whole number), and when the
 * number is complete its length; on the PIN and code keypads only "one digit entered"; on the registered-detail
 * keypad (a passport or order number, a secret the line is verified with) only "one character entered".
 */
public final class KeypadSpeech {
    private KeypadSpeech() {}

    /** A key of the keypad, by the id the {@code Keypad} gives its button ({@code key-5}, {@code key-delete}, …). */
    public static Optional<Utterance> forKey(String keyId, State shown, SpeechScripts s) {
        if (keyId.equals("key-delete")) {
            return Optional.of(s.fixed("key.deleted"));
        }
        if (keyId.equals("key-clear")) {
            return Optional.of(s.fixed("key.cleared"));
        }
        if (!keyId.startsWith("key-") || keyId.equals("key-toggle")) {
            return Optional.empty();
        }
        String key = keyId.substring(4);
        if (shown instanceof State.EnterPin || shown instanceof State.EnterCode) {
            return Optional.of(s.fixed("key.digitEntered"));
        }
        if (shown instanceof State.EnterDetail) {
            return Optional.of(s.fixed("key.characterEntered"));
        }
        if (shown instanceof State.EnterNumber && key.length() == 1 && Character.isDigit(key.charAt(0))) {
            return Optional.of(digit(key.charAt(0), s));
        }
        return Optional.empty();
    }

    /** The number screen after a key: the number is complete (its length, never its digits). */
    public static Optional<Utterance> numberComplete(State.EnterNumber before, State.EnterNumber now, SpeechScripts s) {
        if (now.valid() && !before.valid()) {
            return Optional.of(s.withFigures("enterNumber.complete", s.figures().digits(now.typed().length())));
        }
        return Optional.empty();
    }

    /** One digit: a figure, but not a personal one (each is said alone). Cacheable: ten files per language. */
    static Utterance digit(char d, SpeechScripts s) {
        return new Utterance("digit." + d, s.figures().digit(d), true);
    }

    static List<Utterance> all(SpeechScripts s) {
        List<Utterance> out = new ArrayList<>();
        for (char d = '0'; d <= '9'; d++) {
            out.add(digit(d, s));
        }
        for (String k : List.of("key.digitEntered", "key.characterEntered", "key.deleted", "key.cleared")) {
            out.add(s.fixed(k));
        }
        out.add(s.withFigures("enterNumber.complete", s.figures().digits(11)));
        return out;
    }
}
