package com.simkiosk.mock.sim;

import com.simkiosk.card.Iccid;
import com.simkiosk.card.fs.DialingNumber;
import com.simkiosk.card.fs.Imsi;
import com.simkiosk.card.fs.ServiceProviderName;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How a virtual card behaves: which kind of card, what it holds, its PIN, and its faults. Immutable;
 * the {@code with…} methods return a changed copy.
 */
public record VirtualSimSpec(
        Kind kind,
        Iccid iccid,
        Imsi imsi,
        ServiceProviderName spn,
        DialingNumber msisdn,
        boolean pinEnabled,
        String pin,
        int triesLeft,
        Duration answerDelay,
        Set<SimFault> faults,
        UsimKeys usimKeys,
        OptionalInt mncLength) {

    public enum Kind {
        /** A 3G/4G/5G UICC: CLA 00, FCP through 61xx, VERIFY without data tells the tries. */
        UICC,
        /** An old GSM SIM: CLA A0 only, 9Fxx responses. */
        SIM_2G,
        /** An EMV bank card: CLA 00, but no EF 2FE2. */
        BANK_CARD
    }

    public static final int MAX_TRIES = 3;

    public VirtualSimSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(imsi, "imsi");
        Objects.requireNonNull(spn, "spn");
        Objects.requireNonNull(msisdn, "msisdn");
        if (pin == null || !pin.matches("\\d{4,8}")) {
            throw new IllegalArgumentException("a SIM PIN has 4 to 8 digits");
        }
        if (triesLeft < 0 || triesLeft > MAX_TRIES) {
            throw new IllegalArgumentException("tries left is 0 to " + MAX_TRIES);
        }
        Objects.requireNonNull(answerDelay, "answerDelay");
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        Objects.requireNonNull(usimKeys, "usimKeys");
        mncLength = mncLength == null ? OptionalInt.empty() : mncLength;
    }

    /** A UICC with this ICCID, no PIN, the demo subscriber data. */
    public static VirtualSimSpec uicc(String iccid) {
        return new VirtualSimSpec(Kind.UICC, Iccid.parse(iccid), new Imsi("440101234567890"),
                new ServiceProviderName(1, "SimKiosk"), new DialingNumber("", "+819012345678"),
                false, "0000", MAX_TRIES, Duration.ZERO, Set.of(), UsimKeys.DEMO, OptionalInt.of(2));
    }

    public static VirtualSimSpec sim2g(String iccid) {
        return uicc(iccid).withKind(Kind.SIM_2G);
    }

    /** A bank card: the ICCID is never served (there is no EF 2FE2). */
    public static VirtualSimSpec bankCard() {
        return uicc("8988211000000430010").withKind(Kind.BANK_CARD);
    }

    public VirtualSimSpec withKind(Kind newKind) {
        return new VirtualSimSpec(newKind, iccid, imsi, spn, msisdn, pinEnabled, pin, triesLeft, answerDelay, faults, usimKeys, mncLength);
    }

    public VirtualSimSpec withPin(String newPin, int tries) {
        return new VirtualSimSpec(kind, iccid, imsi, spn, msisdn, true, newPin, tries, answerDelay, faults, usimKeys, mncLength);
    }

    public VirtualSimSpec withAnswerDelay(Duration delay) {
        return new VirtualSimSpec(kind, iccid, imsi, spn, msisdn, pinEnabled, pin, triesLeft, delay, faults, usimKeys, mncLength);
    }

    public VirtualSimSpec withFault(SimFault fault) {
        Set<SimFault> more = EnumSet.noneOf(SimFault.class);
        more.addAll(faults);
        more.add(fault);
        return new VirtualSimSpec(kind, iccid, imsi, spn, msisdn, pinEnabled, pin, triesLeft, answerDelay, more, usimKeys, mncLength);
    }

    /** The USIM's own K/OPc and SQN state: another K makes a forged card of the same line (MAC failure). */
    public VirtualSimSpec withUsimKeys(UsimKeys keys) {
        return new VirtualSimSpec(kind, iccid, imsi, spn, msisdn, pinEnabled, pin, triesLeft, answerDelay, faults, keys, mncLength);
    }

    /**
     * What EF.AD byte 4 says about the IMSI's MNC length (2 or 3); empty: EF.AD without byte 4, and the kiosk
     * guesses. {@link #uicc} says 2, as on every Japanese network.
     */
    public VirtualSimSpec withMncLength(OptionalInt digits) {
        return new VirtualSimSpec(kind, iccid, imsi, spn, msisdn, pinEnabled, pin, triesLeft, answerDelay, faults, usimKeys, digits);
    }

    public VirtualSimSpec withImsi(Imsi newImsi) {
        return new VirtualSimSpec(kind, iccid, newImsi, spn, msisdn, pinEnabled, pin, triesLeft, answerDelay, faults, usimKeys, mncLength);
    }

    public boolean has(SimFault fault) {
        return faults.contains(fault);
    }

    /** The ICCID is personal: masked like everywhere else. */
    @Override
    public String toString() {
        return "VirtualSimSpec[" + kind + ", " + iccid + ", pin " + (pinEnabled ? "enabled" : "disabled") + ", faults " + faults + "]";
    }
}
