package com.simkiosk.card.serial;

import java.util.List;
import java.util.Optional;

/** A modem's final answer to one AT command, with the information lines that came before it. */
public sealed interface AtResponse {
    /** Information lines, echo and unsolicited result codes already removed. */
    List<String> lines();

    default boolean ok() {
        return this instanceof Ok;
    }

    /** The first information line starting with {@code prefix}, with the prefix and blanks removed. */
    default Optional<String> value(String prefix) {
        return lines().stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).strip())
                .findFirst();
    }

    record Ok(List<String> lines) implements AtResponse {
        public Ok {
            lines = List.copyOf(lines);
        }
    }

    /** A plain {@code ERROR}: the module does not know the command, or refused it without saying why. */
    record Error(List<String> lines) implements AtResponse {
        public Error {
            lines = List.copyOf(lines);
        }
    }

    /**
     * {@code +CME ERROR: n} (3GPP TS 27.007 §9.2), or its verbose form with {@code code} -1. The codes the
     * reader cares about are named here.
     */
    record CmeError(int code, String text, List<String> lines) implements AtResponse {
        public static final int SIM_NOT_INSERTED = 10;
        public static final int SIM_PIN_REQUIRED = 11;
        public static final int SIM_PUK_REQUIRED = 12;
        public static final int SIM_FAILURE = 13;
        public static final int SIM_BUSY = 14;
        public static final int INCORRECT_PASSWORD = 16;

        public CmeError {
            lines = List.copyOf(lines);
        }

        public boolean simNotInserted() {
            return code == SIM_NOT_INSERTED || text.toUpperCase().contains("NOT INSERTED");
        }
    }
}
