package com.simkiosk.kiosk.i18n;

import com.simkiosk.carrier.Units;
import com.simkiosk.kiosk.flow.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one way the kiosk writes dates and times for customers: always in Japan time ({@link #ZONE}), always with the
 * weekday where a day is named, in each language's own order.
 *
 * <ul>
 *   <li>{@link #day}: {@code 12月2日（水）} · {@code Wed 2 Dec} · {@code 12月2日（周三）} · {@code 12月2日（週三）} ·
 *       {@code 12월 2일 (수)}</li>
 *   <li>{@link #moment}: {@code 12月2日（水）23:59} · {@code Wed 2 Dec, 23:59 JST} · {@code 12月2日（周三）23:59（日本时间）} · …</li>
 *   <li>{@link #until}: {@code 12月2日（水）23:59まで} · {@code until Wed 2 Dec, 23:59 JST} · …</li>
 *   <li>{@link #time}: {@code 09:41} (for "as of 09:41")</li>
 *   <li>{@link #shortDay}: {@code 11/28} (chart labels: month and day, the same in every language)</li>
 * </ul>
 */
public final class DisplayDates {

    /** Japan time: the zone of every date and time a customer reads (the kiosk's one constant, from the carrier units). */
    public static final ZoneId ZONE = Units.JAPAN;

    private static final Map<Language, DateTimeFormatter> DAY = new EnumMap<>(Language.class);
    private static final Map<Language, DateTimeFormatter> UNTIL = new EnumMap<>(Language.class);
    private static final Map<Language, DateTimeFormatter> MOMENT = new EnumMap<>(Language.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("M/d");

    static {
        day(Language.JA, "M月d日（E）", "M月d日（E）HH:mm", "M月d日（E）HH:mm'まで'");
        day(Language.EN, "EEE d MMM", "EEE d MMM, HH:mm 'JST'", "'until' EEE d MMM, HH:mm 'JST'");
        day(Language.ZH_HANS, "M月d日（EEE）", "M月d日（EEE）HH:mm（'日本时间'）", "'至'M月d日（EEE）HH:mm（'日本时间'）");
        day(Language.ZH_HANT, "M月d日（EEE）", "M月d日（EEE）HH:mm（'日本時間'）", "'至'M月d日（EEE）HH:mm（'日本時間'）");
        day(Language.KO, "M월 d일 (EEE)", "M월 d일 (EEE) HH:mm ('일본 시간')", "M월 d일 (EEE) HH:mm ('일본 시간')'까지'");
    }

    private DisplayDates() {}

    private static void day(Language language, String day, String moment, String until) {
        DAY.put(language, DateTimeFormatter.ofPattern(day, language.locale()));
        MOMENT.put(language, DateTimeFormatter.ofPattern(moment, language.locale()).withZone(ZONE));
        UNTIL.put(language, DateTimeFormatter.ofPattern(until, language.locale()).withZone(ZONE));
    }

    /** A day with its weekday: {@code 12月2日（水）}, {@code Wed 2 Dec}. */
    public static String day(LocalDate date, Language language) {
        return DAY.get(language).format(date);
    }

    /** The day in Japan of an instant, with its weekday. */
    public static String day(Instant instant, Language language) {
        return day(today(instant), language);
    }

    /** A moment in Japan time, to go inside a sentence: {@code 12月2日（水）23:59}, {@code Wed 2 Dec, 23:59 JST}. */
    public static String moment(Instant instant, Language language) {
        return MOMENT.get(language).format(instant);
    }

    /** An expiry: {@code 12月2日（水）23:59まで}, {@code until Wed 2 Dec, 23:59 JST}. */
    public static String until(Instant instant, Language language) {
        return UNTIL.get(language).format(instant);
    }

    /** The time of day in Japan, {@code HH:mm}. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Month and day for a chart's axis: {@code 11/28}. */
    public static String shortDay(LocalDate date) {
        return SHORT_DAY.format(date);
    }

    /** The day it is in Japan at {@code instant}. */
    public static LocalDate today(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
