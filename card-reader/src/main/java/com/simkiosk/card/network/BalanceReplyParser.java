package com.simkiosk.card.network;

import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a carrier's balance reply (USSD or SMS, Japanese, English, Chinese, Korean): yen ({@code 円 ¥ JPY yen}),
 * data ({@code KB MB GB}, decimals, preferring the figure next to 残り/remaining), a date (the one next to
 * 有効期限/valid/until when there are several), and foreign money exactly as written. Full-width digits and
 * letters are read as their ASCII forms (NFKC). A template, when given and matching, overrides each field it
 * captures. Carriers count 1 GB as 1024 MB, so KB/MB/GB are powers of 1024.
 */
public final class BalanceReplyParser {
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?)";
    private static final Pattern YEN = Pattern.compile(
            NUMBER + "\\s*(?:円|JPY\\b|yen\\b)|(?:¥|JPY)\\s*" + NUMBER, Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(KB|MB|GB|TB|キロバイト|メガバイト|ギガバイト)(?![A-Za-z])", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_REMAINING = Pattern.compile(
            "残り|残量|残容量|残データ|remaining|left|剩余|남은|잔여", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXPIRY_WORD = Pattern.compile(
            "有効期限|期限|まで|valid|expir|until|till|有效期|到期|유효|만료", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHINESE_YUAN = Pattern.compile("元|人民币|RMB|CNY|余额|餘額|您");
    private static final Set<String> ISO_CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final Pattern CODE_AFTER = Pattern.compile(NUMBER + "\\s*([A-Z]{3})\\b");
    private static final Pattern CODE_BEFORE = Pattern.compile("\\b([A-Z]{3})\\s*" + NUMBER);
    private static final Pattern SYMBOL_BEFORE = Pattern.compile("(US\\$|HK\\$|S\\$|NT\\$|A\\$|C\\$|R\\$|[€$£₩฿₫₱₹¥])\\s*" + NUMBER);
    private static final Pattern WORD_AFTER = Pattern.compile(NUMBER + "\\s*(元|원|บาท|dong|baht|won|euros?|dollars?|pesos?|rupees?)",
            Pattern.CASE_INSENSITIVE);

    private static final List<DateForm> DATES = List.of(
            new DateForm("(令和)(\\d{1,2}|元)年(\\d{1,2})月(\\d{1,2})日", 0, 0, 0),
            new DateForm("(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일号]?", 1, 2, 3),
            new DateForm("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})", 1, 2, 3),
            new DateForm("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})", 0, 0, 0),
            new DateForm("(\\d{1,2})[ -]([A-Za-z]{3,9})[ -,]+(\\d{4})", 0, 0, 0),
            new DateForm("([A-Za-z]{3,9})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})", 0, 0, 0),
            new DateForm("(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]", 0, 0, 0));

    private final Clock clock;

    /** {@code clock} gives the year for dates written without one (「12月31日まで」): the next such day from today. */
    public BalanceReplyParser(Clock clock) {
        this.clock = clock;
    }

    public BalanceReading parse(String raw) {
        return parse(raw, Optional.empty());
    }

    public BalanceReading parse(String raw, Optional<ReplyTemplate> template) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).replace('，', ',');
        Optional<Long> yen = yen(text);
        Optional<Long> data = data(text);
        Optional<LocalDate> expires = date(text);
        Optional<String[]> foreign = yen.isPresent() ? Optional.empty() : foreign(text);
        Optional<String> currency = foreign.map(f -> f[0]);
        Optional<String> amount = foreign.map(f -> f[1]);
        if (template.isPresent()) {
            Matcher m = template.get().pattern().matcher(text);
            if (m.find()) {
                // each field the template names is the template's, found or not; the others stay as read above
                yen = hasGroup(m, "yen") ? group(m, "yen").flatMap(BalanceReplyParser::yenOf) : yen;
                data = hasGroup(m, "data") ? group(m, "data").flatMap(BalanceReplyParser::dataOf) : data;
                expires = hasGroup(m, "expires") ? group(m, "expires").flatMap(this::date) : expires;
                if (hasGroup(m, "currency") || hasGroup(m, "amount")) {
                    currency = group(m, "currency");
                    amount = group(m, "amount");
                }
            }
        }
        return new BalanceReading(raw, yen, data, expires, currency, amount);
    }

    private static boolean hasGroup(Matcher m, String name) {
        return m.pattern().pattern().contains("(?<" + name + ">");
    }

    private static Optional<String> group(Matcher m, String name) {
        if (!hasGroup(m, name)) {
            return Optional.empty();
        }
        return Optional.ofNullable(m.group(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<Long> yen(String text) {
        if (CHINESE_YUAN.matcher(text).find() && !text.contains("円") && !text.toUpperCase(Locale.ROOT).contains("JPY")) {
            return Optional.empty(); // ¥ in a Chinese reply is yuan
        }
        Matcher m = YEN.matcher(text);
        return m.find() ? yenOf(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
    }

    /** A yen figure ("1,234", "1234円", "¥500"): whole yen; a fraction of a yen is dropped. */
    static Optional<Long> yenOf(String s) {
        Matcher m = Pattern.compile(NUMBER).matcher(s.replace(" ", ""));
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of((long) Double.parseDouble(m.group(1).replace(",", "")));
    }

    private static Optional<Long> data(String text) {
        Matcher m = DATA.matcher(text);
        List<long[]> found = new ArrayList<>(); // start, bytes
        while (m.find()) {
            dataOf(m.group()).ifPresent(b -> found.add(new long[] {m.start(), b}));
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Matcher word = DATA_REMAINING.matcher(text);
        if (word.find() && found.size() > 1) {
            int at = word.start();
            return found.stream().min((x, y) -> Long.compare(Math.abs(x[0] - at), Math.abs(y[0] - at))).map(x -> x[1]);
        }
        return Optional.of(found.get(0)[1]);
    }

    /** "3.5GB", "500 MB", "1,5 GB" (decimal comma) → bytes. */
    static Optional<Long> dataOf(String s) {
        Matcher m = DATA.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC));
        if (!m.find()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(m.group(1).replace(',', '.'));
        String unit = m.group(2).toUpperCase(Locale.ROOT);
        int power = switch (unit) {
            case "KB", "キロバイト" -> 1;
            case "MB", "メガバイト" -> 2;
            case "GB", "ギガバイト" -> 3;
            default -> 4;
        };
        return Optional.of(Math.round(value * Math.pow(1024, power)));
    }

    private Optional<LocalDate> date(String text) {
        List<int[]> positions = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (DateForm form : DATES) {
            Matcher m = form.pattern.matcher(text);
            while (m.find()) {
                if (positions.stream().anyMatch(p -> m.start() < p[1] && p[0] < m.end())) {
                    continue; // part of a date already read by a fuller form
                }
                Optional<LocalDate> d = form.read(m, LocalDate.now(clock));
                if (d.isPresent()) {
                    positions.add(new int[] {m.start(), m.end()});
                    dates.add(d.get());
                }
            }
        }
        if (dates.size() <= 1) {
            return dates.stream().findFirst();
        }
        Matcher word = EXPIRY_WORD.matcher(text);
        if (word.find()) {
            int at = word.start();
            int best = 0;
            for (int i = 1; i < dates.size(); i++) {
                if (distance(positions.get(i), at) < distance(positions.get(best), at)) {
                    best = i;
                }
            }
            return Optional.of(dates.get(best));
        }
        return Optional.of(dates.get(0));
    }

    private static int distance(int[] span, int at) {
        return at < span[0] ? span[0] - at : at > span[1] ? at - span[1] : 0;
    }

    /** {currency as written, amount as written}: "EUR","12.50"; "€","12,50"; "元","50.00"; "원","5,000". */
    private static Optional<String[]> foreign(String text) {
        Matcher m = CODE_AFTER.matcher(text);
        while (m.find()) {
            if (ISO_CODES.contains(m.group(2))) {
                return Optional.of(new String[] {m.group(2), m.group(1)});
            }
        }
        m = CODE_BEFORE.matcher(text);
        while (m.find()) {
            if (ISO_CODES.contains(m.group(1))) {
                return Optional.of(new String[] {m.group(1), m.group(2)});
            }
        }
        m = SYMBOL_BEFORE.matcher(text);
        if (m.find()) {
            return Optional.of(new String[] {m.group(1), m.group(2)});
        }
        m = WORD_AFTER.matcher(text);
        if (m.find()) {
            return Optional.of(new String[] {m.group(2), m.group(1)});
        }
        return Optional.empty();
    }

    /** One written form of a date; {@code y, mo, d} are group numbers, or 0 when {@link #read} works it out. */
    private record DateForm(Pattern pattern, int y, int mo, int d) {
        DateForm(String regex, int y, int mo, int d) {
            this(Pattern.compile(regex), y, mo, d);
        }

        Optional<LocalDate> read(Matcher m, LocalDate today) {
            try {
                String first = m.group(1);
                if (y > 0) {
                    return Optional.of(LocalDate.of(num(m.group(y)), num(m.group(mo)), num(m.group(d))));
                }
                if (first.equals("令和")) {
                    int year = m.group(2).equals("元") ? 1 : num(m.group(2));
                    return Optional.of(LocalDate.of(2018 + year, num(m.group(3)), num(m.group(4))));
                }
                if (m.groupCount() == 2) { // month and day, no year: the next such day
                    LocalDate d = LocalDate.of(today.getYear(), num(first), num(m.group(2)));
                    return Optional.of(d.isBefore(today) ? d.plusYears(1) : d);
                }
                if (first.chars().allMatch(Character::isDigit) && m.group(2).chars().allMatch(Character::isDigit)) {
                    int a = num(first);
                    int b = num(m.group(2));
                    // day first, as most of the world's carriers write it; month first only when the day cannot be
                    return Optional.of(a <= 12 && b > 12 ? LocalDate.of(num(m.group(3)), a, b) : LocalDate.of(num(m.group(3)), b, a));
                }
                if (first.chars().allMatch(Character::isDigit)) {
                    return month(m.group(2)).map(mo -> LocalDate.of(num(m.group(3)), mo, num(first)));
                }
                return month(first).map(mo -> LocalDate.of(num(m.group(3)), mo, num(m.group(2))));
            } catch (DateTimeException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        private static int num(String s) {
            return Integer.parseInt(s);
        }

        private static Optional<Month> month(String word) {
            String w = word.toLowerCase(Locale.ROOT);
            for (Month month : Month.values()) {
                String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
                if (w.length() >= 3 && full.startsWith(w.substring(0, 3)) && (full.startsWith(w) || w.length() <= 4)) {
                    return Optional.of(month);
                }
            }
            return Optional.empty();
        }
    }
}
