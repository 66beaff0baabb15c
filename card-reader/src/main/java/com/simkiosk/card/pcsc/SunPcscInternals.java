package com.simkiosk.card.pcsc;

import com.simkiosk.card.CardError;
import com.simkiosk.card.apdu.CardIoException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The two things the JDK's PC/SC provider cannot do through its public API, reached by reflection
 * (needs {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED}, which {@code ./kiosk}
 * and the tests pass):
 * <ul>
 *   <li>forget its one static PC/SC context, so that a new {@code TerminalFactory} establishes a fresh one
 *       after pcscd restarts (otherwise every call fails with SCARD_E_NO_SERVICE for the life of the JVM);</li>
 *   <li>a private context for waiting: pcsc-lite serialises the calls of one context, so a monitor blocked in
 *       SCardGetStatusChange on the shared context would hold up every read for the whole wait.</li>
 * </ul>
 * Verified on JDK 17 and 25 (same private fields and native signatures).
 */
final class SunPcscInternals {
    static final String ADD_OPENS_HINT =
            "start Java with --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED";
    private static final int SCARD_SCOPE_USER = 0;

    private final Class<?> terminalsClass;
    private final Field sharedContextId;
    private final Field terminalCache;
    private final Method establishContext;
    private final Method listReaders;
    private final Method getStatusChange;

    private SunPcscInternals() throws ReflectiveOperationException {
        terminalsClass = Class.forName("sun.security.smartcardio.PCSCTerminals");
        sharedContextId = accessible(terminalsClass.getDeclaredField("contextId"));
        terminalCache = accessible(terminalsClass.getDeclaredField("terminals"));
        Class<?> pcsc = Class.forName("sun.security.smartcardio.PCSC");
        establishContext = accessible(pcsc.getDeclaredMethod("SCardEstablishContext", int.class));
        listReaders = accessible(pcsc.getDeclaredMethod("SCardListReaders", long.class));
        getStatusChange = accessible(pcsc.getDeclaredMethod("SCardGetStatusChange", long.class, long.class, int[].class, String[].class));
    }

    static SunPcscInternals open() throws CardIoException {
        try {
            return new SunPcscInternals();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new CardIoException(CardError.PCSC_UNAVAILABLE, "cannot reach the JDK's PC/SC internals: " + ADD_OPENS_HINT, e);
        }
    }

    /** Makes the provider establish a new context on the next {@code TerminalFactory.getInstance}. */
    void forgetSharedContext() {
        synchronized (terminalsClass) { // PCSCTerminals.initContext() is static synchronized on this class
            try {
                sharedContextId.setLong(null, 0L);
                ((Map<?, ?>) terminalCache.get(null)).clear(); // cached terminals carry the dead context id
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(ADD_OPENS_HINT, e);
            }
        }
    }

    long establishContext() throws CardIoException {
        return (Long) call(establishContext, SCARD_SCOPE_USER);
    }

    String[] listReaders(long context) throws CardIoException {
        return (String[]) call(listReaders, context);
    }

    /** Blocks up to {@code timeoutMs} until a state differs from {@code known}; returns the new states. */
    int[] getStatusChange(long context, long timeoutMs, int[] known, String[] readers) throws CardIoException {
        return (int[]) call(getStatusChange, context, timeoutMs, known, readers);
    }

    private static Object call(Method method, Object... args) throws CardIoException {
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            PcscErrors.Failure failure = PcscErrors.classify(e.getCause());
            throw new CardIoException(failure.error(), failure.code(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new CardIoException(CardError.PCSC_UNAVAILABLE, ADD_OPENS_HINT, e);
        }
    }

    private static <T extends java.lang.reflect.AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }
}
