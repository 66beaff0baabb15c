package com.simkiosk.carrier.gba;

import com.simkiosk.card.fs.Imsi;
import com.simkiosk.privacy.Mask;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The IP Multimedia Private Identity a UICC without an ISIM is bootstrapped with, derived from its IMSI as 3GPP
 * TS 23.003 §13.3 says: {@code <IMSI>@ims.mnc<MNC>.mcc<MCC>.3gppnetwork.org}, the MNC written with three digits
 * (a two-digit MNC gets a leading zero). How many digits the MNC has is not in the IMSI: it is byte 4 of EF.AD
 * (TS 31.102 §4.2.18); every Japanese network (MCC 440, 441) uses two. Personal: {@link #toString()} is masked.
 */
public record Impi(String value) {

    public Impi {
        Objects.requireNonNull(value, "value");
        int at = value.indexOf('@');
        if (at < 1 || at == value.length() - 1 || value.indexOf('@', at + 1) >= 0 || !value.matches("[\\x21-\\x7e]+")
                || value.contains("\"") || value.contains("\\")) {
            throw new IllegalArgumentException("an IMPI is user@domain in printable ASCII");
        }
    }

    /** TS 23.003 §13.3 from the IMSI; {@code mncLength} 2 or 3 (EF.AD). */
    public static Impi fromImsi(Imsi imsi, int mncLength) {
        if (mncLength != 2 && mncLength != 3) {
            throw new IllegalArgumentException("an MNC has 2 or 3 digits");
        }
        String digits = imsi.digits();
        String mcc = digits.substring(0, 3);
        String mnc = digits.substring(3, 3 + mncLength);
        return new Impi(digits + "@" + homeDomain(mcc, mnc));
    }

    /**
     * TS 23.003 §13.3 with the MNC length the card's EF.AD gives; when EF.AD does not say, the usual guess: two
     * digits for Japan's MCC 440/441 (every Japanese network), three elsewhere.
     */
    public static Impi fromImsi(Imsi imsi, OptionalInt mncLengthFromEfAd) {
        return fromImsi(imsi, mncLengthFromEfAd.orElse(guessMncLength(imsi)));
    }

    /** Without EF.AD: two digits for MCC 440/441, else three (most networks outside Europe use three). */
    public static int guessMncLength(Imsi imsi) {
        return imsi.mcc().equals("440") || imsi.mcc().equals("441") ? 2 : 3;
    }

    /** {@code ims.mnc010.mcc440.3gppnetwork.org} for MCC 440, MNC 10 (TS 23.003 §13.2). */
    public static String homeDomain(String mcc, String mnc) {
        return "ims.mnc" + "0".repeat(3 - mnc.length()) + mnc + ".mcc" + mcc + ".3gppnetwork.org";
    }

    /** The home network's domain, the realm of the first request (TS 24.109 §4.4.3). */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    /** The IMSI stays hidden but its country: {@code 440******@ims.mnc010.mcc440.3gppnetwork.org}. */
    public String masked() {
        String user = value.substring(0, value.indexOf('@'));
        return (user.length() > 3 ? user.substring(0, 3) : "") + Mask.secret(user) + "@" + domain();
    }

    @Override
    public String toString() {
        return "Impi[" + masked() + "]";
    }
}
