package com.simkiosk.kiosk.cli;

import com.simkiosk.printer.PrinterException;
import com.simkiosk.printer.PrinterStatus;
import com.simkiosk.printer.Slip;
import com.simkiosk.printer.escpos.EscPosPrinter;
import com.simkiosk.printer.escpos.JapaneseTextMode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kiosk print-test}: the maintenance test print on an ESC/POS printer, with its status first. */
@Command(name = "print-test", mixinStandardHelpOptions = true,
        description = "Print a test slip (English and Japanese, CODE128 and QR) on an ESC/POS serial printer.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:printed", "1:the printer is not ready (paper out, cover open, offline, not connected)"})
public final class PrintTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--serial", required = true, paramLabel = "DEVICE", description = "The printer's serial device.")
    String device;

    @Option(names = "--baud", paramLabel = "BAUD", defaultValue = "115200", description = "Line speed (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--japanese", paramLabel = "kanji|raster", defaultValue = "kanji",
            description = "Japanese text in the printer's kanji mode or as images (default: ${DEFAULT-VALUE}).")
    JapaneseTextMode japanese;

    @Option(names = "--store", defaultValue = "STORE-TEST", description = "Store id printed on the slip.")
    String store;

    @Option(names = "--kiosk", defaultValue = "KIOSK-TEST", description = "Kiosk id printed on the slip.")
    String kiosk;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (EscPosPrinter printer = EscPosPrinter.open(device, baud, japanese)) {
            PrinterStatus status = printer.status();
            out.println("printer " + device + ": " + status);
            if (status != PrinterStatus.READY) {
                return 1;
            }
            printer.print(testSlip(store, kiosk, Clock.systemUTC().instant()));
            out.println("printed a test slip (" + japanese.name().toLowerCase() + " mode)");
            return 0;
        } catch (PrinterException e) {
            out.println("printer " + device + ": " + e.status() + " (" + e.getMessage() + ")");
            return 1;
        }
    }

    static Slip testSlip(String store, String kiosk, Instant now) {
        return new Slip("Test print テスト印刷", store, kiosk, now,
                List.of(new Slip.Row("ASCII", "ABC abc 0123456789"), new Slip.Row("日本語", "残高 ¥1,500"),
                        new Slip.Row("Paper", "OK")),
                Optional.of("TEST-0123-4567"), "お支払いは30分以内に / Pay within 30 minutes");
    }
}
