package com.simkiosk.card.network;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a carrier's reply says, as far as it could be read: yen, data left in bytes, the expiry date, and for a
 * foreign SIM the money exactly as the carrier wrote it (never converted). {@code raw} is the carrier's text, which
 * the customer always sees. Personal data: {@link #toString()} says only which fields were found.
 */
public record BalanceReading(String raw, Optional<Long> yen, Optional<Long> dataBytes, Optional<LocalDate> expires,
                             Optional<String> currency, Optional<String> amount) {

    /** Nothing recognised: the carrier's own words only. */
    public static BalanceReading rawOnly(String raw) {
        return new BalanceReading(raw, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean recognised() {
        return yen.isPresent() || dataBytes.isPresent() || expires.isPresent() || amount.isPresent();
    }

    @Override
    public String toString() {
        return "BalanceReading[yen " + yen.isPresent() + ", data " + dataBytes.isPresent() + ", expires "
                + expires.isPresent() + ", foreign " + amount.isPresent() + "]";
    }
}
