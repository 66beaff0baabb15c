package com.simkiosk.mock.usim;

import com.simkiosk.card.aka.AkaVectors;
import com.simkiosk.card.aka.Sqn;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.mock.sim.UsimKeys;
import java.util.Random;

/** The carrier's side in these tests: an authentication centre holding the same K/OPc as the genuine card. */
public final class AkaNetwork {
    /** A forged card of the same line: everything copied but the key, which never leaves a genuine SIM. */
    public static final UsimKeys FORGED = new UsimKeys("00112233445566778899AABBCCDDEEFF", UsimKeys.DEMO.opc(), Sqn.of(0, 0));

    private AkaNetwork() {}

    public static AkaVectors forDemoLine() {
        return new AkaVectors(UsimKeys.DEMO.kBytes(), UsimKeys.DEMO.opcBytes(), Sqn.of(0, 0), Hex.decode("8000"), new Random(42));
    }
}
