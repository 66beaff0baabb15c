package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.CardError;
import com.simkiosk.card.CardIdentity;
import java.util.Optional;

/** The launcher's JSON for cards: one shape for {@code read-card}, and for any command that reports a card error. */
final class CardJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private CardJson() {}

    static ObjectNode identity(CardIdentity id, Optional<Timing> timing) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("reader", id.reader());
        out.put("atr", id.atrHex());
        out.put("cardType", id.type().label());
        out.put("iccid", id.iccid().digits());
        out.put("issuer", id.iccid().japaneseIssuer().orElse(null));
        out.put("country", id.iccid().country());
        out.put("luhnValid", id.iccid().luhnValid());
        ObjectNode pin = out.putObject("pin");
        pin.put("enabled", id.pin().enabled());
        pin.put("triesLeft", id.pin().triesLeft());
        timing.ifPresent(t -> out.set("timing", MAPPER.valueToTree(t)));
        return out;
    }

    static ObjectNode error(CardError error, String message) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("error", error.name());
        out.put("message", message);
        return out;
    }

    /** As {@link #explain(CardError)}, for a SIM read through a modem on a serial port rather than pcscd. */
    static String explain(CardError error, boolean serial) {
        return serial && error == CardError.PCSC_UNAVAILABLE
                ? "the modem's serial port cannot be opened (unplugged, the wrong device, or no permission?)"
                : explain(error);
    }

    /** What an operator reads for each error, instead of a PC/SC code. */
    static String explain(CardError error) {
        return switch (error) {
            case NOT_A_SIM -> "the card in the reader is not a SIM (no ICCID)";
            case CARD_REMOVED -> "the card was removed before the read finished";
            case CARD_MUTE -> "the card does not answer (upside down, dirty or dead?)";
            case NO_READER -> "no smart card reader found";
            case PCSC_UNAVAILABLE -> "the smart card service (pcscd) is not running";
            case READER_SILENT -> "the port opens but the modem does not answer AT (switched off, still starting, "
                    + "or another baud rate?); the cable is not the first suspect";
            case READER_GARBLED -> "something answers on the port, but not in AT (another baud rate, or not a modem?)";
            case TIMEOUT -> "no card was inserted in time";
            case SHARING_VIOLATION -> "another program is using the card";
        };
    }
}
