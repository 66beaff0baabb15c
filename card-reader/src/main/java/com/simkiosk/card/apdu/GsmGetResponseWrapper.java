package com.simkiosk.card.apdu;

import com.simkiosk.card.CardError;

/**
 * 2G SIM {@code 9Fxx} (GSM 11.11): xx response bytes wait for {@code A0 C0 00 00 xx}. The JDK's provider
 * does not know this status word, so the HAL does it. Bounded like every other T=0 loop.
 */
public final class GsmGetResponseWrapper implements ApduChannel {
    private static final byte GSM_CLA = (byte) 0xA0;

    private final ApduChannel next;

    public GsmGetResponseWrapper(ApduChannel next) {
        this.next = next;
    }

    @Override
    public byte[] transmit(byte[] command) throws CardIoException {
        byte[] raw = next.transmit(command);
        ResponseApdu response = ResponseApdu.of(raw);
        for (int round = 0; StatusWord.isGsmResponseAvailable(response.sw()); round++) {
            if (round == GetResponseWrapper.MAX_ROUNDS) {
                throw new CardIoException(CardError.CARD_MUTE, "card kept answering 9Fxx after " + GetResponseWrapper.MAX_ROUNDS + " GET RESPONSE");
            }
            raw = next.transmit(new byte[] {GSM_CLA, (byte) 0xC0, 0x00, 0x00, (byte) response.sw2()});
            response = ResponseApdu.of(raw);
        }
        return raw;
    }
}
