package com.simkiosk.card.aka;

import java.util.Arrays;

/** What the network sends to authenticate a USIM: RAND and AUTN, 16 bytes each (3GPP TS 33.102 §6.3.3). */
public record AkaChallenge(byte[] rand, byte[] autn) {
    public AkaChallenge {
        if (rand == null || rand.length != Milenage.RAND_LENGTH || autn == null || autn.length != 16) {
            throw new IllegalArgumentException("RAND and AUTN are 16 bytes each");
        }
        rand = rand.clone();
        autn = autn.clone();
    }

    public static AkaChallenge of(AuthVector vector) {
        return new AkaChallenge(vector.rand(), vector.autn());
    }

    @Override
    public byte[] rand() {
        return rand.clone();
    }

    @Override
    public byte[] autn() {
        return autn.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AkaChallenge c && Arrays.equals(c.rand, rand) && Arrays.equals(c.autn, autn);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rand) + Arrays.hashCode(autn);
    }

    @Override
    public String toString() {
        return "AkaChallenge[RAND, AUTN]";
    }
}
