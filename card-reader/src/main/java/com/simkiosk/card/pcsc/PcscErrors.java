package com.simkiosk.card.pcsc;

import com.simkiosk.card.CardError;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.smartcardio.CardNotPresentException;

/**
 * The one table from PC/SC error codes to what the kiosk does about them. The JDK hides the numeric code in
 * a package-private exception, but its message is the code's name ({@code SCARD_W_REMOVED_CARD}), so the
 * table is keyed by name.
 */
final class PcscErrors {
    private static final Pattern CODE = Pattern.compile("SCARD_[EFW]_[A-Z_]+");

    private static final Map<String, CardError> TABLE = Map.ofEntries(
            Map.entry("SCARD_W_REMOVED_CARD", CardError.CARD_REMOVED),
            Map.entry("SCARD_E_NO_SMARTCARD", CardError.CARD_REMOVED),
            Map.entry("SCARD_W_RESET_CARD", CardError.CARD_REMOVED),
            Map.entry("SCARD_W_UNPOWERED_CARD", CardError.CARD_MUTE),
            Map.entry("SCARD_W_UNRESPONSIVE_CARD", CardError.CARD_MUTE),
            Map.entry("SCARD_W_UNSUPPORTED_CARD", CardError.CARD_MUTE),
            Map.entry("SCARD_E_INVALID_ATR", CardError.CARD_MUTE),
            Map.entry("SCARD_E_PROTO_MISMATCH", CardError.CARD_MUTE),
            Map.entry("SCARD_E_NOT_TRANSACTED", CardError.CARD_MUTE),
            Map.entry("SCARD_E_SHARING_VIOLATION", CardError.SHARING_VIOLATION),
            Map.entry("SCARD_E_UNKNOWN_READER", CardError.NO_READER),
            Map.entry("SCARD_E_READER_UNAVAILABLE", CardError.NO_READER),
            Map.entry("SCARD_E_NO_READERS_AVAILABLE", CardError.NO_READER),
            Map.entry("SCARD_E_TIMEOUT", CardError.TIMEOUT),
            Map.entry("SCARD_E_NO_SERVICE", CardError.PCSC_UNAVAILABLE),
            Map.entry("SCARD_E_SERVICE_STOPPED", CardError.PCSC_UNAVAILABLE),
            Map.entry("SCARD_E_INVALID_HANDLE", CardError.PCSC_UNAVAILABLE),
            Map.entry("SCARD_F_COMM_ERROR", CardError.PCSC_UNAVAILABLE));

    /** A classified failure: what happened, and the PC/SC code (or exception kind) for the operator's log. */
    record Failure(CardError error, String code) {
        /** The service went away (pcscd stopped or restarted): the context must be re-established. */
        boolean serviceLost() {
            return error == CardError.PCSC_UNAVAILABLE;
        }
    }

    private PcscErrors() {}

    static Failure classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CardNotPresentException) {
                return new Failure(CardError.CARD_REMOVED, "no card present");
            }
            Optional<String> code = code(t.getMessage());
            if (code.isPresent() && TABLE.containsKey(code.get())) {
                return new Failure(TABLE.get(code.get()), code.get());
            }
            if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("removed")) {
                return new Failure(CardError.CARD_REMOVED, "card has been removed");
            }
            if (t instanceof UnsupportedOperationException || t instanceof UnsatisfiedLinkError) {
                return new Failure(CardError.PCSC_UNAVAILABLE, "PC/SC library not loadable (libpcsclite.so.1)");
            }
        }
        return new Failure(CardError.CARD_MUTE, code(failure.getMessage()).orElse(failure.getClass().getSimpleName()));
    }

    /** True when this is pcsc-lite saying "no readers", which is an empty list rather than an error. */
    static boolean noReaders(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (code(t.getMessage()).filter("SCARD_E_NO_READERS_AVAILABLE"::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** True when the native call timed out, which for a wait means "nothing changed". */
    static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (code(t.getMessage()).filter("SCARD_E_TIMEOUT"::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> code(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(message);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
