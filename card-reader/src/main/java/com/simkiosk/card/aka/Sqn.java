package com.simkiosk.card.aka;

/**
 * A 48-bit sequence number, SQN = SEQ ‖ IND (3GPP TS 33.102 Annex C.1.1): SEQ counts up, the low
 * {@value #IND_BITS} bits are the index IND that lets vectors be used out of order (Annex C.1.2, a = 32).
 */
public record Sqn(long value) {
    public static final int IND_BITS = 5;
    public static final int ARRAY_SIZE = 1 << IND_BITS;
    public static final long MAX = (1L << 48) - 1;

    public Sqn {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("an SQN has 48 bits");
        }
    }

    public static Sqn of(long seq, int ind) {
        if (ind < 0 || ind >= ARRAY_SIZE || seq < 0 || seq > (MAX >>> IND_BITS)) {
            throw new IllegalArgumentException("SEQ or IND out of range");
        }
        return new Sqn((seq << IND_BITS) | ind);
    }

    public static Sqn fromBytes(byte[] six) {
        if (six.length != Milenage.SQN_LENGTH) {
            throw new IllegalArgumentException("an SQN is 6 bytes");
        }
        long v = 0;
        for (byte b : six) {
            v = (v << 8) | (b & 0xFF);
        }
        return new Sqn(v);
    }

    public long seq() {
        return value >>> IND_BITS;
    }

    public int ind() {
        return (int) (value & (ARRAY_SIZE - 1));
    }

    public byte[] toBytes() {
        byte[] out = new byte[Milenage.SQN_LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (value >>> (8 * (out.length - 1 - i)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Sqn[SEQ " + seq() + ", IND " + ind() + "]";
    }
}
