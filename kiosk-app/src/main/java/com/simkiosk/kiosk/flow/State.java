package com.simkiosk.kiosk.flow;

import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.privacy.Mask;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the kiosk shows. One record per screen; the UI renders it and translates {@link #key()}.
 * Values are already masked where they are personal, except the balance figures the customer came for.
 */
public sealed interface State {

    /** Resource-bundle key of the screen, e.g. {@code screen.attract}. */
    String key();

    /** Whether a personal session is open (anything but the attract screen). */
    default boolean inSession() {
        return true;
    }

    /** Language buttons, "insert your SIM", and a button to type a number instead. */
    record Attract() implements State {
        public String key() {
            return "screen.attract";
        }

        @Override
        public boolean inSession() {
            return false;
        }
    }

    /**
     * The attract screen while the SIM reader service is gone: languages, "the SIM reader is not available", and
     * the phone number. Returns to {@link Attract} by itself when the service is back.
     */
    record ReaderUnavailable() implements State {
        public String key() {
            return "screen.readerUnavailable";
        }

        @Override
        public boolean inSession() {
            return false;
        }
    }

    /** The on-screen keypad: raw digits, the same digits formatted as typed, and whether they form a JP mobile number. */
    record EnterNumber(String typed, String formatted, boolean valid) implements State {
        public String key() {
            return "screen.enterNumber";
        }

        /** The number being typed is personal: only its last four digits print. */
        @Override
        public String toString() {
            return "EnterNumber[" + Mask.msisdn(typed) + ", valid " + valid + "]";
        }
    }

    /** The SIM in the reader is being read. Cancel abandons the read. */
    record Reading() implements State {
        public String key() {
            return "screen.reading";
        }
    }

    /**
     * The SIM proves itself to its carrier (3GPP AKA through the carrier's bootstrapping server): "Checking your SIM
     * with your carrier…", no typing. Cancel ends the session.
     */
    record CheckingSim() implements State {
        public String key() {
            return "screen.checkingSim";
        }
    }

    /** Waiting for the carrier (or the card, for a PIN check). Cancel abandons the answer. */
    record LookingUp() implements State {
        public String key() {
            return "screen.lookingUp";
        }
    }

    /** The ways this line can be verified at this kiosk (at least two; with one the flow goes straight to it). */
    record ChooseVerification(List<VerificationMethod> methods) implements State {
        public ChooseVerification {
            methods = List.copyOf(methods);
        }

        public String key() {
            return "screen.chooseVerification";
        }
    }

    /**
     * SMS code entry. {@code maskedNumber} like {@code 090-****-5678}; a new code may be asked for from
     * {@code resendAllowedAt} (and only while {@code resendsLeft > 0}); {@code notice} says why the screen came back.
     */
    record EnterCode(String maskedNumber, int attemptsLeft, Instant resendAllowedAt, int resendsLeft,
                     Optional<ErrorKind> notice) implements State {
        public String key() {
            return "screen.enterCode";
        }
    }

    /** SIM PIN entry; {@code notice} is {@link ErrorKind#WRONG_PIN} after a wrong PIN. */
    record EnterPin(int triesLeft, Optional<ErrorKind> notice) implements State {
        public String key() {
            return "screen.enterPin";
        }
    }

    /**
     * The kiosk will not try the PIN: one try (or none) left, and a kiosk must never block a SIM.
     * {@code otherMethods} are the alternatives still open (may be empty).
     */
    record PinRefused(int triesLeft, List<VerificationMethod> otherMethods) implements State {
        public PinRefused {
            otherMethods = List.copyOf(otherMethods);
        }

        public String key() {
            return "screen.pinRefused";
        }

        /** Why, as a key: {@code pin.refused.lastTry} or {@code pin.refused.blocked}. */
        public String reasonKey() {
            return triesLeft <= 0 ? "pin.refused.blocked" : "pin.refused.lastTry";
        }
    }

    /** A registered detail: ID_DOCUMENT (the whole passport or residence card number) or ORDER_NUMBER. */
    record EnterDetail(VerificationMethod method, int attemptsLeft, Optional<ErrorKind> notice) implements State {
        public String key() {
            return "screen.enterDetail";
        }
    }

    record ShowBalance(BalanceView balance) implements State {
        public String key() {
            return "screen.balance";
        }
    }

    /**
     * Top-ups on sale for this line (possibly none), and what the screen needs of the balance to mark the one that
     * suits the customer's pace ({@code outlook}, empty when the flow has no balance for the line).
     */
    record TopUpOffers(List<TopUpOffer> offers, Optional<LineOutlook> outlook) implements State {
        public TopUpOffers {
            offers = List.copyOf(offers);
        }

        public TopUpOffers(List<TopUpOffer> offers) {
            this(offers, Optional.empty());
        }

        public String key() {
            return "screen.topUpOffers";
        }
    }

    /**
     * The chosen offer before it is ordered, and what the screen needs of the balance to show it as the offers
     * screen did ({@code outlook}, empty when the flow has no balance for the line).
     */
    record TopUpConfirm(TopUpOffer offer, Optional<LineOutlook> outlook) implements State {
        public TopUpConfirm(TopUpOffer offer) {
            this(offer, Optional.empty());
        }

        public String key() {
            return "screen.topUpConfirm";
        }
    }

    /** The payment slip: shown on screen always, and printed unless the printer is unavailable. */
    record TopUpSlip(TopUpOrder order, TopUpOffer offer, PrintStatus print) implements State {
        public String key() {
            return "screen.topUpSlip";
        }
    }

    /**
     * Session over, personal data already wiped: waits for the SIM to leave the reader. {@code withSlip}: a payment
     * slip was just printed, so the screen asks for both the SIM and the slip.
     */
    record TakeSim(boolean withSlip) implements State {
        public TakeSim() {
            this(false);
        }

        public String key() {
            return "screen.takeSim";
        }
    }

    /**
     * The number path's ending after a slip was printed: "Please take your payment slip" (there is no SIM to take
     * back). Session over, personal data already wiped; Done, or the quiet period, returns to the start.
     */
    record TakeSlip() implements State {
        public String key() {
            return "screen.takeSlip";
        }
    }

    /** A calm error screen: Retry when {@code canRetry}, Done always. The text key is {@code kind.key()}. */
    record Error(ErrorKind kind, boolean canRetry) implements State {
        public String key() {
            return "screen.error";
        }
    }

    /**
     * The balance as the top-up offers see it: the line it is for (masked number, else the plan name), data left,
     * the recent daily use (empty when nothing was used recently) and the expiry.
     */
    record LineOutlook(String line, long dataRemainingBytes, OptionalLong bytesPerDay, Optional<Instant> expires) {
        /** The figures are the customer's balance: they stay off logs. */
        @Override
        public String toString() {
            return "LineOutlook[" + line + ", " + Mask.secret(String.valueOf(dataRemainingBytes)) + "]";
        }
    }

    /**
     * Before a USSD or SMS goes out from the customer's SIM (issue 14): "your balance will be asked from your
     * carrier by USSD/SMS"; for a {@code foreign} SIM also "your home carrier may charge for this while roaming".
     * Go ahead ({@link Event.NetworkGoAhead}) or Cancel; nothing is sent before.
     */
    record NetworkConsent(boolean foreign, com.simkiosk.card.network.NetworkReply.Source source) implements State {
        public String key() {
            return "screen.networkConsent";
        }
    }

    /** The module asks the SIM's network (radio on, registration, the question, the reply). Cancel ends the session. */
    record AskingNetwork(com.simkiosk.card.network.NetworkReply.Source source) implements State {
        public String key() {
            return "screen.askingNetwork";
        }
    }

    /**
     * The balance as the carrier's network answered: the figures the parser found, else the carrier's own words;
     * where it came from (USSD or SMS) and when. Personal: {@link #toString()} holds neither the words nor figures.
     */
    record NetworkBalance(com.simkiosk.card.network.NetworkReply.Source source, Instant answeredAt,
                          com.simkiosk.card.network.BalanceReading reading) implements State {
        public String key() {
            return "screen.networkBalance";
        }

        @Override
        public String toString() {
            return "NetworkBalance[" + source + " at " + answeredAt + ", " + reading + "]";
        }
    }

    /**
     * The SIM's network gave no balance: why ({@link com.simkiosk.card.network.NetworkError}, as a key
     * {@code network.error.<NAME>}) and the way forward: Retry when {@code canRetry}, Done always.
     */
    record NetworkUnanswered(com.simkiosk.card.network.NetworkError why, boolean canRetry) implements State {
        public String key() {
            return "screen.networkUnanswered";
        }

        public String reasonKey() {
            return "network.error." + why.name();
        }
    }

    enum PrintStatus {
        PRINTING("print.printing"),
        PRINTED("print.printed"),
        PRINTER_UNAVAILABLE("error.printerUnavailable");

        private final String key;

        PrintStatus(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
