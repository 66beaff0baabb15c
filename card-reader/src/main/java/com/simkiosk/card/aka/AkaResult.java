package com.simkiosk.card.aka;

import com.simkiosk.card.CardError;
import com.simkiosk.card.PinResult;
import java.util.Arrays;
import java.util.Optional;

/**
 * How a SIM answered an AKA challenge (3GPP TS 31.102 §7.1.2 AUTHENTICATE, 3G context), or why it could not be
 * asked. Only the card's answer reaches the network: RES on {@link Success}, AUTS on {@link SyncFailure}. CK and IK
 * stay in this JVM's memory: they are handed out as copies, {@link Success#close()} wipes them, and no
 * {@code toString()} shows a byte of them.
 */
public sealed interface AkaResult {

    /** The card accepted AUTN: RES for the network, CK and IK (and Kc when the card adds it) for the kiosk. */
    final class Success implements AkaResult, AutoCloseable {
        private final byte[] res;
        private final byte[] ck;
        private final byte[] ik;
        private final byte[] kc;

        /** Takes the arrays as they are (no copy), so that {@link #close()} wipes the only copy. */
        public Success(byte[] res, byte[] ck, byte[] ik, Optional<byte[]> kc) {
            if (res.length < 4 || res.length > 16 || ck.length != 16 || ik.length != 16) {
                throw new IllegalArgumentException("RES is 4 to 16 bytes, CK and IK 16");
            }
            this.res = res;
            this.ck = ck;
            this.ik = ik;
            this.kc = kc.orElse(new byte[0]);
        }

        public byte[] res() {
            return res.clone();
        }

        public byte[] ck() {
            return ck.clone();
        }

        public byte[] ik() {
            return ik.clone();
        }

        /** The GSM cipher key, when the card adds it (TS 31.102 service n°27). */
        public Optional<byte[]> kc() {
            return kc.length == 0 ? Optional.empty() : Optional.of(kc.clone());
        }

        @Override
        public void close() {
            Arrays.fill(res, (byte) 0);
            Arrays.fill(ck, (byte) 0);
            Arrays.fill(ik, (byte) 0);
            Arrays.fill(kc, (byte) 0);
        }

        @Override
        public String toString() {
            return "Success[RES " + res.length + " bytes ******, CK ******, IK ******" + (kc.length > 0 ? ", Kc ******" : "") + "]";
        }
    }

    /** The card finds the SQN in AUTN not fresh and sends AUTS (SQN_MS ⊕ AK* ‖ MAC-S) to resynchronise. */
    record SyncFailure(byte[] auts) implements AkaResult {
        public SyncFailure {
            if (auts.length != 14) {
                throw new IllegalArgumentException("AUTS is 14 bytes");
            }
            auts = auts.clone();
        }

        @Override
        public byte[] auts() {
            return auts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SyncFailure s && Arrays.equals(s.auts, auts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(auts);
        }

        @Override
        public String toString() {
            return "SyncFailure[AUTS 14 bytes]";
        }
    }

    /**
     * SW 9862 "authentication error, incorrect MAC": AUTN was not made with this card's key. For the kiosk: the
     * card is not the one the carrier issued for this line (a clone, a forgery), or the challenge was tampered with.
     */
    record MacFailure() implements AkaResult {}

    /** The card cannot do 3G AKA: a 2G SIM, or a UICC without a USIM application. Fall back to the other methods. */
    record NotSupported(String reason) implements AkaResult {}

    /**
     * PIN1 is enabled and not verified, so the card was not asked. {@code attempt} is empty when no PIN was given
     * (or the card insisted on one, SW 6982), else what verifying it gave: wrong, or refused with one try left.
     */
    record PinNotVerified(Optional<PinResult> attempt) implements AkaResult {
        public static PinNotVerified noPinGiven() {
            return new PinNotVerified(Optional.empty());
        }
    }

    /** The card could not be asked or answered outside the standard (removed, mute, reader gone). */
    record Failed(CardError error, String detail) implements AkaResult {}
}
