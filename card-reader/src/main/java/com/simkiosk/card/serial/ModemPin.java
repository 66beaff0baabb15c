package com.simkiosk.card.serial;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The vendor commands that tell how many PIN1 tries are left, and how to read each answer. */
enum ModemPin {
    /** Quectel: {@code +QPINC: "SC",3,10}. */
    QPINC("AT+QPINC=\"SC\"", "\\+QPINC:\\s*\"SC\"\\s*,\\s*(\\d+)"),
    /** SIMCom: {@code +SPIC: 3,10,3,10} (PIN1, PUK1, PIN2, PUK2). */
    SPIC("AT+SPIC", "\\+SPIC:\\s*(\\d+)"),
    /** 3GPP TS 27.007 §8.65: {@code +CPINR: SIM PIN,3,3}. */
    CPINR("AT+CPINR=\"SIM PIN\"", "\\+CPINR:\\s*\"?SIM PIN\"?\\s*,\\s*(\\d+)"),
    /** u-blox: {@code +UPINCNT: 3,10,3,10}. */
    UPINCNT("AT+UPINCNT", "\\+UPINCNT:\\s*(\\d+)");

    final String command;
    private final Pattern answer;

    ModemPin(String command, String answer) {
        this.command = command;
        this.answer = Pattern.compile(answer);
    }

    OptionalInt triesLeft(List<String> lines) {
        for (String line : lines) {
            Matcher m = answer.matcher(line);
            if (m.find()) {
                try {
                    return OptionalInt.of(Integer.parseInt(m.group(1)));
                } catch (NumberFormatException notACount) {
                    // more digits than any tries counter has: not an answer to this command
                }
            }
        }
        return OptionalInt.empty();
    }

    /** What {@code AT+CPIN?} says about the SIM. */
    enum State {
        READY, PIN_REQUIRED, PUK_REQUIRED, NOT_INSERTED, OTHER;

        static State of(AtResponse answer) {
            if (answer instanceof AtResponse.CmeError cme) {
                return cme.simNotInserted() ? NOT_INSERTED
                        : cme.code() == AtResponse.CmeError.SIM_PIN_REQUIRED ? PIN_REQUIRED
                        : cme.code() == AtResponse.CmeError.SIM_PUK_REQUIRED ? PUK_REQUIRED : OTHER;
            }
            Optional<String> value = answer.value("+CPIN:");
            return value.map(State::ofText).orElse(OTHER);
        }

        static State ofText(String text) {
            String t = text.replace("\"", "").strip().toUpperCase();
            return switch (t) {
                case "READY" -> READY;
                case "SIM PIN" -> PIN_REQUIRED;
                case "SIM PUK" -> PUK_REQUIRED;
                case "NOT INSERTED", "NOT READY" -> NOT_INSERTED;
                default -> t.contains("NOT INSERTED") ? NOT_INSERTED : OTHER;
            };
        }
    }

    /** Unsolicited lines that mean the SIM left (or came back), by vendor. */
    static Optional<Boolean> presenceFromUnsolicited(String line) {
        String u = line.toUpperCase();
        for (Function<String, Optional<Boolean>> rule : PRESENCE_RULES) {
            Optional<Boolean> present = rule.apply(u);
            if (present.isPresent()) {
                return present;
            }
        }
        return Optional.empty();
    }

    private static final List<Function<String, Optional<Boolean>>> PRESENCE_RULES = List.of(
            u -> u.startsWith("+CPIN:") ? Optional.of(State.ofText(u.substring(6)) != State.NOT_INSERTED) : Optional.empty(),
            u -> u.startsWith("+QSIMSTAT:") ? Optional.of(u.replace(" ", "").endsWith(",1")) : Optional.empty(),
            u -> u.startsWith("+CSMINS:") ? Optional.of(u.replace(" ", "").endsWith(",1")) : Optional.empty(),
            u -> u.startsWith("+SIMCARD:") ? Optional.of(!u.contains("NOT AVAILABLE")) : Optional.empty(),
            u -> u.startsWith("+UUSIMSTAT:") ? Optional.of(!u.replace(" ", "").equals("+UUSIMSTAT:0")) : Optional.empty());
}
