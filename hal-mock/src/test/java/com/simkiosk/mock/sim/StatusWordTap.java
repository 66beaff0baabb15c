package com.simkiosk.mock.sim;

import com.simkiosk.card.apdu.ApduChannel;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.apdu.Hex;
import java.util.ArrayList;
import java.util.List;

/** Passes APDUs to a virtual card and notes each answer's status word, to check which T=0 paths a read took. */
public final class StatusWordTap implements ApduChannel {
    private final VirtualSim card;
    public final List<String> answers = new ArrayList<>();

    public StatusWordTap(VirtualSim card) {
        this.card = card;
    }

    @Override
    public byte[] transmit(byte[] command) throws CardIoException {
        byte[] answer = card.transmit(command);
        String hex = Hex.encode(answer);
        answers.add(hex.substring(hex.length() - 4));
        return answer;
    }
}
