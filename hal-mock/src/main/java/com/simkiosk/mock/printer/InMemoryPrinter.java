package com.simkiosk.mock.printer;

import com.simkiosk.printer.PrinterException;
import com.simkiosk.printer.PrinterStatus;
import com.simkiosk.printer.Slip;
import com.simkiosk.printer.SlipPrinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A slip printer that keeps what it printed, for tests and the demo. Faults: set a status ({@code PAPER_OUT},
 * {@code COVER_OPEN} …) or let the paper run out after a number of slips. Thread-safe.
 */
public final class InMemoryPrinter implements SlipPrinter {

    private final List<Slip> printed = new ArrayList<>();
    private PrinterStatus status = PrinterStatus.READY;
    private OptionalInt slipsOfPaperLeft = OptionalInt.empty();
    private boolean closed;

    @Override
    public synchronized PrinterStatus status() {
        return closed ? PrinterStatus.NOT_CONNECTED : status;
    }

    /** Simulates the printer's state, e.g. {@code PAPER_OUT}; {@code READY} puts it back in order. */
    public synchronized void setStatus(PrinterStatus status) {
        this.status = status;
    }

    /** After {@code slips} more slips the printer reports {@code PAPER_OUT}. */
    public synchronized void paperFor(int slips) {
        if (slips < 0) {
            throw new IllegalArgumentException("slips must not be negative");
        }
        slipsOfPaperLeft = OptionalInt.of(slips);
        if (slips == 0) {
            status = PrinterStatus.PAPER_OUT;
        }
    }

    @Override
    public synchronized void print(Slip slip) throws PrinterException {
        PrinterStatus now = status();
        if (now != PrinterStatus.READY) {
            throw new PrinterException(now, "printer is " + now);
        }
        printed.add(slip);
        if (slipsOfPaperLeft.isPresent()) {
            int left = slipsOfPaperLeft.getAsInt() - 1;
            slipsOfPaperLeft = OptionalInt.of(left);
            if (left <= 0) {
                status = PrinterStatus.PAPER_OUT;
            }
        }
        notifyAll();
    }

    /** Every slip printed so far, oldest first. */
    public synchronized List<Slip> printed() {
        return List.copyOf(printed);
    }

    public synchronized Optional<Slip> lastPrinted() {
        return printed.isEmpty() ? Optional.empty() : Optional.of(printed.get(printed.size() - 1));
    }

    /** Waits up to {@code timeout} until at least {@code count} slips are printed; for tests of other threads. */
    public synchronized boolean awaitPrinted(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (printed.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Forgets the printed slips (the maintenance screen's "clear"). */
    public synchronized void clear() {
        printed.clear();
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
