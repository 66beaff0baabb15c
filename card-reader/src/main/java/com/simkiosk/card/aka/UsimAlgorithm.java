package com.simkiosk.card.aka;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * The card's side of 3GPP AKA with Milenage (TS 33.102 §6.3.3), as a USIM runs it inside AUTHENTICATE: AK =
 * f5(RAND) uncovers SQN, XMAC = f1(SQN, RAND, AMF) must equal the MAC in AUTN (else {@link AkaResult.MacFailure}),
 * SQN must be fresh in the {@link SqnWindow} (else {@link AkaResult.SyncFailure} with AUTS), and then RES = f2,
 * CK = f3, IK = f4 and Kc = c3(CK, IK). For simulators: a real card keeps K and OPc in its chip.
 */
public final class UsimAlgorithm {
    private static final byte[] RESYNC_AMF = new byte[Milenage.AMF_LENGTH];

    private final byte[] k;
    private final byte[] opc;
    private final SqnWindow window;

    public UsimAlgorithm(byte[] k, byte[] opc, SqnWindow window) {
        if (k.length != Milenage.KEY_LENGTH || opc.length != Milenage.KEY_LENGTH) {
            throw new IllegalArgumentException("K and OPc are 16 bytes");
        }
        this.k = k.clone();
        this.opc = opc.clone();
        this.window = window;
    }

    public AkaResult authenticate(AkaChallenge challenge) {
        byte[] rand = challenge.rand();
        byte[] autn = challenge.autn();
        try (Milenage milenage = new Milenage(k, opc)) {
            byte[] ak = milenage.f5(rand);
            byte[] sqn = new byte[Milenage.SQN_LENGTH];
            for (int i = 0; i < sqn.length; i++) {
                sqn[i] = (byte) (autn[i] ^ ak[i]);
            }
            Arrays.fill(ak, (byte) 0);
            byte[] amf = Arrays.copyOfRange(autn, 6, 8);
            byte[] xmac = milenage.f1(rand, sqn, amf);
            if (!MessageDigest.isEqual(xmac, Arrays.copyOfRange(autn, 8, 16))) {
                return new AkaResult.MacFailure();
            }
            if (!window.accept(Sqn.fromBytes(sqn))) {
                return new AkaResult.SyncFailure(auts(milenage, rand));
            }
            byte[] ck = milenage.f3(rand);
            byte[] ik = milenage.f4(rand);
            return new AkaResult.Success(milenage.f2(rand), ck, ik, Optional.of(c3(ck, ik)));
        }
    }

    /** AUTS = SQN_MS ⊕ AK* ‖ MAC-S, MAC-S = f1*(SQN_MS, RAND, AMF = 0000) (TS 33.102 §6.3.3). */
    private byte[] auts(Milenage milenage, byte[] rand) {
        byte[] sqnMs = window.sqnMs().toBytes();
        byte[] akStar = milenage.f5star(rand);
        byte[] auts = new byte[Milenage.SQN_LENGTH + Milenage.MAC_LENGTH];
        for (int i = 0; i < Milenage.SQN_LENGTH; i++) {
            auts[i] = (byte) (sqnMs[i] ^ akStar[i]);
        }
        System.arraycopy(milenage.f1star(rand, sqnMs, RESYNC_AMF), 0, auts, Milenage.SQN_LENGTH, Milenage.MAC_LENGTH);
        return auts;
    }

    /** TS 33.102 §6.8.1.2 c3: Kc = CK1 ⊕ CK2 ⊕ IK1 ⊕ IK2 (the 64-bit halves). */
    static byte[] c3(byte[] ck, byte[] ik) {
        byte[] kc = new byte[8];
        for (int i = 0; i < 8; i++) {
            kc[i] = (byte) (ck[i] ^ ck[i + 8] ^ ik[i] ^ ik[i + 8]);
        }
        return kc;
    }

    @Override
    public String toString() {
        return "UsimAlgorithm[K ******, OPc ******, SQN_MS " + window.sqnMs() + "]";
    }
}
