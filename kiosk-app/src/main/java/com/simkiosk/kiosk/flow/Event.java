package com.simkiosk.kiosk.flow;

import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.privacy.Mask;

/**
 * What the screens (and the card reader) tell the flow. Every UI event counts as activity for the idle timer.
 * Results of I/O are not events here: the flow posts them to itself and drops any that arrive after a
 * cancel, a removal or a new session.
 */
public sealed interface Event {

    /** Any screen, any time; the session keeps its state. */
    record LanguageChosen(Language language) implements Event {}

    /** From the reader monitor (the flow subscribes itself); also sendable by a demo tray or a test. */
    record SimInserted(String reader) implements Event {}

    record SimRemoved(String reader) implements Event {}

    /** From the reader monitor: the smart card service (pcscd, the modem's port) went away. */
    record ReaderServiceLost() implements Event {}

    /** From the reader monitor: the service answers again (it reported its readers). */
    record ReaderServiceBack() implements Event {}

    /** "Enter phone number instead" on the attract screen. */
    record StartNumberEntry() implements Event {}

    record KeypadDigit(int digit) implements Event {
        public KeypadDigit {
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("a keypad digit is 0 to 9");
            }
        }
    }

    record KeypadBackspace() implements Event {}

    record KeypadSubmit() implements Event {}

    /** Ends the session (or, while waiting, abandons the wait and returns to the screen that started it). */
    record Cancel() implements Event {}

    record Back() implements Event {}

    record MethodChosen(VerificationMethod method) implements Event {}

    /** Secret-bearing events print masked, in case one ever reaches a log or an exception message. */
    record CodeSubmitted(String code) implements Event {
        @Override
        public String toString() {
            return "CodeSubmitted[" + Mask.secret(code) + "]";
        }
    }

    record ResendCode() implements Event {}

    record PinSubmitted(String pin) implements Event {
        @Override
        public String toString() {
            return "PinSubmitted[" + Mask.secret(pin) + "]";
        }
    }

    record DetailSubmitted(String value) implements Event {
        @Override
        public String toString() {
            return "DetailSubmitted[" + Mask.secret(value) + "]";
        }
    }

    record ShowTopUps() implements Event {}

    record OfferChosen(String offerId) implements Event {}

    record ConfirmTopUp() implements Event {}

    /** Print the slip again (after the printer was unavailable). */
    record Print() implements Event {}

    record Done() implements Event {}

    record Retry() implements Event {}

    /** A touch anywhere, e.g. "I'm still here" on the idle warning. */
    record UserActivity() implements Event {}

    /** On the network consent screen: "Go ahead", the customer accepts that their carrier may charge (issue 14). */
    record NetworkGoAhead() implements Event {}
}
