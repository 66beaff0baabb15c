package com.simkiosk.kiosk.voice;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** English: digits, which espeak-ng reads as words; ordinal days; a 12-hour clock. */
final class EnglishFigures implements SpokenFigures {
    @Override
    public String number(long n) {
        return Long.toString(n);
    }

    @Override
    public String yen(long yen) {
        return yen + " yen";
    }

    @Override
    public String data(long bytes) {
        long[] p = SpokenFigures.dataParts(bytes);
        String figure = p[1] == 0 ? Long.toString(p[0]) : p[0] + "." + p[1];
        return figure + (p[2] == 1 ? " gigabyte" : " megabyte") + (figure.equals("1") ? "" : "s");
    }

    @Override
    public String date(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", "
                + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + ordinal(date.getDayOfMonth());
    }

    @Override
    public String time(LocalTime time) {
        int h = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String minutes = time.getMinute() == 0 ? "" : time.getMinute() < 10 ? " oh " + time.getMinute() : " " + time.getMinute();
        return h + minutes + (time.getHour() < 12 ? " A M" : " P M");
    }

    @Override
    public String days(long days) {
        return plural(days, "day");
    }

    @Override
    public String tries(long tries) {
        return tries == 1 ? "1 try" : tries + " tries";
    }

    @Override
    public String digits(long count) {
        return plural(count, "digit");
    }

    @Override
    public String minutes(long minutes) {
        return plural(minutes, "minute");
    }

    @Override
    public String choices(long count) {
        return plural(count, "choice");
    }

    @Override
    public String messages(long count) {
        return plural(count, "message");
    }

    @Override
    public String digit(char digit) {
        return String.valueOf(digit);
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String ordinal(int day) {
        String suffix = day % 100 >= 11 && day % 100 <= 13 ? "th"
                : switch (day % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return day + suffix;
    }
}
