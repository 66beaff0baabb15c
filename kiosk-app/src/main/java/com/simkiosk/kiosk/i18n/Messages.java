package com.simkiosk.kiosk.i18n;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import com.simkiosk.kiosk.flow.Language;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The texts of one language. Every value is a {@link MessageFormat} pattern; numbers, dates and data amounts are
 * formatted here so that screens never build a sentence themselves.
 */
public final class Messages {
    public static final String BUNDLE = "com.simkiosk.kiosk.i18n.messages";
    private static final Logger log = LoggerFactory.getLogger(Messages.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    public static Messages of(Language language) {
        // No fallback to the JVM's default locale: a missing file must fail loudly, not show another language.
        return new Messages(language, ResourceBundle.getBundle(BUNDLE, bundleLocale(language), NO_FALLBACK));
    }

    public Language language() {
        return language;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key}; a missing key shows as the key itself (and a test fails on it). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            log.warn("missing text {} for {}", key, language.tag());
            return key;
        }
        if (language == Language.KO && args.length > 0) {
            pattern = KoreanParticles.fix(pattern, args, this::argumentText);
        }
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    /** A title and its explanation as one notice, joined the way the language ends a sentence (never glued). */
    public String notice(String baseKey) {
        return sentences(get(baseKey + ".title"), get(baseKey + ".body"));
    }

    /** Two sentences in a row ({@code common.notice}): the first gets the language's full stop, and only one. */
    public String sentences(String first, String second) {
        if (first.endsWith("?") || first.endsWith("!")) {
            return first + " " + second;
        }
        if (first.endsWith("？") || first.endsWith("！")) {
            return first + second;
        }
        return get("common.notice", first.replaceAll("[.。．]+$", ""), second);
    }

    /**
     * Whole seconds left until {@code until}, rounded up, so that a 30-second wait reads 30, 29 … 1 and never 31;
     * zero once it has passed.
     */
    public static long secondsLeft(Instant now, Instant until) {
        long millis = Duration.between(now, until).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    private String argumentText(Object arg) {
        return arg instanceof Number n ? NumberFormat.getInstance(language.locale()).format(n) : String.valueOf(arg);
    }

    /** {@code 1,234円} / {@code ¥1,234}. */
    public String yen(long yen) {
        return get("balance.yenValue", grouped(yen));
    }

    public String grouped(long n) {
        return NumberFormat.getIntegerInstance(language.locale()).format(n);
    }

    /** Data in the units phones show: {@code 2.4 GB}, {@code 512 MB} (decimal units, as carriers sell them). */
    public String data(long bytes) {
        NumberFormat nf = NumberFormat.getNumberInstance(language.locale());
        if (bytes >= 1_000_000_000L) {
            nf.setMaximumFractionDigits(bytes >= 10_000_000_000L ? 0 : 1);
            return nf.format(bytes / 1e9) + " GB";
        }
        nf.setMaximumFractionDigits(0);
        return nf.format(bytes / 1e6) + " MB";
    }

    public String minutes(long seconds) {
        return get("balance.voiceValue", grouped(Duration.ofSeconds(seconds).toMinutes()));
    }

    /**
     * A date with its weekday, one format per language ({@code format.date} in the bundle): {@code 12月2日（水）},
     * {@code Wed 2 Dec}, {@code 12月2日（周三）}, {@code 12월 2일 (수)}.
     */
    public String date(LocalDate date) {
        return formatter("format.date").format(date);
    }

    /** A date with its weekday and a 24-hour time ({@code format.dateTime}): {@code 12月2日（水）23:59}. */
    public String dateTime(ZonedDateTime time) {
        return formatter("format.dateTime").format(time);
    }

    private DateTimeFormatter formatter(String key) {
        return DateTimeFormatter.ofPattern(bundle.getString(key), language.locale());
    }

    /** Days left as the glossary says them ({@code あと3日}, {@code Expires today}). */
    public String daysLeft(long days) {
        if (days <= 0) {
            return get("balance.expiresToday");
        }
        if (days == 1) {
            return get("balance.dayLeft");
        }
        return get("balance.daysLeft", grouped(days));
    }

    /** Bundle files are named by region (zh_CN, zh_TW) so that every JDK finds them for zh-Hans / zh-Hant. */
    private static Locale bundleLocale(Language language) {
        String[] parts = LanguageLook.bundleSuffix(language).split("_");
        return parts.length == 2 ? new Locale(parts[0], parts[1]) : new Locale(parts[0]);
    }

    @Override
    public String toString() {
        return "Messages[" + language.tag() + "]";
    }
}
