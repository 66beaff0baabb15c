package com.simkiosk.card.aka;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.DestroyFailedException;

/**
 * The 3GPP authentication and key generation functions f1, f1*, f2, f3, f4, f5 and f5* (3GPP TS 35.206 §4.1),
 * with AES-128 as the kernel. One instance holds one subscriber's K and OPc; {@link #close()} wipes its copies.
 * The AES key schedule inside the JCE {@link Cipher} cannot be wiped through the API: the instance is meant to
 * live for one authentication and then be dropped.
 *
 * <p>Not thread-safe (one {@link Cipher}); create one per use.
 */
public final class Milenage implements AutoCloseable {
    public static final int KEY_LENGTH = 16;
    public static final int RAND_LENGTH = 16;
    public static final int SQN_LENGTH = 6;
    public static final int AMF_LENGTH = 2;
    public static final int MAC_LENGTH = 8;
    public static final int RES_LENGTH = 8;
    public static final int AK_LENGTH = 6;

    /** TS 35.206 §4.1: rotation amounts r1..r5 in bytes (64, 0, 32, 64, 96 bits) and the last byte of c1..c5. */
    private static final int[] ROTATE = {8, 0, 4, 8, 12};
    private static final int[] CONSTANT = {0x00, 0x01, 0x02, 0x04, 0x08};

    private final byte[] k;
    private final byte[] opc;
    private final SecretKeySpec key;
    private final Cipher aes;
    private boolean closed;

    /** Copies {@code k} and {@code opc}; the caller may (and should) wipe its own arrays. */
    public Milenage(byte[] k, byte[] opc) {
        this.k = checked(k, KEY_LENGTH, "K").clone();
        this.opc = checked(opc, KEY_LENGTH, "OPc").clone();
        this.key = new SecretKeySpec(this.k, "AES");
        this.aes = cipher(key);
    }

    /** OPc = OP ⊕ E_K(OP) (TS 35.206 §4.1). */
    public static byte[] opc(byte[] k, byte[] op) {
        checked(op, KEY_LENGTH, "OP");
        SecretKeySpec spec = new SecretKeySpec(checked(k, KEY_LENGTH, "K"), "AES");
        byte[] out = encrypt(cipher(spec), op);
        xorInto(out, op);
        destroy(spec);
        return out;
    }

    /** f1: the network authentication code MAC-A (8 bytes). */
    public byte[] f1(byte[] rand, byte[] sqn, byte[] amf) {
        return Arrays.copyOfRange(out1(rand, sqn, amf), 0, MAC_LENGTH);
    }

    /** f1*: the resynchronisation authentication code MAC-S (8 bytes). */
    public byte[] f1star(byte[] rand, byte[] sqn, byte[] amf) {
        return Arrays.copyOfRange(out1(rand, sqn, amf), MAC_LENGTH, 2 * MAC_LENGTH);
    }

    /** f2: the response RES / XRES (8 bytes). */
    public byte[] f2(byte[] rand) {
        byte[] out = out(rand, 1);
        byte[] res = Arrays.copyOfRange(out, 8, 16);
        Arrays.fill(out, (byte) 0);
        return res;
    }

    /** f3: the cipher key CK (16 bytes). */
    public byte[] f3(byte[] rand) {
        return out(rand, 2);
    }

    /** f4: the integrity key IK (16 bytes). */
    public byte[] f4(byte[] rand) {
        return out(rand, 3);
    }

    /** f5: the anonymity key AK (6 bytes) that hides SQN in AUTN. */
    public byte[] f5(byte[] rand) {
        byte[] out = out(rand, 1);
        byte[] ak = Arrays.copyOf(out, AK_LENGTH);
        Arrays.fill(out, (byte) 0);
        return ak;
    }

    /** f5*: the anonymity key AK* (6 bytes) that hides SQN_MS in AUTS. */
    public byte[] f5star(byte[] rand) {
        byte[] out = out(rand, 4);
        byte[] ak = Arrays.copyOf(out, AK_LENGTH);
        Arrays.fill(out, (byte) 0);
        return ak;
    }

    /** Wipes this instance's copies of K and OPc; later calls fail. */
    @Override
    public void close() {
        closed = true;
        Arrays.fill(k, (byte) 0);
        Arrays.fill(opc, (byte) 0);
        destroy(key);
    }

    /** OUT1 = E_K(TEMP ⊕ rot(IN1 ⊕ OPc, r1) ⊕ c1) ⊕ OPc, IN1 = SQN ‖ AMF ‖ SQN ‖ AMF. */
    private byte[] out1(byte[] rand, byte[] sqn, byte[] amf) {
        checked(sqn, SQN_LENGTH, "SQN");
        checked(amf, AMF_LENGTH, "AMF");
        byte[] temp = temp(rand);
        byte[] in1 = new byte[16];
        System.arraycopy(sqn, 0, in1, 0, SQN_LENGTH);
        System.arraycopy(amf, 0, in1, SQN_LENGTH, AMF_LENGTH);
        System.arraycopy(sqn, 0, in1, 8, SQN_LENGTH);
        System.arraycopy(amf, 0, in1, 8 + SQN_LENGTH, AMF_LENGTH);
        xorInto(in1, opc);
        byte[] block = rotate(in1, ROTATE[0]);
        xorInto(block, temp);
        block[15] ^= (byte) CONSTANT[0];
        byte[] out = encrypt(aes, block);
        xorInto(out, opc);
        Arrays.fill(temp, (byte) 0);
        Arrays.fill(block, (byte) 0);
        return out;
    }

    /** OUTi = E_K(rot(TEMP ⊕ OPc, ri) ⊕ ci) ⊕ OPc for i = 2..5 (index 1..4 here). */
    private byte[] out(byte[] rand, int i) {
        byte[] temp = temp(rand);
        xorInto(temp, opc);
        byte[] block = rotate(temp, ROTATE[i]);
        block[15] ^= (byte) CONSTANT[i];
        byte[] out = encrypt(aes, block);
        xorInto(out, opc);
        Arrays.fill(temp, (byte) 0);
        Arrays.fill(block, (byte) 0);
        return out;
    }

    /** TEMP = E_K(RAND ⊕ OPc). */
    private byte[] temp(byte[] rand) {
        if (closed) {
            throw new IllegalStateException("Milenage closed: its keys are wiped");
        }
        byte[] in = checked(rand, RAND_LENGTH, "RAND").clone();
        xorInto(in, opc);
        byte[] out = encrypt(aes, in);
        Arrays.fill(in, (byte) 0);
        return out;
    }

    /** Cyclic left rotation by whole bytes (all of TS 35.206's r values are multiples of 8). */
    private static byte[] rotate(byte[] x, int bytes) {
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = x[(i + bytes) % 16];
        }
        return out;
    }

    static void xorInto(byte[] target, byte[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= other[i];
        }
    }

    private static byte[] checked(byte[] value, int length, String name) {
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes");
        }
        return value;
    }

    private static Cipher cipher(SecretKeySpec key) {
        try {
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 is not available in this JVM", e);
        }
    }

    private static byte[] encrypt(Cipher c, byte[] block) {
        try {
            return c.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 failed on one block", e);
        }
    }

    /** SecretKeySpec copies the key; newer JDKs wipe that copy on destroy, older ones refuse. */
    private static void destroy(SecretKeySpec spec) {
        try {
            spec.destroy();
        } catch (DestroyFailedException e) {
            // JDK 17: not implemented; the copy goes with the object.
        }
    }

    @Override
    public String toString() {
        return "Milenage[K ******, OPc ******]";
    }
}
