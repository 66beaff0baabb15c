package com.simkiosk.mock.sim;

import com.simkiosk.card.apdu.Hex;
import com.simkiosk.card.aka.Sqn;
import java.util.Objects;

/**
 * What a virtual USIM keeps inside for 3GPP AKA: its subscriber key K, OPc, and the last SQN it accepted.
 * A forged card of the same line has another K. Never printed.
 */
public record UsimKeys(String k, String opc, Sqn lastAccepted) {
    /** The demo key set: K and OPc of 3GPP TS 35.208 test set 1 (public test data, never a real subscriber's). */
    public static final UsimKeys DEMO = new UsimKeys("465B5CE8B199B49FAA5F0A2EE238A6BC", "CD63CB71954A9F4E48A5994E37A02BAF",
            Sqn.of(0, 0));

    /**
     * A forger's card: another K with the demo OPc. Put on a card with a genuine line's ICCID and IMSI, it fails the
     * carrier's challenge (MAC failure), as a programmable SIM with a copied ICCID does.
     */
    public static final UsimKeys FORGED = new UsimKeys("00112233445566778899AABBCCDDEEFF", DEMO.opc(), Sqn.of(0, 0));

    public UsimKeys {
        Objects.requireNonNull(lastAccepted, "lastAccepted");
        if (k == null || opc == null || !k.matches("[0-9A-Fa-f]{32}") || !opc.matches("[0-9A-Fa-f]{32}")) {
            throw new IllegalArgumentException("K and OPc are 16 bytes of hex");
        }
        k = k.toUpperCase();
        opc = opc.toUpperCase();
    }

    public static UsimKeys of(byte[] k, byte[] opc, Sqn lastAccepted) {
        return new UsimKeys(Hex.encode(k), Hex.encode(opc), lastAccepted);
    }

    public byte[] kBytes() {
        return Hex.decode(k);
    }

    public byte[] opcBytes() {
        return Hex.decode(opc);
    }

    public UsimKeys withLastAccepted(Sqn sqn) {
        return new UsimKeys(k, opc, sqn);
    }

    @Override
    public String toString() {
        return "UsimKeys[K ******, OPc ******, last " + lastAccepted + "]";
    }
}
