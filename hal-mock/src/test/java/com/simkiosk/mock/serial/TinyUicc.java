package com.simkiosk.mock.serial;

import com.simkiosk.card.Iccid;
import com.simkiosk.card.apdu.ApduChannel;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Just enough of a UICC behind AT+CSIM for these tests: SELECT 2FE2 answering 61xx (so GET RESPONSE runs
 * through the modem too), READ BINARY, and VERIFY with and without data.
 */
final class TinyUicc implements ApduChannel {
    private static final byte[] FCP = HexFormat.of().parseHex("621082022141830220E28A01058B032F0601");
    private final Iccid iccid;
    private final String pin;
    private int tries;

    TinyUicc(Iccid iccid, String pin, int tries) {
        this.iccid = iccid;
        this.pin = pin;
        this.tries = tries;
    }

    int tries() {
        return tries;
    }

    @Override
    public byte[] transmit(byte[] c) {
        String head = HexFormat.of().withUpperCase().formatHex(c, 0, Math.min(c.length, 4));
        switch (head) {
            case "00A40004":
                return new byte[] {0x61, (byte) FCP.length};
            case "00C00000":
                return concat(FCP, 0x90, 0x00);
            case "00B00000":
                return concat(iccid.toEfBytes(), 0x90, 0x00);
            case "00200001":
                if (c.length == 4) {
                    return new byte[] {0x63, (byte) (0xC0 | tries)};
                }
                String given = new String(Arrays.copyOfRange(c, 5, 13)).replace("\u00ff", "").replaceAll("[^0-9]", "");
                if (given.equals(pin)) {
                    tries = 3;
                    return new byte[] {(byte) 0x90, 0x00};
                }
                tries--;
                return new byte[] {0x63, (byte) (0xC0 | tries)};
            default:
                return new byte[] {0x6D, 0x00};
        }
    }

    private static byte[] concat(byte[] data, int sw1, int sw2) {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) sw1;
        out[data.length + 1] = (byte) sw2;
        return out;
    }
}
