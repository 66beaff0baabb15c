package com.simkiosk.card.serial;

import com.simkiosk.card.CardError;
import com.simkiosk.card.apdu.ApduChannel;
import com.simkiosk.card.apdu.CardIoException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@link ApduChannel} over {@code AT+CSIM} (3GPP TS 27.007 §8.17): the module passes the APDU to the SIM
 * untouched, so the same T=0 wrappers as on PC/SC run on top of it.
 */
public final class CsimChannel implements ApduChannel {
    private static final Pattern ANSWER = Pattern.compile("\\+CSIM:\\s*(\\d+)\\s*,\\s*\"?([0-9A-Fa-f]*)\"?");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final AtEngine engine;
    private final Duration timeout;

    public CsimChannel(AtEngine engine, Duration timeout) {
        this.engine = engine;
        this.timeout = timeout;
    }

    @Override
    public byte[] transmit(byte[] command) throws CardIoException {
        String hex = HEX.formatHex(command);
        AtResponse answer;
        try {
            answer = engine.send("AT+CSIM=" + hex.length() + ",\"" + hex + "\"", timeout);
        } catch (AtException e) {
            throw AtModemSimReader.classify(e);
        }
        if (answer instanceof AtResponse.CmeError cme && cme.simNotInserted()) {
            throw new CardIoException(CardError.CARD_REMOVED, "the SIM left the modem");
        }
        if (!answer.ok()) {
            throw new CardIoException(CardError.CARD_MUTE, "the modem refused AT+CSIM");
        }
        for (String line : answer.lines()) {
            Matcher m = ANSWER.matcher(line);
            if (m.find() && m.group(2).length() >= 4 && m.group(2).length() % 2 == 0) {
                return HEX.parseHex(m.group(2));
            }
        }
        throw new CardIoException(CardError.CARD_MUTE, "AT+CSIM answered without a response APDU");
    }
}
