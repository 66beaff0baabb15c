package com.simkiosk.card.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.Iccid;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.serial.SerialLink;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever a modem sends, the AT engine gives the command's final answer or a classified {@link AtException}, with a
 * bounded number of bounded lines; the ICCID and PIN answer parsers give a valid value or nothing.
 */
class AtResponseProperties {
    private static final List<String> FINALS = List.of("OK", "ERROR", "+CME ERROR: 10", "+CME ERROR: SIM busy",
            "+CMS ERROR: 99999999999", "+CME ERROR:");

    @Property(tries = 1000)
    void anAnswerEndingInAFinalResultCodeIsThatResult(@ForAll("noise") List<String> before, @ForAll("finals") String last,
            @ForAll("noise") List<String> after, @ForAll @IntRange(min = 1, max = 64) int trickle) throws AtException {
        String reply = "\r\n" + String.join("\r\n", before) + "\r\n" + last + "\r\n" + String.join("\r\n", after) + "\r\n";
        FakeModemLink link = new FakeModemLink(cmd -> reply).trickle(trickle);
        AtResponse answer = new AtEngine(link, urc -> { }).send("AT+CCID", TestTime.bound(Duration.ofSeconds(2)));
        Class<?> expected = last.equals("OK") ? AtResponse.Ok.class : last.equals("ERROR") ? AtResponse.Error.class
                : AtResponse.CmeError.class;
        assertThat(answer).isInstanceOf(expected);
        assertBounded(answer);
    }

    @Property(tries = 100)
    void aModemThatNeverFinishesTimesOutWithBoundedMemory(@ForAll("bytes") byte[] pattern) {
        SerialLink endless = new EndlessLink(pattern);
        try {
            AtResponse answer = new AtEngine(endless, urc -> { }).send("AT+CCID", Duration.ofMillis(5));
            assertBounded(answer); // the pattern happened to hold a final result code
        } catch (AtException e) {
            assertThat(e.kind()).isEqualTo(AtException.Kind.TIMEOUT);
        }
    }

    @Property(tries = 500)
    void aCsimAnswerGivesAResponseApduOrAClassifiedError(@ForAll("modemLines") List<String> lines, @ForAll("finals") String last)
            throws AtException {
        String reply = "\r\n" + String.join("\r\n", lines) + "\r\n" + last + "\r\n";
        AtEngine engine = new AtEngine(new FakeModemLink(cmd -> reply), urc -> { });
        try {
            byte[] response = new CsimChannel(engine, TestTime.bound(Duration.ofSeconds(2))).transmit(new byte[] {0x00, (byte) 0xB0, 0x00, 0x00, 0x0A});
            assertThat(response.length).isBetween(2, 512);
        } catch (CardIoException e) {
            assertThat(e.error()).isNotNull();
        }
    }

    @Property(tries = 3000)
    void iccidAnswersGiveAValidIccidOrNothing(@ForAll("modemLines") List<String> lines) {
        check(ModemIccid.fromLines(lines));
        check(ModemIccid.fromCrsm(lines));
    }

    @Property(tries = 3000)
    void pinAnswersGiveACountOrNothing(@ForAll("modemLines") List<String> lines) {
        for (ModemPin pin : ModemPin.values()) {
            OptionalInt tries = pin.triesLeft(lines);
            tries.ifPresent(n -> assertThat(n).isNotNegative());
        }
        assertThat(ModemPin.State.of(new AtResponse.Ok(lines))).isNotNull();
        lines.forEach(line -> assertThat(ModemPin.presenceFromUnsolicited(line)).isNotNull());
    }

    private static void check(Optional<Iccid> iccid) {
        iccid.ifPresent(i -> assertThat(Iccid.fromEfBytes(i.toEfBytes())).isEqualTo(i));
    }

    private static void assertBounded(AtResponse answer) {
        assertThat(answer.lines()).hasSizeLessThanOrEqualTo(256);
        assertThat(answer.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(1024).matches("[\\x20-\\x7E]+"));
    }

    @Provide
    Arbitrary<String> finals() {
        return Arbitraries.of(FINALS);
    }

    /** Lines that are not a final result code: answers, URCs, echoes, junk and control bytes. */
    @Provide
    Arbitrary<List<String>> noise() {
        return modemLine().filter(l -> !isFinal(l.strip())).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<String>> modemLines() {
        return modemLine().list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
    }

    private static Arbitrary<String> modemLine() {
        Arbitrary<String> prefix = Arbitraries.of("+CCID: ", "+QCCID: ", "ICCID: \"", "^ICCID: ", "+CRSM: 144,0,\"",
                "+CRSM: 145,", "+QPINC: \"SC\",", "+SPIC: ", "+CPINR: SIM PIN,", "+UPINCNT: ", "+CPIN: ", "+CSIM: ",
                "+QSIMSTAT: 0,", "+UUSIMSTAT: ", "+CSIM: 4,\"", "+CSIM: 24,\"", "RING", "AT+CCID", "");
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(24)),
                Tuple.of(3, Arbitraries.strings().numeric().ofLength(17).map(d -> "89" + d)),
                Tuple.of(2, Arbitraries.strings().withChars("0123456789ABCDEFabcdef").ofMinLength(17).ofMaxLength(22).map(d -> "98" + d)),
                Tuple.of(2, Arbitraries.of("99999999999999999999", "2147483648", "-1", "READY", "SIM PIN", "NOT INSERTED")),
                Tuple.of(2, Arbitraries.strings().ascii().ofMaxLength(40)));
        return Combinators.combine(prefix, value, Arbitraries.of("", "\"", ",3,10", "F", "FF\"")).as((p, v, s) -> p + v + s);
    }

    private static boolean isFinal(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        return line.equals("OK") || line.equals("ERROR") || upper.startsWith("+CME ERROR:") || upper.startsWith("+CMS ERROR:");
    }

    /** A port that never stops talking: the same bytes again and again, never a final result code of its own. */
    private static final class EndlessLink implements SerialLink {
        private final byte[] pattern;
        private int at;

        EndlessLink(byte[] pattern) {
            this.pattern = pattern;
        }

        @Override
        public String name() {
            return "/dev/endless";
        }

        @Override
        public void write(byte[] bytes) {}

        @Override
        public int read(byte[] buffer, Duration timeout) {
            for (int i = 0; i < buffer.length; i++) {
                buffer[i] = pattern[at++ % pattern.length];
            }
            return buffer.length;
        }

        @Override
        public void close() {}
    }
}
