package com.simkiosk.card.pcsc;

import com.simkiosk.card.CardError;
import com.simkiosk.card.apdu.CardIoException;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK provider's shared PC/SC context, made recoverable. Never {@code TerminalFactory.getDefault()}:
 * if pcscd is not running the first time it is asked, it stays the "None" factory for the life of the
 * JVM. {@code getInstance("PC/SC")} retries instead, and {@link #reset()} lets it start over after a
 * pcscd restart.
 */
final class PcscContext {
    private static final Logger log = LoggerFactory.getLogger(PcscContext.class);

    private final Optional<SunPcscInternals> internals;
    private CardTerminals terminals;

    PcscContext(Optional<SunPcscInternals> internals) {
        this.internals = internals;
    }

    synchronized CardTerminals terminals() throws CardIoException {
        if (terminals == null) {
            TerminalFactory factory;
            try {
                factory = TerminalFactory.getInstance("PC/SC", null);
            } catch (NoSuchAlgorithmException e) {
                if (e.getCause() == null) {
                    throw new CardIoException(CardError.PCSC_UNAVAILABLE, "this JDK has no PC/SC provider (only the \"None\" factory)");
                }
                PcscErrors.Failure failure = PcscErrors.classify(e.getCause());
                throw new CardIoException(CardError.PCSC_UNAVAILABLE,
                        failure.error() == CardError.PCSC_UNAVAILABLE ? failure.code() : "smart card service: " + failure.code(), e);
            }
            if ("None".equals(factory.getType())) {
                throw new CardIoException(CardError.PCSC_UNAVAILABLE, "PC/SC provider is \"None\": libpcsclite.so.1 not loaded");
            }
            terminals = factory.terminals();
        }
        return terminals;
    }

    /** Forget the context (pcscd went away): the next {@link #terminals()} establishes a new one. */
    synchronized void reset() {
        terminals = null;
        if (internals.isPresent()) {
            internals.get().forgetSharedContext();
        } else {
            log.warn("cannot recover from a pcscd restart without the JDK internals: {}", SunPcscInternals.ADD_OPENS_HINT);
        }
    }
}
