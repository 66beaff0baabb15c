package com.simkiosk.kiosk.screen.topup;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.kiosk.flow.State;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfferChoiceTest {
    private static final long MB = 1_000_000L;
    /** The demo catalogue: 500 MB for 7 days ¥550, 1 GB / 3 GB / 10 GB for 30 days. */
    private static final List<TopUpOffer> OFFERS = List.of(
            offer("500mb-7d", 500 * MB, 550, 7),
            offer("1gb-30d", 1_000 * MB, 1_200, 30),
            offer("3gb-30d", 3_000 * MB, 2_980, 30),
            offer("10gb-30d", 10_000 * MB, 5_500, 30));

    private static TopUpOffer offer(String id, long bytes, long yen, int days) {
        return new TopUpOffer(id, id, bytes, yen, Duration.ofDays(days));
    }

    @ParameterizedTest(name = "{0} MB left, {1} MB a day, {2} days → {3}")
    @CsvSource({
        // left MB, MB a day, days to cover, recommended
        "620,  170,  3,  none",      // the tourist SIM: what is left lasts until the expiry
        "100,  200,  5,  1gb-30d",   // 900 MB missing: 500 MB is too little, 1 GB the cheapest that is enough
        "0,    150,  20, 3gb-30d",   // exactly 3 GB missing: 3 GB is enough
        "0,    400,  20, 10gb-30d",  // 8 GB missing
        "0,    900,  25, none",      // 22.5 GB missing: no offer is enough, no badge
        "0,    50,   10, 1gb-30d",   // 500 MB would do, but its 7 days end before the expiry
        "0,    50,   7,  500mb-7d",  // ... and within 7 days it is the cheapest
        "100,  0,    5,  none",      // nothing used recently: no pace to go by
        "100,  200,  0,  none",      // expired: no days to cover
    })
    void recommendsTheCheapestOfferThatLastsAtThePaceUntilTheExpiry(long leftMb, long perDayMb, long days, String expected) {
        Optional<TopUpOffer> chosen = OfferChoice.recommended(OFFERS, leftMb * MB, perDayMb * MB, days);
        assertThat(chosen.map(TopUpOffer::id).orElse("none")).isEqualTo(expected);
    }

    @Test
    void atTheSamePriceTheOneWithMoreDataWins() {
        List<TopUpOffer> offers = List.of(offer("a-1gb", 1_000 * MB, 1_000, 30), offer("b-2gb", 2_000 * MB, 1_000, 30));
        assertThat(OfferChoice.recommended(offers, 0, 100 * MB, 5)).map(TopUpOffer::id).contains("b-2gb");
    }

    @Test
    void countsTheDaysInJapanTimeTodayAndTheExpiryDayIncluded() {
        // 2026-11-26 in Japan; the SIM ends at 23:59 JST on 28 Nov: three days to cover, 1.2 GB at 400 MB a day.
        Instant expires = Instant.parse("2026-11-28T14:59:00Z");
        State.LineOutlook outlook = new State.LineOutlook("090-****-5678", 300 * MB, OptionalLong.of(400 * MB), Optional.of(expires));
        assertThat(OfferChoice.recommended(OFFERS, outlook, LocalDate.of(2026, 11, 26))).map(TopUpOffer::id).contains("1gb-30d");
        State.LineOutlook noPace = new State.LineOutlook("090-****-5678", 300 * MB, OptionalLong.empty(), Optional.of(expires));
        assertThat(OfferChoice.recommended(OFFERS, noPace, LocalDate.of(2026, 11, 26))).isEmpty();
        State.LineOutlook noExpiry = new State.LineOutlook("090-****-5678", 300 * MB, OptionalLong.of(400 * MB), Optional.empty());
        assertThat(OfferChoice.recommended(OFFERS, noExpiry, LocalDate.of(2026, 11, 26))).isEmpty();
    }
}
