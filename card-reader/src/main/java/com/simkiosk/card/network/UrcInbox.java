package com.simkiosk.card.network;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The unsolicited lines a network session waits for ({@code +CUSD:}, {@code +CMTI:}, {@code +CMT:} and the text
 * line after it), kept from whichever AT command happened to read them. Give it to the {@code AtEngine} as its
 * listener. Bounded: a chattering module cannot fill memory.
 */
public final class UrcInbox implements Consumer<String> {
    private static final int MAX = 256;
    private final Deque<String> lines = new ArrayDeque<>();

    @Override
    public synchronized void accept(String line) {
        if (lines.size() == MAX) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** Removes and returns the first line matching {@code wanted}, and (for {@code +CMT:}) the line after it. */
    synchronized Optional<String[]> take(Predicate<String> wanted, int linesAfter) {
        String[] all = lines.toArray(String[]::new);
        for (int i = 0; i < all.length; i++) {
            if (wanted.test(all[i]) && i + linesAfter < all.length) {
                String[] taken = new String[linesAfter + 1];
                System.arraycopy(all, i, taken, 0, taken.length);
                lines.clear();
                for (int j = 0; j < all.length; j++) {
                    if (j < i || j > i + linesAfter) {
                        lines.addLast(all[j]);
                    }
                }
                return Optional.of(taken);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        lines.clear();
    }
}
