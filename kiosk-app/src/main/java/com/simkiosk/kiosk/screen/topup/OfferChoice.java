package com.simkiosk.kiosk.screen.topup;

import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.State;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which top-up to mark "recommended for your pace": the cheapest offer whose data, added to what is left, lasts at
 * the customer's recent daily use until the line's expiry day (counted in Japan time, today and the expiry day
 * included), and whose own days reach that far. None when nothing was used recently, when what is left already
 * lasts (the balance screen says so), when the expiry is unknown or past, or when no offer is enough — a badge
 * that promises too much is worse than none. Equal prices: more data first.
 */
public final class OfferChoice {
    private OfferChoice() {}

    public static Optional<TopUpOffer> recommended(List<TopUpOffer> offers, State.LineOutlook outlook, LocalDate todayJst) {
        if (outlook.bytesPerDay().isEmpty() || outlook.expires().isEmpty()) {
            return Optional.empty();
        }
        LocalDate lastDay = LocalDate.ofInstant(outlook.expires().get(), BalanceView.JST);
        long days = ChronoUnit.DAYS.between(todayJst, lastDay) + 1;
        return recommended(offers, outlook.dataRemainingBytes(), outlook.bytesPerDay().getAsLong(), days);
    }

    /** {@code days}: how many days (today included) the data must last. */
    static Optional<TopUpOffer> recommended(List<TopUpOffer> offers, long remainingBytes, long bytesPerDay, long days) {
        if (bytesPerDay <= 0 || days <= 0) {
            return Optional.empty();
        }
        long missing = Math.multiplyExact(bytesPerDay, days) - Math.max(0, remainingBytes);
        if (missing <= 0) {
            return Optional.empty();
        }
        return offers.stream()
                .filter(o -> o.dataBytes() >= missing && o.validity().toDays() >= days)
                .min(Comparator.comparingLong(TopUpOffer::priceYen)
                        .thenComparing(Comparator.comparingLong(TopUpOffer::dataBytes).reversed())
                        .thenComparing(TopUpOffer::id));
    }
}
