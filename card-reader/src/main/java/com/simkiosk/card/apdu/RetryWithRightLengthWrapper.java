package com.simkiosk.card.apdu;

import com.simkiosk.card.CardError;
import java.util.Arrays;

/** T=0 {@code 6Cxx}: the card wants the same command again with Le = xx. Bounded. */
public final class RetryWithRightLengthWrapper implements ApduChannel {
    private final ApduChannel next;

    public RetryWithRightLengthWrapper(ApduChannel next) {
        this.next = next;
    }

    @Override
    public byte[] transmit(byte[] command) throws CardIoException {
        byte[] current = command;
        byte[] raw = next.transmit(current);
        ResponseApdu response = ResponseApdu.of(raw);
        for (int round = 0; StatusWord.isWrongLe(response.sw()); round++) {
            if (round == GetResponseWrapper.MAX_ROUNDS) {
                throw new CardIoException(CardError.CARD_MUTE, "card kept answering 6Cxx after " + GetResponseWrapper.MAX_ROUNDS + " retries");
            }
            current = withLe(current, response.sw2());
            raw = next.transmit(current);
            response = ResponseApdu.of(raw);
        }
        return raw;
    }

    /** Case 1 (header only) gains an Le; case 2 (header + Le) gets its Le replaced. */
    private static byte[] withLe(byte[] command, int le) throws CardIoException {
        if (command.length == 4) {
            byte[] out = Arrays.copyOf(command, 5);
            out[4] = (byte) le;
            return out;
        }
        if (command.length == 5) {
            byte[] out = command.clone();
            out[4] = (byte) le;
            return out;
        }
        // A command with data has no Le on T=0: 6Cxx there is a card fault, not a length hint.
        throw new CardIoException(CardError.CARD_MUTE, "6Cxx answered to a command with data");
    }
}
