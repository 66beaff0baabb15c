package com.simkiosk.kiosk.voice;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Japanese in hiragana: espeak-ng reads kana, and kanji only as "Chinese letter". Counters with their sound changes
 * (ろっぴゃく, いっかい, じゅっぷん), the readings of months and days that differ from the number (しがつ, ふつか,
 * はつか), hours 4, 7 and 9 (よじ, しちじ, くじ).
 */
final class JapaneseFigures implements SpokenFigures {
    private static final String[] DIGITS = {"ぜろ", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう"};
    private static final String[] GROUPS = {"", "まん", "おく", "ちょう"};
    private static final String[] DAYS_OF_MONTH = {"", "ついたち", "ふつか", "みっか", "よっか", "いつか", "むいか",
        "なのか", "ようか", "ここのか", "とおか"};
    private static final String[] WEEKDAYS = {"げつようび", "かようび", "すいようび", "もくようび", "きんようび",
        "どようび", "にちようび"};

    static String kana(long n) {
        if (n == 0) {
            return "ぜろ";
        }
        StringBuilder out = new StringBuilder();
        for (int g = GROUPS.length - 1; g >= 0; g--) {
            long unit = (long) Math.pow(10_000, g);
            int group = (int) (n / unit % 10_000);
            if (group > 0) {
                out.append(group(group)).append(GROUPS[g]);
            }
        }
        return out.toString();
    }

    private static String group(int n) {
        StringBuilder b = new StringBuilder();
        int th = n / 1000;
        int hu = n / 100 % 10;
        int te = n / 10 % 10;
        int un = n % 10;
        if (th > 0) {
            b.append(switch (th) {
                case 1 -> "せん";
                case 3 -> "さんぜん";
                case 8 -> "はっせん";
                default -> DIGITS[th] + "せん";
            });
        }
        if (hu > 0) {
            b.append(switch (hu) {
                case 1 -> "ひゃく";
                case 3 -> "さんびゃく";
                case 6 -> "ろっぴゃく";
                case 8 -> "はっぴゃく";
                default -> DIGITS[hu] + "ひゃく";
            });
        }
        if (te > 0) {
            b.append(te == 1 ? "" : DIGITS[te]).append("じゅう");
        }
        if (un > 0) {
            b.append(DIGITS[un]);
        }
        return b.toString();
    }

    /** The number before a counter that starts with k, s, t or p: いち → いっ, ろく → ろっ, はち → はっ, じゅう → じゅっ. */
    private static String geminated(long n) {
        String s = kana(n);
        for (String[] p : new String[][] {{"いち", "いっ"}, {"ろく", "ろっ"}, {"はち", "はっ"}, {"じゅう", "じゅっ"},
            {"ひゃく", "ひゃっ"}}) {
            if (s.endsWith(p[0])) {
                return s.substring(0, s.length() - p[0].length()) + p[1];
            }
        }
        return s;
    }

    /** Before 時 and 月: よん → よ, なな → しち, きゅう → く. */
    private static String clockReading(int n) {
        String s = kana(n);
        if (s.endsWith("よん")) {
            return s.substring(0, s.length() - 1);
        }
        if (s.endsWith("なな")) {
            return s.substring(0, s.length() - 2) + "しち";
        }
        if (s.endsWith("きゅう")) {
            return s.substring(0, s.length() - 3) + "く";
        }
        return s;
    }

    @Override
    public String number(long n) {
        return kana(n);
    }

    @Override
    public String yen(long yen) {
        return kana(yen) + "えん";
    }

    @Override
    public String data(long bytes) {
        long[] p = SpokenFigures.dataParts(bytes);
        String figure = p[1] == 0 ? kana(p[0]) : kana(p[0]) + "てん" + DIGITS[(int) p[1]];
        return figure + (p[2] == 1 ? "ギガバイト" : "メガバイト");
    }

    @Override
    public String date(LocalDate date) {
        int month = date.getMonthValue();
        return (month == 4 ? "し" : clockReading(month)) + "がつ" + dayOfMonth(date.getDayOfMonth()) + "、"
                + WEEKDAYS[date.getDayOfWeek().getValue() - 1];
    }

    private static String dayOfMonth(int d) {
        if (d <= 10) {
            return DAYS_OF_MONTH[d];
        }
        return switch (d) {
            case 14 -> "じゅうよっか";
            case 20 -> "はつか";
            case 24 -> "にじゅうよっか";
            default -> kana(d) + "にち";
        };
    }

    @Override
    public String time(LocalTime time) {
        String hour = time.getHour() == 0 ? "れいじ" : clockReading(time.getHour()) + "じ";
        return time.getMinute() == 0 ? hour : hour + minutes(time.getMinute());
    }

    @Override
    public String days(long days) {
        if (days == 1) {
            return "いちにち";
        }
        return days <= 10 || days == 14 || days == 20 || days == 24 ? dayOfMonth((int) days) : kana(days) + "にち";
    }

    @Override
    public String tries(long tries) {
        return geminated(tries) + "かい";
    }

    @Override
    public String digits(long count) {
        return count == 1 ? "ひとけた" : count == 2 ? "ふたけた" : geminated(count) + "けた";
    }

    @Override
    public String minutes(long minutes) {
        long last = minutes % 10;
        if (last == 1 || last == 6 || last == 8 || last == 0) {
            return geminated(minutes) + "ぷん";
        }
        return kana(minutes) + (last == 3 || last == 4 ? "ぷん" : "ふん");
    }

    @Override
    public String choices(long count) {
        return geminated(count) + "しゅるい";
    }

    @Override
    public String messages(long count) {
        return geminated(count) + "つう";
    }

    @Override
    public String digit(char digit) {
        return DIGITS[digit - '0'];
    }

    @Override
    public String separator() {
        return "、";
    }
}
