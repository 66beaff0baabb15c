package com.simkiosk.card.apdu;

import com.simkiosk.card.CardError;
import java.util.Arrays;

/** A card's answer split into data and status word. */
public record ResponseApdu(byte[] data, int sw) {

    public ResponseApdu {
        data = data.clone();
    }

    /** Splits raw bytes; an answer shorter than SW1 SW2 is a mute card, not a parse error. */
    public static ResponseApdu of(byte[] raw) throws CardIoException {
        if (raw == null || raw.length < 2) {
            throw new CardIoException(CardError.CARD_MUTE,
                    "response shorter than 2 bytes (" + (raw == null ? 0 : raw.length) + ")");
        }
        int sw = ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF);
        return new ResponseApdu(Arrays.copyOf(raw, raw.length - 2), sw);
    }

    public static ResponseApdu of(StatusWord sw) {
        return new ResponseApdu(new byte[0], sw.value());
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int sw1() {
        return sw >>> 8;
    }

    public int sw2() {
        return sw & 0xFF;
    }

    public boolean is(StatusWord expected) {
        return expected.matches(sw);
    }

    /** Data followed by SW1 SW2, as on the wire. */
    public byte[] toBytes() {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) sw1();
        out[data.length + 1] = (byte) sw2();
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseApdu r && r.sw == sw && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + sw;
    }

    /** Status word only: the data may be personal (an ICCID), so it never reaches a log. */
    @Override
    public String toString() {
        return "ResponseApdu[" + data.length + " bytes, SW " + StatusWord.format(sw) + "]";
    }
}
