package com.simkiosk.kiosk.i18n;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean particles that depend on the word before them (을/를, 이/가, 은/는, 과/와, 으로/로, 이에요/예요), chosen
 * from how that word is read aloud: the final consonant (batchim) of its last Hangul syllable, digits as Korean
 * numerals (4 → 사, 10 → 십, 1,000 → 천), Latin letters by their Korean names (SIM → 심, PIN → 핀). Bundles write
 * one form after a placeholder ({@code {0}로}); {@link #fix} picks the right one once the value is known, so no
 * text ever shows 「(으)로」.
 */
public final class KoreanParticles {
    private KoreanParticles() {}

    /** How the end of a word sounds: no final consonant, ㄹ, or another final consonant. */
    enum Ending { VOWEL, RIEUL, CONSONANT }

    /** Each pair: form after a consonant, form after a vowel. 으로/로 also takes 로 after ㄹ. */
    private static final List<String[]> PAIRS = List.of(
            new String[] {"으로", "로"}, new String[] {"이에요", "예요"}, new String[] {"을", "를"},
            new String[] {"이", "가"}, new String[] {"은", "는"}, new String[] {"과", "와"});
    private static final Pattern AFTER_PLACEHOLDER = Pattern.compile("\\{(\\d+)}(으로|로|이에요|예요|을|를|이|가|은|는|과|와)");

    /** {@code word} followed by the right form of {@code particle} (either form may be given). */
    public static String attach(String word, String particle) {
        return word + choose(word, particle);
    }

    /** The form of {@code particle} that follows {@code word}; unknown particles come back unchanged. */
    public static String choose(String word, String particle) {
        for (String[] pair : PAIRS) {
            if (pair[0].equals(particle) || pair[1].equals(particle)) {
                Ending e = ending(word);
                boolean consonantForm = pair[0].equals("으로") ? e == Ending.CONSONANT : e != Ending.VOWEL;
                return consonantForm ? pair[0] : pair[1];
            }
        }
        return particle;
    }

    /**
     * Rewrites {@code {n}particle} in a Korean pattern to {@code {n}} + the form that suits {@code args[n]}'s text.
     * Only plain placeholders ({@code {0}}, not {@code {0,number}}) are touched.
     */
    static String fix(String pattern, Object[] args, java.util.function.Function<Object, String> text) {
        Matcher m = AFTER_PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            String replacement = i < args.length && args[i] != null
                    ? "{" + m.group(1) + "}" + choose(text.apply(args[i]), m.group(2))
                    : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** How {@code word} ends when read aloud; trailing punctuation, spaces and masking stars are skipped. */
    static Ending ending(String word) {
        int end = word.length();
        while (end > 0 && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return Ending.CONSONANT; // nothing readable: 으로/을/이 read naturally after a pause
        }
        char c = word.charAt(end - 1);
        if (c >= '가' && c <= '힣') {
            int batchim = (c - '가') % 28;
            return batchim == 0 ? Ending.VOWEL : batchim == 8 ? Ending.RIEUL : Ending.CONSONANT;
        }
        if (c >= '0' && c <= '9') {
            return numberEnding(word.substring(0, end));
        }
        if (c < 128 && Character.isLetter(c)) {
            return letterEnding(Character.toUpperCase(c));
        }
        return Ending.CONSONANT;
    }

    /**
     * The last digits read as Korean numerals. A number written in groups with hyphens or a leading zero (a phone
     * number, {@code 090-****-5670}) is read digit by digit (0 → 공); a plain amount by place value (10 → 십,
     * 100 → 백, 1,000 → 천, 10,000 → 만).
     */
    private static Ending numberEnding(String text) {
        int end = text.length();
        int start = end;
        while (start > 0 && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == ',')) {
            start--;
        }
        String digits = text.substring(start, end).replace(",", "");
        boolean digitByDigit = (start > 0 && text.charAt(start - 1) == '-') || (digits.length() > 1 && digits.charAt(0) == '0');
        if (digitByDigit || digits.equals("0")) {
            return digitEnding(digits.charAt(digits.length() - 1));
        }
        int zeros = 0;
        for (int i = digits.length() - 1; i >= 0 && digits.charAt(i) == '0'; i--) {
            zeros++;
        }
        if (zeros == 0) {
            return digitEnding(digits.charAt(digits.length() - 1));
        }
        // Place values end in 십 (ㅂ), 백 (ㄱ), 천 (ㄴ), 만 (ㄴ), 억 (ㄱ), 경 (ㅇ); only 조 (10^12 … 10^15) in a vowel.
        return zeros >= 12 && zeros <= 15 ? Ending.VOWEL : Ending.CONSONANT;
    }

    /** 일 칠 팔 end in ㄹ; 이 사 오 구 in a vowel; 삼 육 and 공/영 in another consonant. */
    private static Ending digitEnding(char d) {
        return switch (d) {
            case '1', '7', '8' -> Ending.RIEUL;
            case '2', '4', '5', '9' -> Ending.VOWEL;
            default -> Ending.CONSONANT; // 0 공/영, 3 삼, 6 육
        };
    }

    /** Latin letters by their Korean names: L 엘 and R 알 end in ㄹ; M 엠 and N 엔 in another consonant. */
    private static Ending letterEnding(char c) {
        return switch (c) {
            case 'L', 'R' -> Ending.RIEUL;
            case 'M', 'N' -> Ending.CONSONANT;
            default -> Ending.VOWEL; // 에이, 비, 씨 … 에스, 에프, 에이치 end in a vowel sound
        };
    }
}
