package com.simkiosk.kiosk.voice;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.i18n.LanguageLook;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;

/**
 * The speech scripts of one language ({@code voice/speech_<lang>.properties}): written for the synthesizer, not
 * for the eye, so they are apart from the screen texts. Arguments are already spoken figures ({@link SpokenFigures}).
 */
public final class SpeechScripts {
    private final Language language;
    private final Properties scripts;
    private final SpokenFigures figures;

    private SpeechScripts(Language language, Properties scripts) {
        this.language = language;
        this.scripts = scripts;
        this.figures = SpokenFigures.of(language);
    }

    public static SpeechScripts of(Language language) {
        return new SpeechScripts(language, load(language));
    }

    /** The bundle file's contents, for the completeness test. */
    static Properties load(Language language) {
        String path = "speech_" + LanguageLook.bundleSuffix(language) + ".properties";
        try (InputStream in = SpeechScripts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("speech scripts missing: " + path);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Language language() {
        return language;
    }

    public SpokenFigures figures() {
        return figures;
    }

    public Set<String> keys() {
        return scripts.stringPropertyNames();
    }

    /** A script with no figures: may be pre-rendered and cached. A missing script is an error (a test catches it). */
    public Utterance fixed(String key) {
        return new Utterance(key, text(key), true);
    }

    /** A script with figures: rendered when needed, never cached. */
    public Utterance withFigures(String key, String... figures) {
        String text = text(key, (Object[]) figures);
        return new Utterance(key, text, false, lead(key, figures.length, text));
    }

    /**
     * The script's words before its first figure, as formatted ({@code MessageFormat}'s quoting applied), cut back to
     * the last space or punctuation so that the piece ends on a word; empty when there is none.
     */
    private String lead(String key, int arguments, String text) {
        Object[] marks = new Object[Math.max(1, arguments)];
        java.util.Arrays.fill(marks, FIGURE_MARK);
        String marked = text(key, marks);
        int at = marked.indexOf(FIGURE_MARK);
        String lead = at < 0 ? "" : marked.substring(0, at);
        int end = lead.length();
        while (end > 0 && !isBreak(lead.charAt(end - 1))) {
            end--;
        }
        lead = lead.substring(0, end);
        return text.startsWith(lead) ? lead : "";
    }

    private static boolean isBreak(char c) {
        return Character.isWhitespace(c) || "、。，,.:：;!?！？".indexOf(c) >= 0;
    }

    /** Stands for a figure while the lead is found (a private-use character: never in a script). */
    private static final String FIGURE_MARK = "\uE000";

    String text(String key, Object... args) {
        String pattern = scripts.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no speech script " + key + " for " + language.tag());
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }
}
