package com.simkiosk.kiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.app.Fx;
import com.simkiosk.kiosk.flow.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same check as {@link LineBreaksTest}, measured: every Japanese, Chinese and Korean message laid out by JavaFX
 * (Monocle) at several widths, reading where each line starts from the caret positions.
 */
class WrappedLinesFxTest {
    private static final double[] WIDTHS = {260, 420, 640};

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JA", "ZH_HANS", "ZH_HANT", "KO"})
    void noLineStartsInsideAWordOrWithClosingPunctuation(Language language) throws Exception {
        Properties p = BundleCompletenessTest.load(language);
        List<String> problems = Fx.call(() -> {
            List<String> found = new ArrayList<>();
            Font font = Font.font(LanguageLook.fontFamily(language), 28);
            for (String key : p.stringPropertyNames()) {
                String text = withSampleValues(p.getProperty(key));
                String glued = LineBreaks.keepWordsTogether(text);
                var allowed = LineBreaks.allowedBreaks(text);
                for (double width : WIDTHS) {
                    for (int start : lineStarts(glued, font, width)) {
                        boolean oneWordLongerThanTheLine = false;
                        if (!allowed.get(start) && !Character.isWhitespace(text.charAt(start - 1))) {
                            // a phrase wider than the line has to break somewhere: only then is a forced break fair
                            int from = start;
                            while (from > 0 && !allowed.get(from)) {
                                from--;
                            }
                            oneWordLongerThanTheLine = width(text.substring(from, start + 1), font) > width;
                            // Known JavaFX limit: it looks for a break only inside the script run that overflows, so
                            // in a word that begins in Latin (「PINコード」) the kana run may still break by character.
                            boolean latinThenKana = text.charAt(from) < 128 && Character.isLetter(text.charAt(from))
                                    && LineBreaks.isKana(text.charAt(start));
                            if (!oneWordLongerThanTheLine && !latinThenKana) {
                                found.add(key + " at " + width + ": " + text.substring(0, start) + " | " + text.substring(start));
                            }
                        }
                    }
                }
            }
            return found;
        });
        assertThat(problems).as("lines that start where a word or kinsoku forbids, in %s", language).isEmpty();
    }

    /**
     * The text as a customer reads it: each placeholder ({@code {0}}, and a choice such as
     * {@code {0,choice,0#今日|1#明日|...}}, braces nested) stands for a short value, here the digit 2.
     */
    static String withSampleValues(String pattern) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                if (depth++ == 0) {
                    out.append('2');
                }
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Positions in the plain text where JavaFX starts a new line. */
    private static List<Integer> lineStarts(String glued, Font font, double width) {
        Text t = new Text(glued);
        t.setFont(font);
        t.setWrappingWidth(width);
        List<Integer> starts = new ArrayList<>();
        double lastY = caretY(t, 0);
        for (int i = 1; i < glued.length(); i++) {
            double y = caretY(t, i);
            if (y > lastY + 1) {
                starts.add(LineBreaks.plain(glued.substring(0, i)).length());
                lastY = y;
            }
        }
        return starts;
    }

    private static double caretY(Text t, int index) {
        PathElement[] caret = t.caretShape(index, true);
        return ((MoveTo) caret[0]).getY();
    }

    private static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
