package com.simkiosk.card.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class BalanceReplyParserTest {
    private static final Clock TOKYO_30_NOV_2026 = Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private final BalanceReplyParser parser = new BalanceReplyParser(TOKYO_30_NOV_2026);

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "balance-replies.psv", delimiter = '|', quoteCharacter = '\u0000',
            maxCharsPerColumn = 1000)
    void readsWhatACustomerWouldReadInTheReply(String reply, Long yen, Long dataBytes, LocalDate expires, String currency,
            String amount) {
        BalanceReading r = parser.parse(reply);
        assertThat(r.raw()).isEqualTo(reply);
        assertThat(r.yen()).as("yen").isEqualTo(Optional.ofNullable(yen));
        assertThat(r.dataBytes()).as("data bytes").isEqualTo(Optional.ofNullable(dataBytes));
        assertThat(r.expires()).as("expires").isEqualTo(Optional.ofNullable(expires));
        assertThat(r.currency()).as("currency").isEqualTo(Optional.ofNullable(currency));
        assertThat(r.amount()).as("amount").isEqualTo(Optional.ofNullable(amount));
    }

    @Test
    void unrecognisedReplyKeepsTheCarriersWords() {
        BalanceReading r = parser.parse("Dear customer, please try again later.");
        assertThat(r.recognised()).isFalse();
        assertThat(r.raw()).isEqualTo("Dear customer, please try again later.");
    }

    @Test
    void templateOverridesTheFieldsItNames() {
        // this carrier writes the bonus first; only the main balance is the customer's money
        ReplyTemplate t = new ReplyTemplate("bonus-first",
                Pattern.compile("Main\\s*(?<yen>[\\d,]+)円.*?高速\\s*(?<data>[\\d.]+\\s*GB)"), UssdMenu.NONE);
        BalanceReading r = parser.parse("ボーナス 300円 / Main 1,200円 / 高速 0.8GB / 低速 無制限 / 2026年12月31日まで", Optional.of(t));
        assertThat(r.yen()).contains(1200L);
        assertThat(r.dataBytes()).contains(Math.round(0.8 * 1024 * 1024 * 1024));
        assertThat(r.expires()).contains(LocalDate.of(2026, 12, 31)); // not in the template: read as usual
    }

    @Test
    void templateThatDoesNotMatchLeavesTheGeneralReading() {
        ReplyTemplate t = new ReplyTemplate("other", Pattern.compile("Saldo (?<amount>\\d+)"), UssdMenu.NONE);
        assertThat(parser.parse("残高は700円です", Optional.of(t)).yen()).contains(700L);
    }

    @Test
    void templateKeepsForeignMoneyAsWritten() {
        ReplyTemplate t = new ReplyTemplate("pulsa", Pattern.compile("Pulsa Rp(?<amount>[\\d.]+)"), UssdMenu.NONE);
        BalanceReading r = parser.parse("Sisa Pulsa Rp25.000 aktif s.d. 31-12-2026", Optional.of(t));
        assertThat(r.amount()).contains("25.000");
        assertThat(r.currency()).isEmpty();
        assertThat(r.expires()).contains(LocalDate.of(2026, 12, 31));
    }

    @Test
    void monthAndDayWithoutYearIsTheNextSuchDay() {
        assertThat(parser.parse("11月15日まで").expires()).contains(LocalDate.of(2027, 11, 15));
        assertThat(parser.parse("12月3日まで").expires()).contains(LocalDate.of(2026, 12, 3));
    }

    @Test
    void toStringHoldsNoFigures() {
        assertThat(parser.parse("残高は1,234円です").toString()).doesNotContain("1234").doesNotContain("1,234");
    }
}
