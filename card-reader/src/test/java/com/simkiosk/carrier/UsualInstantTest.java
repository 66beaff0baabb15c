package com.simkiosk.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The short path for carriers' usual date-times reads what {@code OffsetDateTime.parse} reads, and refuses the rest. */
class UsualInstantTest {

    @Test
    void theUsualFormsAreReadWithoutTheFormatterAndGiveTheSameInstant() {
        for (String s : new String[] {"2026-11-26T14:59:59Z", "2026-11-26T23:59:59+09:00", "2026-12-31T23:59:59.999-05:30",
                "2028-02-29T00:00:00.1+18:00", "1970-01-01T00:00:00.123456789-18:00", "2026-11-26T23:59:59-00:00"}) {
            assertThat(Units.usualInstant(s)).as(s).isNotNull().isEqualTo(OffsetDateTime.parse(s).toInstant());
            assertThat(Units.instant(s)).as(s).isEqualTo(OffsetDateTime.parse(s).toInstant());
        }
    }

    @Test
    void otherShapesGoToTheFormatterWhichReadsOrRefusesThem() {
        // read by the formatter, not by the short path
        for (String s : new String[] {"2026-11-26T23:59+09:00", "2026-11-26t23:59:59z", "2026-11-26T23:59:59+09:00:00",
                "2026-11-26T23:59:59.Z"}) {
            assertThat(Units.usualInstant(s)).as(s).isNull();
            assertThat(Units.instant(s)).as(s).isEqualTo(OffsetDateTime.parse(s).toInstant());
        }
        // refused by both
        for (String s : new String[] {"2026-02-29T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-26T24:00:00Z",
                "2026-11-26T23:60:00Z", "2026-11-26T23:59:60Z", "2026-13-01T00:00:00Z", "2026-11-26T23:59:59+19:00",
                "2026-11-26T23:59:59+18:01", "2026-11-26T23:59:59.1234567890Z",
                "2026-11-26T23:59:59", "2026-11-26 23:59:59Z", "２０２６-11-26T23:59:59Z", "2026-11-26T23:59:59+0900",
                "2026-11-26T23:59:59Z ", "2026-1１-26T23:59:59Z"}) {
            assertThat(Units.usualInstant(s)).as(s).isNull();
            assertThatThrownBy(() -> Units.instant(s)).as(s).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void anyWellFormedDateTimeGivesWhatTheFormatterGives(@ForAll("dateTimes") String s) {
        Instant expected;
        try {
            expected = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException refused) {
            assertThat(Units.usualInstant(s)).as(s).isNull();
            return;
        }
        Instant usual = Units.usualInstant(s);
        if (usual != null) {
            assertThat(usual).as(s).isEqualTo(expected);
        }
        assertThat(Units.instant(s)).as(s).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> dateTimes() {
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32)).as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 24), Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 60)).as((h, m, s) -> String.format("T%02d:%02d:%02d", h, m, s));
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11).map(f -> f.isEmpty() ? "" : "." + f);
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.just("Z"),
                Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 19), Arbitraries.integers().between(0, 60))
                        .as((sign, h, m) -> String.format("%s%02d:%02d", sign, h, m)));
        return Combinators.combine(date, time, fraction, offset).as((d, t, f, o) -> d + t + f + o);
    }
}
