package com.simkiosk.card.network;

/**
 * One balance question for the SIM's own network: a USSD code (with how to answer its menus) or an SMS keyword to
 * the carrier's short number. The code, number and keyword stay off logs ({@link #toString()} names the kind only).
 */
public sealed interface NetworkQuery {

    /** Asks it on an open session. */
    NetworkReply askOn(NetworkSession session) throws NetworkException;

    /** Which way the question goes (USSD or SMS), for screens and logs. */
    default NetworkReply.Source source() {
        return this instanceof Ussd ? NetworkReply.Source.USSD : NetworkReply.Source.SMS;
    }

    record Ussd(String code, UssdMenu menu) implements NetworkQuery {
        @Override
        public NetworkReply askOn(NetworkSession session) throws NetworkException {
            return session.ussd(code, menu);
        }

        @Override
        public String toString() {
            return "Ussd[" + menu.steps().size() + " menu steps]";
        }
    }

    record Sms(String number, String keyword) implements NetworkQuery {
        @Override
        public NetworkReply askOn(NetworkSession session) throws NetworkException {
            return session.sms(number, keyword);
        }

        @Override
        public String toString() {
            return "Sms[]";
        }
    }
}
