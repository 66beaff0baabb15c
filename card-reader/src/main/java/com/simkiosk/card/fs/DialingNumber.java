package com.simkiosk.card.fs;

import com.simkiosk.privacy.Mask;

/** One record of EF.MSISDN (6F40): an optional label and the number, {@code +} when international. */
public record DialingNumber(String alpha, String number) {
    public DialingNumber {
        if (alpha == null || number == null || !number.matches("\\+?\\d{0,20}")) {
            throw new IllegalArgumentException("a dialing number is digits, optionally after +");
        }
    }

    @Override
    public String toString() {
        return "DialingNumber[" + alpha + ", " + Mask.msisdn(number) + "]";
    }
}
