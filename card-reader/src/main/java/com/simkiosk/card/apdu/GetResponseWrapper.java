package com.simkiosk.card.apdu;

import com.simkiosk.card.CardError;
import java.io.ByteArrayOutputStream;

/**
 * T=0 {@code 61xx}: fetches the waiting bytes with GET RESPONSE (same CLA, Le = xx) and chains further
 * {@code 61xx} answers, at most {@value #MAX_ROUNDS} rounds, so a misbehaving card cannot hang the caller.
 */
public final class GetResponseWrapper implements ApduChannel {
    static final int MAX_ROUNDS = 32;

    private final ApduChannel next;

    public GetResponseWrapper(ApduChannel next) {
        this.next = next;
    }

    @Override
    public byte[] transmit(byte[] command) throws CardIoException {
        ResponseApdu response = ResponseApdu.of(next.transmit(command));
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        for (int round = 0; StatusWord.isMoreDataAvailable(response.sw()); round++) {
            if (round == MAX_ROUNDS) {
                throw new CardIoException(CardError.CARD_MUTE, "card kept answering 61xx after " + MAX_ROUNDS + " GET RESPONSE");
            }
            collected.writeBytes(response.data());
            byte[] getResponse = {command[0], (byte) 0xC0, 0x00, 0x00, (byte) response.sw2()};
            response = ResponseApdu.of(next.transmit(getResponse));
        }
        if (collected.size() == 0) {
            return response.toBytes();
        }
        collected.writeBytes(response.data());
        return new ResponseApdu(collected.toByteArray(), response.sw()).toBytes();
    }
}
