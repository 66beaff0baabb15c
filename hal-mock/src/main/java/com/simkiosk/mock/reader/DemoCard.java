package com.simkiosk.mock.reader;

import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.CardType;
import com.simkiosk.card.Iccid;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * A card to put in the {@link InMemorySimReader}: a SIM (ICCID, type, optional PIN with its try counter) or a
 * misbehaving card. Build with {@link #sim(Iccid)} and the {@code with…}/fault methods.
 */
public record DemoCard(
        Iccid iccid,
        CardType type,
        String atrHex,
        Optional<String> pin,
        int pinTriesLeft,
        Behaviour behaviour,
        Duration readDelay,
        Optional<VirtualSim> usim) {

    /** SIM cards allow three PIN tries; a right PIN resets the counter to this. */
    public static final int PIN_TRIES = 3;
    public static final String UICC_ATR = "3B9F96801FC78031A073BE21136743200718000001A5";
    public static final String SIM_2G_ATR = "3B1A9600008031E0730000000000";

    public enum Behaviour {
        /** Answers like a SIM. */
        SIM,
        /** Answers, but has no ICCID (a bank or transport card). */
        NOT_A_SIM,
        /** Gives no answer (upside down, dirty, dead). */
        MUTE,
        /** Leaves the reader while it is being read. */
        REMOVED_MID_READ
    }

    public DemoCard {
        if (pinTriesLeft < 0 || pinTriesLeft > PIN_TRIES) {
            throw new IllegalArgumentException("PIN tries are 0 to " + PIN_TRIES);
        }
        if (readDelay.isNegative()) {
            throw new IllegalArgumentException("readDelay must not be negative");
        }
        usim = usim == null ? Optional.empty() : usim;
    }

    /** A card without a USIM the reader can reach (its AKA calls answer NotSupported). */
    public DemoCard(Iccid iccid, CardType type, String atrHex, Optional<String> pin, int pinTriesLeft, Behaviour behaviour,
                    Duration readDelay) {
        this(iccid, type, atrHex, pin, pinTriesLeft, behaviour, readDelay, Optional.empty());
    }

    /**
     * The virtual card of {@code spec} (hal-mock {@link VirtualSim}): its ICCID, kind and PIN for the read, and its
     * USIM (EF.IMSI, EF.AD, AUTHENTICATE with its own K/OPc/SQN) for {@link InMemorySimReader}'s AKA calls. The
     * virtual card keeps its SQN and PIN counter across insertions, as a real card does.
     */
    public static DemoCard of(VirtualSimSpec spec) {
        VirtualSim card = new VirtualSim(spec);
        boolean uicc = spec.kind() == VirtualSimSpec.Kind.UICC;
        return new DemoCard(spec.iccid(), uicc ? CardType.UICC : CardType.SIM_2G, uicc ? UICC_ATR : SIM_2G_ATR,
                spec.pinEnabled() ? Optional.of(spec.pin()) : Optional.empty(), spec.triesLeft(), Behaviour.SIM,
                Duration.ZERO, Optional.of(card));
    }

    /** A UICC without PIN. */
    public static DemoCard sim(Iccid iccid) {
        return new DemoCard(iccid, CardType.UICC, UICC_ATR, Optional.empty(), PIN_TRIES, Behaviour.SIM, Duration.ZERO);
    }

    /** A card that reads as {@code identity}; a PIN-enabled one gets the PIN {@code 1234}. */
    public static DemoCard of(CardIdentity identity) {
        DemoCard card = new DemoCard(identity.iccid(), identity.type(), identity.atrHex(), Optional.empty(),
                Math.min(PIN_TRIES, identity.pin().triesLeft()), Behaviour.SIM, Duration.ZERO);
        return identity.pin().enabled() ? card.withPin("1234", Math.min(PIN_TRIES, identity.pin().triesLeft())) : card;
    }

    public DemoCard withPin(String pinDigits, int triesLeft) {
        if (!pinDigits.matches("\\d{4,8}")) {
            throw new IllegalArgumentException("a SIM PIN has 4 to 8 digits");
        }
        return new DemoCard(iccid, type, atrHex, Optional.of(pinDigits), triesLeft, behaviour, readDelay, usim);
    }

    /** An old GSM SIM (CLA A0). */
    public DemoCard as2g() {
        return new DemoCard(iccid, CardType.SIM_2G, SIM_2G_ATR, pin, pinTriesLeft, behaviour, readDelay, usim);
    }

    public DemoCard behaving(Behaviour newBehaviour) {
        return new DemoCard(iccid, type, atrHex, pin, pinTriesLeft, newBehaviour, readDelay, usim);
    }

    /** Each read takes this long (bounded by the reader's read timeout). */
    public DemoCard slowRead(Duration delay) {
        return new DemoCard(iccid, type, atrHex, pin, pinTriesLeft, behaviour, delay, usim);
    }
}
