package com.simkiosk.card.aka;

/**
 * The USIM's freshness check of 3GPP TS 33.102 Annex C.2 (the "window" scheme): one highest accepted SEQ per
 * index IND (an array of {@value Sqn#ARRAY_SIZE}); an SQN is fresh when its SEQ is above the one stored for its
 * IND (C.2.2) and not more than {@link #DELTA} above the highest SEQ accepted so far (C.2.1, Δ = 2^28 as C.3.2
 * recommends), so a captured challenge can never be replayed and a wild jump is refused. The optional age limit
 * of C.2.2 is applied too: an SQN more than {@link #AGE_LIMIT} below the highest accepted SEQ is too old (the
 * standard leaves L to the operator; one turn of the IND array is what a single kiosk-side network needs).
 * Thread-safe.
 */
public final class SqnWindow {
    public static final long DELTA = 1L << 28;
    /** L of TS 33.102 C.2.2: how far below the highest accepted SEQ a delayed vector may still be. */
    public static final long AGE_LIMIT = Sqn.ARRAY_SIZE;

    private final long[] seqMs = new long[Sqn.ARRAY_SIZE];
    private Sqn highest;

    /** A fresh card: nothing accepted yet, every SEQ ≥ 1 (within Δ) is fresh. */
    public SqnWindow() {
        this.highest = Sqn.of(0, 0);
    }

    /** A card that has already accepted {@code lastAccepted} (a demo SIM that has been used before). */
    public SqnWindow(Sqn lastAccepted) {
        this.highest = lastAccepted;
        seqMs[lastAccepted.ind()] = lastAccepted.seq();
    }

    /** True, and remembered, when {@code sqn} is fresh; false leaves the window as it was (the card answers AUTS). */
    public synchronized boolean accept(Sqn sqn) {
        long seq = sqn.seq();
        if (seq <= seqMs[sqn.ind()] || seq - highest.seq() > DELTA || highest.seq() - seq > AGE_LIMIT) {
            return false;
        }
        seqMs[sqn.ind()] = seq;
        if (seq > highest.seq()) {
            highest = sqn;
        }
        return true;
    }

    /** SQN_MS for AUTS: the highest accepted SEQ with its IND (TS 33.102 §6.3.3, Annex C.3.1). */
    public synchronized Sqn sqnMs() {
        return highest;
    }
}
