package com.simkiosk.card.aka;

import java.util.Arrays;

/**
 * One authentication vector of 3GPP TS 33.102 §6.3.2 (RAND, XRES, CK, IK, AUTN), as the home network's
 * authentication centre makes it. XRES, CK and IK are secrets: the getters hand out copies, {@link #close()} wipes
 * this object's arrays, and {@link #toString()} shows none of them.
 */
public final class AuthVector implements AutoCloseable {
    private final byte[] rand;
    private final byte[] xres;
    private final byte[] ck;
    private final byte[] ik;
    private final byte[] autn;
    private final Sqn sqn;

    AuthVector(byte[] rand, byte[] xres, byte[] ck, byte[] ik, byte[] autn, Sqn sqn) {
        this.rand = rand;
        this.xres = xres;
        this.ck = ck;
        this.ik = ik;
        this.autn = autn;
        this.sqn = sqn;
    }

    public byte[] rand() {
        return rand.clone();
    }

    /** AUTN = SQN ⊕ AK ‖ AMF ‖ MAC-A. */
    public byte[] autn() {
        return autn.clone();
    }

    public byte[] xres() {
        return xres.clone();
    }

    public byte[] ck() {
        return ck.clone();
    }

    public byte[] ik() {
        return ik.clone();
    }

    /** The SQN hidden in AUTN (for the network's own bookkeeping and tests). */
    public Sqn sqn() {
        return sqn;
    }

    /** True when {@code res} is this vector's XRES, compared in constant time. */
    public boolean matches(byte[] res) {
        return res != null && java.security.MessageDigest.isEqual(xres, res);
    }

    @Override
    public void close() {
        Arrays.fill(xres, (byte) 0);
        Arrays.fill(ck, (byte) 0);
        Arrays.fill(ik, (byte) 0);
    }

    @Override
    public String toString() {
        return "AuthVector[" + sqn + ", XRES/CK/IK ******]";
    }
}
