package com.simkiosk.card.aka;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The home network's side of 3GPP AKA for one subscriber (what a carrier's authentication centre does): makes
 * authentication vectors with Milenage from its K/OPc and its own SQN counter (TS 33.102 §6.3.2, Annex C.1.1.2:
 * SEQ_HE counts up, IND cycles through the array), and resynchronises from the card's AUTS (§6.3.5): AUTS =
 * SQN_MS ⊕ AK* ‖ MAC-S, with MAC-S = f1*(SQN_MS, RAND, AMF = 0000) checked before SQN_HE is reset to SQN_MS.
 * Thread-safe. Holds K and OPc until {@link #close()}.
 */
public final class AkaVectors implements AutoCloseable {
    /** TS 33.102 §6.3.3: the AMF of MAC-S is a dummy of all zeros. */
    private static final byte[] RESYNC_AMF = new byte[Milenage.AMF_LENGTH];

    private final byte[] k;
    private final byte[] opc;
    private final byte[] amf;
    private final RandomGenerator random;
    private long seqHe;
    private int nextInd;

    /**
     * @param lastSqn the last SQN this subscriber's network issued (a new line: {@code Sqn.of(0, 0)})
     * @param amf the authentication management field put into AUTN (2 bytes)
     * @param random the source of RANDs ({@link java.security.SecureRandom} in a real network)
     */
    public AkaVectors(byte[] k, byte[] opc, Sqn lastSqn, byte[] amf, RandomGenerator random) {
        if (k.length != Milenage.KEY_LENGTH || opc.length != Milenage.KEY_LENGTH || amf.length != Milenage.AMF_LENGTH) {
            throw new IllegalArgumentException("K and OPc are 16 bytes, AMF 2");
        }
        this.k = k.clone();
        this.opc = opc.clone();
        this.amf = amf.clone();
        this.random = random;
        this.seqHe = lastSqn.seq();
        this.nextInd = (lastSqn.ind() + 1) % Sqn.ARRAY_SIZE;
    }

    /** A fresh vector with a new RAND and the next SQN. */
    public synchronized AuthVector next() {
        byte[] rand = new byte[Milenage.RAND_LENGTH];
        random.nextBytes(rand);
        return vector(rand);
    }

    /** A vector for this RAND and the next SQN (tests and replays of recorded challenges). */
    public synchronized AuthVector vector(byte[] rand) {
        seqHe++;
        Sqn sqn = Sqn.of(seqHe, nextInd);
        nextInd = (nextInd + 1) % Sqn.ARRAY_SIZE;
        try (Milenage milenage = new Milenage(k, opc)) {
            byte[] sqnBytes = sqn.toBytes();
            byte[] mac = milenage.f1(rand, sqnBytes, amf);
            byte[] ak = milenage.f5(rand);
            byte[] autn = new byte[16];
            for (int i = 0; i < Milenage.SQN_LENGTH; i++) {
                autn[i] = (byte) (sqnBytes[i] ^ ak[i]);
            }
            System.arraycopy(amf, 0, autn, 6, Milenage.AMF_LENGTH);
            System.arraycopy(mac, 0, autn, 8, Milenage.MAC_LENGTH);
            Arrays.fill(ak, (byte) 0);
            return new AuthVector(rand.clone(), milenage.f2(rand), milenage.f3(rand), milenage.f4(rand), autn, sqn);
        }
    }

    /**
     * Resynchronisation after the card answered AUTS to a challenge with {@code rand}: when MAC-S is right,
     * SQN_HE becomes SQN_MS (the next vector is fresh for the card) and SQN_MS is returned; a wrong MAC-S (a
     * forged or corrupted AUTS, or another card's) changes nothing and returns empty.
     */
    public synchronized Optional<Sqn> resynchronise(byte[] rand, byte[] auts) {
        if (auts == null || auts.length != Milenage.SQN_LENGTH + Milenage.MAC_LENGTH) {
            return Optional.empty();
        }
        try (Milenage milenage = new Milenage(k, opc)) {
            byte[] akStar = milenage.f5star(rand);
            byte[] sqnMs = new byte[Milenage.SQN_LENGTH];
            for (int i = 0; i < sqnMs.length; i++) {
                sqnMs[i] = (byte) (auts[i] ^ akStar[i]);
            }
            byte[] macS = milenage.f1star(rand, sqnMs, RESYNC_AMF);
            boolean valid = java.security.MessageDigest.isEqual(macS, Arrays.copyOfRange(auts, 6, 14));
            Arrays.fill(akStar, (byte) 0);
            if (!valid) {
                return Optional.empty();
            }
            Sqn ms = Sqn.fromBytes(sqnMs);
            seqHe = ms.seq();
            nextInd = (ms.ind() + 1) % Sqn.ARRAY_SIZE;
            return Optional.of(ms);
        }
    }

    /** The last SQN issued (to persist a subscriber's counter). */
    public synchronized Sqn lastSqn() {
        return Sqn.of(seqHe, (nextInd + Sqn.ARRAY_SIZE - 1) % Sqn.ARRAY_SIZE);
    }

    @Override
    public synchronized void close() {
        Arrays.fill(k, (byte) 0);
        Arrays.fill(opc, (byte) 0);
    }

    @Override
    public String toString() {
        return "AkaVectors[K ******, OPc ******, " + lastSqn() + "]";
    }
}
