package com.simkiosk.card.pcsc;

import com.simkiosk.card.CardError;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.apdu.CardIoException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader and card states seen through a private PC/SC context (see {@link SunPcscInternals} for why
 * private). Waits include pcsc-lite's {@code \\?PnP?\Notification} pseudo-reader, so a reader plugged in
 * (or vpcd coming up with a new pcscd) wakes the wait too. One owner thread; not thread-safe.
 */
final class ReaderWatch {
    private static final String PNP_NOTIFICATION = "\\\\?PnP?\\Notification";
    private static final int SCARD_STATE_CHANGED = 0x0002;
    private static final int SCARD_STATE_PRESENT = 0x0020;

    private final SunPcscInternals pcsc;
    private long context;
    private final Map<String, Integer> known = new LinkedHashMap<>();
    private int pnpState;
    private boolean pnpSupported = true;

    ReaderWatch(SunPcscInternals pcsc) {
        this.pcsc = pcsc;
    }

    /**
     * Waits up to {@code max} for any reader or card change; true if something changed. The first call
     * returns at once with the current states.
     */
    boolean awaitChange(Duration max) throws CardIoException {
        boolean fresh = context == 0; // a new context: whatever it sees is news, even "no readers"
        if (fresh) {
            context = pcsc.establishContext();
            known.clear();
            pnpState = 0;
        }
        List<String> readers = listReaders();
        boolean readersChanged = fresh || !known.keySet().equals(new java.util.HashSet<>(readers));
        known.keySet().retainAll(readers);
        if (readers.isEmpty() && !pnpSupported) {
            pause(max); // nothing to wait on: look again after the slice
            return readersChanged;
        }
        int extra = pnpSupported ? 1 : 0;
        String[] names = new String[readers.size() + extra];
        int[] states = new int[names.length];
        for (int i = 0; i < readers.size(); i++) {
            names[i] = readers.get(i);
            states[i] = known.getOrDefault(readers.get(i), 0);
        }
        if (pnpSupported) {
            names[readers.size()] = PNP_NOTIFICATION;
            states[readers.size()] = pnpState;
        }
        int[] now;
        try {
            now = pcsc.getStatusChange(context, readersChanged ? 0 : max.toMillis(), states, names);
        } catch (CardIoException e) {
            if (e.error() == CardError.TIMEOUT) {
                return readersChanged;
            }
            if (e.error() == CardError.NO_READER && pnpSupported) {
                pnpSupported = false; // a pcsc-lite without the PnP pseudo-reader: poll by slices instead
                return readersChanged;
            }
            throw e;
        }
        for (int i = 0; i < readers.size(); i++) {
            known.put(readers.get(i), now[i] & ~SCARD_STATE_CHANGED);
        }
        if (pnpSupported) {
            pnpState = now[readers.size()] & ~SCARD_STATE_CHANGED;
        }
        return true;
    }

    /** The readers and card presence as of the last wait. */
    List<ReaderInfo> readers() {
        List<ReaderInfo> out = new ArrayList<>(known.size());
        known.forEach((name, state) -> out.add(new ReaderInfo(name, (state & SCARD_STATE_PRESENT) != 0)));
        return List.copyOf(out);
    }

    /** After a service loss: the context is dead; the next wait establishes a new one. */
    void drop() {
        context = 0;
        known.clear();
        pnpState = 0;
    }

    private static void pause(Duration max) throws CardIoException {
        try {
            Thread.sleep(max.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardIoException(CardError.TIMEOUT, "interrupted");
        }
    }

    private List<String> listReaders() throws CardIoException {
        try {
            return List.of(pcsc.listReaders(context));
        } catch (CardIoException e) {
            if (e.error() == CardError.NO_READER) {
                return List.of();
            }
            throw e;
        }
    }
}
