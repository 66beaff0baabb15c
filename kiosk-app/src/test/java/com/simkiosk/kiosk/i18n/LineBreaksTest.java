package com.simkiosk.kiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.Language;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * JavaFX wraps with the JDK's line BreakIterator. Run that iterator over every glued message, as JavaFX does, and
 * check where it may break: never inside a word, never before 、。」ー or after 「（, Korean only at spaces.
 */
class LineBreaksTest {

    /** Where JavaFX may wrap the glued text, as positions in the plain text. */
    static List<Integer> javafxBreaks(String glued) {
        BreakIterator line = BreakIterator.getLineInstance(Locale.JAPANESE);
        line.setText(glued);
        List<Integer> out = new ArrayList<>();
        for (int b = line.next(); b != BreakIterator.DONE && b < glued.length(); b = line.next()) {
            out.add(LineBreaks.plain(glued.substring(0, b)).length());
        }
        return out;
    }

    @Test
    void wordsFromTheIssueStayWhole() {
        String glued = LineBreaks.keepWordsTogether("電話番号を入力してください。");
        assertThat(LineBreaks.plain(glued)).isEqualTo("電話番号を入力してください。");
        // 電話番号を | 入力してください。 — the only place left is between the two phrases
        assertThat(javafxBreaks(glued)).containsExactly(5);
    }

    @Test
    void closingPunctuationAndTheLongVowelMarkNeverStartALine() {
        for (String s : List.of("データーチャージ（日本時間）です。", "「申込券」をお取りください、", "请稍后再试。谢谢。")) {
            String plain = s;
            for (int b : javafxBreaks(LineBreaks.keepWordsTogether(s))) {
                assertThat(LineBreaks.NO_LINE_START.indexOf(plain.charAt(b))).as("%s breaks before %s", s, plain.charAt(b)).isNegative();
                assertThat(LineBreaks.NO_LINE_END.indexOf(plain.charAt(b - 1))).as("%s breaks after %s", s, plain.charAt(b - 1)).isNegative();
            }
        }
    }

    @Test
    void koreanWrapsOnlyAtSpaces() {
        String s = "인증번호를 입력해 주세요.";
        assertThat(javafxBreaks(LineBreaks.keepWordsTogether(s))).allSatisfy(b -> assertThat(s.charAt(b - 1)).isEqualTo(' '));
    }

    @Test
    void latinTextIsLeftAsItIs() {
        String s = "Enter your phone number (starts with 070, 080, 090 or 020)";
        assertThat(LineBreaks.keepWordsTogether(s)).isSameAs(s);
    }

    @Test
    void gluingTwiceChangesNothing() {
        String once = LineBreaks.keepWordsTogether("SIMカードをお取りください");
        assertThat(LineBreaks.keepWordsTogether(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JA", "ZH_HANS", "ZH_HANT", "KO"})
    void noMessageBreaksInsideAWordOrAgainstKinsoku(Language language) throws Exception {
        Properties p = BundleCompletenessTest.load(language);
        Locale locale = language.locale();
        for (String key : p.stringPropertyNames()) {
            String text = p.getProperty(key);
            String glued = LineBreaks.keepWordsTogether(text);
            assertThat(LineBreaks.plain(glued)).as(key).isEqualTo(text);
            BitSet insideWords = insideWords(text, locale);
            for (int b : javafxBreaks(glued)) {
                char before = text.charAt(b - 1);
                char after = text.charAt(b);
                String where = key + " in " + language + ": " + text.substring(0, b) + " | " + text.substring(b);
                // the JDK's word iterator takes a whole hiragana run as one word: 「はお支払い」 is the particle は and
                // the honorific お of the next word, the one place a "word" of it may break
                boolean particleThenHonorific = "をはがにでとのもへやかねよ".indexOf(before) >= 0 && (after == 'お' || after == 'ご');
                assertThat(insideWords.get(b) && !particleThenHonorific).as("breaks inside a word: %s", where).isFalse();
                assertThat(LineBreaks.NO_LINE_START.indexOf(after)).as("line starts with %s: %s", after, where).isNegative();
                assertThat(LineBreaks.NO_LINE_END.indexOf(before)).as("line ends with %s: %s", before, where).isNegative();
                if (language == Language.KO && LineBreaks.isHangul(before)) {
                    assertThat(Character.isWhitespace(text.charAt(b - 1))).as("Korean breaks at spaces: %s", where).isTrue();
                }
            }
        }
    }

    /** Positions strictly inside a word of letters that the word BreakIterator keeps together. */
    private static BitSet insideWords(String text, Locale locale) {
        BitSet inside = new BitSet();
        BreakIterator words = BreakIterator.getWordInstance(locale);
        words.setText(text);
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (Character.isLetter(text.charAt(start))) {
                inside.set(start + 1, end);
            }
        }
        return inside;
    }
}
