package com.simkiosk.carrier;

import com.simkiosk.privacy.Mask;

/** A phone number in E.164 form ({@code +819012345678}). {@link #toString()} is masked. */
public record Msisdn(String e164) {
    public Msisdn {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{6,14}")) {
            throw new IllegalArgumentException("not an E.164 number");
        }
    }

    public String masked() {
        return Mask.msisdn(e164);
    }

    @Override
    public String toString() {
        return masked();
    }
}
