package com.simkiosk.kiosk.voice;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Korean in hangul: Sino-Korean numbers for money, data, dates and minutes (육백이십 엔, 유월, 시월), native ones for
 * hours and counts (열한 시, 세 번, 열한 자리), a 12-hour clock with 오전/오후.
 */
final class KoreanFigures implements SpokenFigures {
    private static final String[] SINO = {"영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"};
    private static final String[] GROUPS = {"", "만", "억", "조"};
    private static final String[] NATIVE_UNITS = {"", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"};
    private static final String[] NATIVE_TENS = {"", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"};
    private static final String[] WEEKDAYS = {"월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"};

    static String sino(long n) {
        if (n == 0) {
            return "영";
        }
        StringBuilder out = new StringBuilder();
        for (int g = GROUPS.length - 1; g >= 0; g--) {
            long unit = (long) Math.pow(10_000, g);
            int group = (int) (n / unit % 10_000);
            if (group > 0) {
                out.append(g == 1 && group == 1 ? "" : group(group)).append(GROUPS[g]);
            }
        }
        return out.toString();
    }

    private static String group(int n) {
        StringBuilder b = new StringBuilder();
        String[] places = {"천", "백", "십", ""};
        int[] digits = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
        for (int i = 0; i < 4; i++) {
            if (digits[i] > 0) {
                b.append(digits[i] == 1 && i < 3 ? "" : SINO[digits[i]]).append(places[i]);
            }
        }
        return b.toString();
    }

    /** Native number before a counter, 1 to 99 (한, 두, 세, 스무, 서른한); Sino above. */
    static String counted(long n) {
        if (n <= 0 || n >= 100) {
            return sino(n);
        }
        if (n == 20) {
            return "스무";
        }
        return NATIVE_TENS[(int) n / 10] + NATIVE_UNITS[(int) n % 10];
    }

    @Override
    public String number(long n) {
        return sino(n);
    }

    @Override
    public String yen(long yen) {
        return sino(yen) + " 엔";
    }

    @Override
    public String data(long bytes) {
        long[] p = SpokenFigures.dataParts(bytes);
        String figure = p[1] == 0 ? sino(p[0]) : sino(p[0]) + " 점 " + SINO[(int) p[1]];
        return figure + (p[2] == 1 ? " 기가바이트" : " 메가바이트");
    }

    @Override
    public String date(LocalDate date) {
        int month = date.getMonthValue();
        String m = month == 6 ? "유월" : month == 10 ? "시월" : sino(month) + "월";
        return m + " " + sino(date.getDayOfMonth()) + "일 " + WEEKDAYS[date.getDayOfWeek().getValue() - 1];
    }

    @Override
    public String time(LocalTime time) {
        int h = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String hour = (time.getHour() < 12 ? "오전 " : "오후 ") + counted(h) + " 시";
        return time.getMinute() == 0 ? hour : hour + " " + sino(time.getMinute()) + " 분";
    }

    @Override
    public String days(long days) {
        return sino(days) + " 일";
    }

    @Override
    public String tries(long tries) {
        return counted(tries) + " 번";
    }

    @Override
    public String digits(long count) {
        return counted(count) + " 자리";
    }

    @Override
    public String minutes(long minutes) {
        return sino(minutes) + " 분";
    }

    @Override
    public String choices(long count) {
        return counted(count) + " 가지";
    }

    @Override
    public String messages(long count) {
        return sino(count) + " 건";
    }

    @Override
    public String digit(char digit) {
        return digit == '0' ? "공" : SINO[digit - '0'];
    }
}
