package com.simkiosk.kiosk.i18n;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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
        return new MessageFormat(pattern, language.locale()).format(args);
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

    /** A long date in the customer's language, e.g. {@code 2026年12月1日} or {@code December 1, 2026}. */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()).format(date);
    }

    /** A date and time, e.g. {@code 2026/12/01 14:05}. */
    public String dateTime(ZonedDateTime time) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale())
                .format(time);
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
