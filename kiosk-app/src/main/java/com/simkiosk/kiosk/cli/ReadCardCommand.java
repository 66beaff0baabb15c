package com.simkiosk.kiosk.cli;

import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.card.serial.AtModemSimReader;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk read-card}: waits for a card, reads it, prints its identity. Which driver reads is decided
 * in {@link #openReader()} alone, so another transport (a serial modem) plugs in there.
 */
@Command(name = "read-card", mixinStandardHelpOptions = true,
        description = "Wait for a SIM, read it and print its identity (ICCID, type, PIN state).")
public class ReadCardCommand implements Callable<Integer> {

    @Option(names = "--reader", paramLabel = "NAME", description = "Read from this reader only (default: any).")
    String reader;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for a card (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Read the present card N times and add median/p99 timing.")
    int repeat;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--serial", paramLabel = "DEVICE", description = "Read through a cellular modem's SIM slot on this serial device (AT commands) instead of PC/SC.")
    String serial;

    @Option(names = "--baud", paramLabel = "BAUD", defaultValue = "115200", description = "Serial line speed with --serial (default: ${DEFAULT-VALUE}).")
    int baud;

    @Spec
    CommandSpec spec;

    /** The one place that chooses the driver. */
    protected SimReader openReader() {
        return openReader(serial, baud);
    }

    /** PC/SC, or the modem on {@code serial} at {@code baud}; shared by every command that reads a SIM. */
    static SimReader openReader(String serial, int baud) {
        return serial != null ? AtModemSimReader.open(serial, baud) : new PcscSimReader();
    }

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || timeoutSeconds < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--repeat must be >= 1 and --timeout >= 0");
        }
        try (SimReader source = openReader()) {
            ReadResult first = source.awaitAndRead(reader, Duration.ofSeconds(timeoutSeconds));
            if (first instanceof ReadResult.Failed failed) {
                return fail(failed);
            }
            CardIdentity identity = ((ReadResult.Sim) first).identity();
            Optional<Timing> timing = Optional.empty();
            if (repeat > 1) {
                long[] nanos = new long[repeat];
                for (int i = 0; i < repeat; i++) {
                    long start = System.nanoTime();
                    ReadResult again = source.read(identity.reader());
                    nanos[i] = System.nanoTime() - start;
                    if (again instanceof ReadResult.Failed failed) {
                        return fail(failed);
                    }
                }
                timing = Optional.of(Timing.ofNanos(nanos));
            }
            print(identity, timing);
            return 0;
        }
    }

    private void print(CardIdentity id, Optional<Timing> timing) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CardJson.MAPPER.writeValueAsString(CardJson.identity(id, timing)));
            return;
        }
        out.println("Reader:   " + id.reader());
        out.println("ATR:      " + id.atrHex());
        out.println("Type:     " + id.type().label());
        out.println("ICCID:    " + id.iccid().digits() + (id.iccid().luhnValid() ? "" : "  (check digit wrong)"));
        out.println("Issuer:   " + id.iccid().japaneseIssuer().orElse(id.iccid().isJapanese() ? "Japanese, unknown issuer" : "foreign SIM"));
        out.println("Country:  " + id.iccid().country());
        out.println("PIN:      " + (id.pin().enabled() ? "enabled, " + id.pin().triesLeft() + " tries left" : "disabled"));
        timing.ifPresent(t -> out.printf("Timing:   median %.3f ms, p99 %.3f ms over %d reads%n", t.medianMs(), t.p99Ms(), t.n()));
    }

    private int fail(ReadResult.Failed failed) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CardJson.MAPPER.writeValueAsString(CardJson.error(failed.error(), CardJson.explain(failed.error(), serial != null) + " (" + failed.detail() + ")")));
        } else {
            out.println("error: " + failed.error() + ": " + CardJson.explain(failed.error(), serial != null) + " (" + failed.detail() + ")");
        }
        return 1;
    }
}
