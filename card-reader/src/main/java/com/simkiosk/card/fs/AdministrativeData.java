package com.simkiosk.card.fs;

import java.util.OptionalInt;

/**
 * EF.AD (3GPP TS 31.102 §4.2.18, GSM 11.11 §10.3.18): byte 1 the UE operation mode, bytes 2–3 additional
 * information, byte 4 (optional) the length of the MNC in the IMSI in its low nibble (2 or 3; other values are
 * reserved). {@code mncLength} is empty when the file has no byte 4 or a reserved value there.
 */
public record AdministrativeData(int operationMode, OptionalInt mncLength) {
    public AdministrativeData {
        if (operationMode < 0 || operationMode > 0xFF) {
            throw new IllegalArgumentException("the operation mode is one byte");
        }
        mncLength = mncLength == null ? OptionalInt.empty() : mncLength;
        if (mncLength.isPresent() && mncLength.getAsInt() != 2 && mncLength.getAsInt() != 3) {
            throw new IllegalArgumentException("an MNC has 2 or 3 digits");
        }
    }

    /** A card in normal operation whose IMSI has an MNC of {@code digits} digits. */
    public static AdministrativeData normal(int digits) {
        return new AdministrativeData(0x00, OptionalInt.of(digits));
    }
}
