package com.simkiosk.card.apdu;

/** Builds short command APDUs the way every SIM command here is sent. */
public final class CommandApdu {
    private CommandApdu() {}

    /** Case 3 on T=0: header, Lc and data (no Le; the card answers 61xx when it has data). */
    public static byte[] withData(byte cla, byte ins, int p1, int p2, byte[] data) {
        byte[] out = new byte[5 + data.length];
        out[0] = cla;
        out[1] = ins;
        out[2] = (byte) p1;
        out[3] = (byte) p2;
        out[4] = (byte) data.length;
        System.arraycopy(data, 0, out, 5, data.length);
        return out;
    }

    /** A two-byte file identifier as SELECT data. */
    public static byte[] fid(int fid) {
        return new byte[] {(byte) (fid >> 8), (byte) fid};
    }
}
