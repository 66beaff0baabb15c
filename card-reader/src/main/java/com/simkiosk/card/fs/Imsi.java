package com.simkiosk.card.fs;

import com.simkiosk.privacy.Mask;

/** The subscriber identity (EF.IMSI 6F07): MCC, MNC, subscriber number. Personal: masked in toString. */
public record Imsi(String digits) {
    public Imsi {
        if (digits == null || !digits.matches("\\d{6,15}")) {
            throw new IllegalArgumentException("an IMSI has 6 to 15 digits");
        }
    }

    public String mcc() {
        return digits.substring(0, 3);
    }

    @Override
    public String toString() {
        return "Imsi[" + mcc() + Mask.secret(digits) + "]";
    }
}
