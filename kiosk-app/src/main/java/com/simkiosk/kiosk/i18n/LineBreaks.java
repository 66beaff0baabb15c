package com.simkiosk.kiosk.i18n;

import java.text.BreakIterator;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where Japanese, Chinese and Korean text may wrap. JavaFX wraps with the JDK's line {@link BreakIterator}, which
 * breaks between any two ideographs, kana or Hangul syllables (「番/号」, 「くださ/い」, 「인/증」). This class marks the
 * places where a line must not break with U+FEFF ZERO WIDTH NO-BREAK SPACE, the one joiner that iterator honours
 * (it ignores U+2060 WORD JOINER), so that JavaFX's own wrapping keeps words and punctuation together:
 * <ul>
 *   <li>no break inside a word of {@link BreakIterator#getWordInstance} (a run of kanji, of kana, of Hangul);</li>
 *   <li>Japanese: no break before hiragana that follows a word (「番号を」, 「入力して」 stay whole), nor between
 *       okurigana and the next kanji unless it is a particle (「受け付け」 stays whole, 「番号を|入力」 may break), nor
 *       after the prefixes お/ご: lines break between phrases;</li>
 *   <li>Korean: breaks only at spaces, as Korean is written (keep-all);</li>
 *   <li>kinsoku: no line starts with 、。，」）ー・small kana etc., no line ends with 「（ etc.</li>
 * </ul>
 * Latin text is returned unchanged; a word longer than the line still breaks (JavaFX falls back to characters).
 */
public final class LineBreaks {
    /** The joiner: zero width, no break on either side. */
    public static final char GLUE = '\uFEFF';

    /** Must not start a line: closing brackets and punctuation, the long-vowel mark, small kana, iteration marks. */
    static final String NO_LINE_START = "、。，．,.：:；;？?！!）)］]｝}〕〉》」』】〙〗〟’”｠»ー―‐–〜～…‥・ゝゞ々〻ヽヾ"
            + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ％%℃°′″";
    /** Must not end a line: opening brackets and currency signs. */
    static final String NO_LINE_END = "（(［[｛{〔〈《「『【〘〖〝‘“｟«¥￥$＄＃#";

    /** Japanese particles that end a phrase: a line may break after them, before the next word. */
    private static final String PARTICLES = "をはがにでとのもへやかねよ";

    /**
     * One word iterator per locale (ja, ko, zh), never given a text, cloned for each use. The JDK keeps only the last
     * locale's, so the attract screen's three scripts made it read its rule tables from the runtime image again on
     * almost every label: ≈ 17 % of what a journey allocated (issue 17, JFR). A clone shares the tables and holds
     * only its own text, so no customer's text stays in the cache.
     */
    private static final Map<Locale, BreakIterator> WORDS = new ConcurrentHashMap<>();

    private LineBreaks() {}

    /** {@code text} with {@link #GLUE} wherever a line must not break; text without CJK or Hangul is unchanged. */
    public static String keepWordsTogether(String text) {
        if (text == null || text.isEmpty() || !hasEastAsian(text)) {
            return text;
        }
        String plain = plain(text);
        BitSet allowed = allowedBreaks(plain);
        StringBuilder out = new StringBuilder(plain.length() + plain.length() / 2);
        out.append(plain.charAt(0));
        for (int i = 1; i < plain.length(); i++) {
            if (!allowed.get(i) && needsGlue(plain, i)) {
                out.append(GLUE);
            }
            out.append(plain.charAt(i));
        }
        return out.toString();
    }

    /** The text without the joiners, as a person reads it (for comparisons and logs). */
    public static String plain(String shown) {
        return shown == null || shown.indexOf(GLUE) < 0 ? shown : shown.replace(String.valueOf(GLUE), "");
    }

    /**
     * Positions {@code i} (a break between {@code text[i-1]} and {@code text[i]}) where this rule lets a line break.
     * Positions next to spaces and line feeds are always allowed: the joiner only ever goes between two visible
     * characters.
     */
    public static BitSet allowedBreaks(String text) {
        BitSet allowed = new BitSet(text.length() + 1);
        BreakIterator words = (BreakIterator) WORDS.computeIfAbsent(localeOf(text), BreakIterator::getWordInstance).clone();
        words.setText(text);
        for (int b = words.first(); b != BreakIterator.DONE; b = words.next()) {
            allowed.set(b);
        }
        boolean korean = text.codePoints().anyMatch(LineBreaks::isHangul);
        boolean japanese = text.codePoints().anyMatch(LineBreaks::isKana);
        for (int i = 1; i < text.length(); i++) {
            char before = text.charAt(i - 1);
            char after = text.charAt(i);
            if (Character.isWhitespace(before) || Character.isWhitespace(after)) {
                allowed.set(i, Character.isWhitespace(before));
                continue;
            }
            if (NO_LINE_START.indexOf(after) >= 0 || NO_LINE_END.indexOf(before) >= 0) {
                allowed.clear(i);
            } else if (korean && (isHangul(before) || isHangul(after))) {
                allowed.clear(i); // Korean wraps at spaces only
            } else if (japanese && PARTICLES.indexOf(before) >= 0 && (after == 'お' || after == 'ご') && i + 1 < text.length()
                    && !isHiragana(text.charAt(i + 1))) {
                allowed.set(i); // a phrase ends, an honorific word begins: 「会社に|お問い合わせ」
            } else if (japanese && before < 128 && Character.isLetter(before) && isKana(after) && !isHiragana(after)) {
                allowed.clear(i); // one word in two scripts: 「SIMカード」「PINコード」
            } else if (japanese && isHiragana(after) && Character.isLetterOrDigit(before)) {
                allowed.clear(i); // particles and endings stay with their word: 「番号を」「入力して」
            } else if (japanese && (before == 'お' || before == 'ご') && isPrefix(text, i - 1) && !isHiragana(after)) {
                allowed.clear(i); // 「ご利用」「お支払い」
            } else if (japanese && isHiragana(before) && !isHiragana(after) && Character.isLetterOrDigit(after)
                    && PARTICLES.indexOf(before) < 0) {
                allowed.clear(i); // okurigana inside a word: 「受け付け」「お問い合わせ」「残り1回」
            }
        }
        allowed.clear(0);
        allowed.clear(text.length());
        return allowed;
    }

    /** お/ご as an honorific prefix: at the start, or after something that is not hiragana. */
    private static boolean isPrefix(String text, int at) {
        return at == 0 || !isHiragana(text.charAt(at - 1));
    }

    /** Glue only between two visible characters, at least one of them East Asian (Latin wraps as before). */
    private static boolean needsGlue(String text, int i) {
        char before = text.charAt(i - 1);
        char after = text.charAt(i);
        if (Character.isWhitespace(before) || Character.isWhitespace(after)) {
            return false;
        }
        return isEastAsian(before) || isEastAsian(after);
    }

    private static Locale localeOf(String text) {
        if (text.codePoints().anyMatch(LineBreaks::isKana)) {
            return Locale.JAPANESE;
        }
        if (text.codePoints().anyMatch(LineBreaks::isHangul)) {
            return Locale.KOREAN;
        }
        return Locale.CHINESE;
    }

    static boolean hasEastAsian(String text) {
        return text.chars().anyMatch(c -> isEastAsian((char) c));
    }

    static boolean isEastAsian(int c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || b == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.HIRAGANA
                || b == Character.UnicodeBlock.KATAKANA
                || b == Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS
                || isHangul(c)
                || c == '…' || c == '‥' || c == '・';
    }

    static boolean isHangul(int c) {
        return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
    }

    static boolean isKana(int c) {
        return (c >= 0x3041 && c <= 0x30FF && c != 0x30FB) || (c >= 0x31F0 && c <= 0x31FF);
    }

    static boolean isHiragana(int c) {
        return c >= 0x3041 && c <= 0x309F;
    }
}
