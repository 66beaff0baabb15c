package com.simkiosk.mock.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.printer.PrinterException;
import com.simkiosk.printer.PrinterStatus;
import com.simkiosk.printer.Slip;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InMemoryPrinterTest {

    private final InMemoryPrinter printer = new InMemoryPrinter();

    private static Slip slip(String code) {
        return new Slip("Add data", "store-1", "kiosk-1", Instant.parse("2026-11-26T03:00:00Z"),
                List.of(new Slip.Row("Amount", "¥550")), Optional.of(code), "Pay at the register within 30 minutes");
    }

    @Test
    void keepsPrintedSlipsInOrder() throws Exception {
        printer.print(slip("A"));
        printer.print(slip("B"));

        assertThat(printer.printed()).extracting(Slip::code).containsExactly(Optional.of("A"), Optional.of("B"));
        assertThat(printer.lastPrinted()).contains(slip("B"));
        assertThat(printer.status()).isEqualTo(PrinterStatus.READY);
    }

    @Test
    void paperOutRefusesToPrintAndSaysWhy() {
        printer.setStatus(PrinterStatus.PAPER_OUT);

        assertThatThrownBy(() -> printer.print(slip("A")))
                .isInstanceOfSatisfying(PrinterException.class,
                        e -> assertThat(e.status()).isEqualTo(PrinterStatus.PAPER_OUT));
        assertThat(printer.printed()).isEmpty();
    }

    @Test
    void paperRunsOutAfterTheGivenNumberOfSlipsAndRefillingHelps() throws Exception {
        printer.paperFor(1);
        printer.print(slip("A"));

        assertThat(printer.status()).isEqualTo(PrinterStatus.PAPER_OUT);
        assertThatThrownBy(() -> printer.print(slip("B"))).isInstanceOf(PrinterException.class);

        printer.setStatus(PrinterStatus.READY);
        printer.print(slip("C"));
        assertThat(printer.printed()).hasSize(2);
    }

    @Test
    void coverOpenIsReported() {
        printer.setStatus(PrinterStatus.COVER_OPEN);

        assertThatThrownBy(() -> printer.print(slip("A")))
                .isInstanceOfSatisfying(PrinterException.class,
                        e -> assertThat(e.status()).isEqualTo(PrinterStatus.COVER_OPEN));
    }

    @Test
    void closedPrinterIsNotConnected() {
        printer.close();

        assertThat(printer.status()).isEqualTo(PrinterStatus.NOT_CONNECTED);
        assertThatThrownBy(() -> printer.print(slip("A"))).isInstanceOf(PrinterException.class);
    }

    @Test
    void awaitPrintedSeesASlipPrintedOnAnotherThread() throws Exception {
        CompletableFuture<Void> printing = CompletableFuture.runAsync(() -> {
            try {
                printer.print(slip("A"));
            } catch (PrinterException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(printer.awaitPrinted(1, TestTime.bound(Duration.ofSeconds(5)))).isTrue();
        printing.get(TestTime.scaled(5), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(printer.awaitPrinted(2, Duration.ofMillis(20))).isFalse();
    }

    @Test
    void clearForgetsPrintedSlips() throws Exception {
        printer.print(slip("A"));
        printer.clear();

        assertThat(printer.printed()).isEmpty();
        assertThat(printer.lastPrinted()).isEmpty();
    }
}
