package com.simkiosk.mock.serial;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cellular network a {@link SimulatedModem} sees once its radio is on: how registration goes (home, roaming,
 * denied, no coverage, searching for ever, after a delay), the operator's name, what USSD codes answer (texts,
 * menus, silence, the network ending the dialogue), and what the carrier's SMS service replies to a keyword (after
 * a delay, in several parts). Set it up before or while a test runs; the modem reads it at each command.
 */
public final class SimulatedNetwork {
    public enum Registration { HOME, ROAMING, DENIED, NO_COVERAGE, SEARCHING }

    /** A USSD answer: {@code m} 0 done, 1 more input wanted ({@code next} by the customer's reply), 2 ended by the network. */
    public record UssdReply(int m, String text, Map<String, UssdReply> next, boolean silent) {
        public static UssdReply answer(String text) {
            return new UssdReply(0, text, Map.of(), false);
        }

        public static UssdReply menu(String text, Map<String, UssdReply> next) {
            return new UssdReply(1, text, Map.copyOf(next), false);
        }

        /** The network never answers (the client's reply bound must end the wait). */
        public static UssdReply silence() {
            return new UssdReply(0, "", Map.of(), true);
        }

        /** {@code +CUSD: 2}: the network ends the dialogue without an answer. */
        public static UssdReply endedByNetwork() {
            return new UssdReply(2, "", Map.of(), false);
        }
    }

    /**
     * The carrier's SMS answer to a keyword, split into {@code parts} concatenated messages when more than one
     * (more when a part would not fit one message); text that fits the GSM 7-bit alphabet goes as 7-bit, other
     * text as UCS2. {@code wideReference}: the 16-bit concatenation reference (IEI 08) instead of the 8-bit one.
     * {@code fault}: what goes wrong on the way.
     */
    public record SmsReply(String text, int parts, boolean wideReference, SmsFault fault) {
        public SmsReply(String text, int parts) {
            this(text, parts, false, SmsFault.NONE);
        }

        public SmsReply withWideReference() {
            return new SmsReply(text, parts, true, fault);
        }

        public SmsReply with(SmsFault f) {
            return new SmsReply(text, parts, wideReference, f);
        }
    }

    /** Faults of a reply as the module prints it in PDU mode. */
    public enum SmsFault {
        NONE,
        /** The PDU is cut short (a firmware bug, a line lost on the serial port). */
        TRUNCATED_PDU,
        /** The module prints the text itself although PDU mode is set. */
        TEXT_IN_PDU_MODE
    }

    private volatile Registration registration = Registration.HOME;
    private volatile String operator = "NTT DOCOMO";
    private volatile String mccMnc = "44010";
    private volatile Duration registrationDelay = Duration.ZERO;
    private volatile Duration replyDelay = Duration.ZERO;
    private volatile boolean directDelivery;
    private volatile boolean textModeRefused;
    private volatile boolean pduModeRefused;
    private final Map<String, UssdReply> ussd = new ConcurrentHashMap<>();
    private final Map<String, SmsReply> sms = new ConcurrentHashMap<>();

    public SimulatedNetwork registration(Registration r, String operatorName) {
        registration = r;
        operator = operatorName;
        return this;
    }

    /** How long the module searches after {@code AT+CFUN=1} before it registers. */
    public SimulatedNetwork registrationDelay(Duration d) {
        registrationDelay = d;
        return this;
    }

    /** How long USSD results and SMS replies take to come back. */
    public SimulatedNetwork replyDelay(Duration d) {
        replyDelay = d;
        return this;
    }

    /**
     * Replies routed straight to the terminal ({@code +CMT:} with the message, nothing stored on the SIM), as
     * modules do for class-0 SMS or when their routing ignores {@code AT+CNMI}.
     */
    public SimulatedNetwork directDelivery(boolean direct) {
        directDelivery = direct;
        return this;
    }

    /** A module that supports PDU mode only ({@code AT+CMGF=1} answers {@code +CMS ERROR: 303}), as some LTE-M firmware. */
    public SimulatedNetwork textModeRefused(boolean refused) {
        textModeRefused = refused;
        return this;
    }

    /** A module whose PDU mode is switched off ({@code AT+CMGF=0} answers {@code +CMS ERROR: 303}). */
    public SimulatedNetwork pduModeRefused(boolean refused) {
        pduModeRefused = refused;
        return this;
    }

    public SimulatedNetwork ussd(String code, UssdReply reply) {
        ussd.put(code, reply);
        return this;
    }

    /** The reply to an SMS whose text is {@code keyword} (compared without case or surrounding blanks). */
    public SimulatedNetwork smsReply(String keyword, SmsReply reply) {
        sms.put(keyword.strip().toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** The serving network's MCC-MNC, as {@code AT+COPS?} gives it after {@code AT+COPS=3,2}. */
    public SimulatedNetwork mccMnc(String code) {
        mccMnc = code;
        return this;
    }

    String mccMnc() {
        return mccMnc;
    }

    Registration registration() {
        return registration;
    }

    String operator() {
        return operator;
    }

    Duration registrationDelay() {
        return registrationDelay;
    }

    Duration replyDelay() {
        return replyDelay;
    }

    boolean directDelivery() {
        return directDelivery;
    }

    boolean textModeRefused() {
        return textModeRefused;
    }

    boolean pduModeRefused() {
        return pduModeRefused;
    }

    UssdReply ussd(String code) {
        return ussd.get(code);
    }

    SmsReply sms(String keyword) {
        return sms.get(keyword.strip().toLowerCase(Locale.ROOT));
    }
}
