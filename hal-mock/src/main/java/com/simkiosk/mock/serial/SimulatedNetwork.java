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

    /** The carrier's SMS answer to a keyword, split into {@code parts} concatenated messages when more than one. */
    public record SmsReply(String text, int parts) {}

    private volatile Registration registration = Registration.HOME;
    private volatile String operator = "NTT DOCOMO";
    private volatile Duration registrationDelay = Duration.ZERO;
    private volatile Duration replyDelay = Duration.ZERO;
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

    public SimulatedNetwork ussd(String code, UssdReply reply) {
        ussd.put(code, reply);
        return this;
    }

    /** The reply to an SMS whose text is {@code keyword} (compared without case or surrounding blanks). */
    public SimulatedNetwork smsReply(String keyword, SmsReply reply) {
        sms.put(keyword.strip().toLowerCase(Locale.ROOT), reply);
        return this;
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

    UssdReply ussd(String code) {
        return ussd.get(code);
    }

    SmsReply sms(String keyword) {
        return sms.get(keyword.strip().toLowerCase(Locale.ROOT));
    }
}
