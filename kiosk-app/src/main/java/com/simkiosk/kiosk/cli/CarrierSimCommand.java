package com.simkiosk.kiosk.cli;

import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.mock.carrier.SmsOutbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kiosk carrier-sim}: the carrier back-end simulator on loopback, until Ctrl-C. */
@Command(
        name = "carrier-sim",
        mixinStandardHelpOptions = true,
        description = "Runs the carrier back-end simulator (OAuth, TM Forum, CAMARA; see docs/carrier-api.md) "
                + "on 127.0.0.1 until interrupted.")
public final class CarrierSimCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "TCP port on 127.0.0.1 (0: any free port).")
    private int port;

    @Option(names = "--data", paramLabel = "FILE", description = "Lines to serve instead of the built-in demo lines.")
    private Path data;

    @Option(names = "--show-sms", description = "Print each SMS in full, code included, like the customer's phone would.")
    private boolean showSms;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CarrierSimulator.Builder builder = CarrierSimulator.builder().port(port);
        if (data != null) {
            builder.dataFile(data);
        }
        CarrierSimulator sim;
        try {
            sim = builder.start();
        } catch (IOException | RuntimeException e) {
            err.println("carrier-sim: cannot start: " + e.getMessage());
            return 1;
        }
        // Ctrl-C: let call() close the server and say so before the JVM halts (bounded wait).
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "carrier-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (sim; SmsOutbox.Subscription sms = sim.smsOutbox().addListener(m -> printSms(out, m))) {
            printBanner(out, sim);
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("Carrier simulator stopped.");
        out.flush();
        stopped.countDown();
        removeHook(hook);
        return 0;
    }

    private void printBanner(PrintWriter out, CarrierSimulator sim) {
        out.println("Carrier simulator: " + sim.baseUri());
        out.println("OAuth client credentials: " + DemoLines.CLIENT_ID + " / " + DemoLines.CLIENT_SECRET
                + "  (POST /oauth2/token, HTTP Basic, grant_type=client_credentials)");
        out.println("Demo lines (fictional):");
        for (DemoLine line : sim.demoLines().all()) {
            out.printf("  %-17s %s  %-14s %-10s %s%n", line.key(), line.iccid().digits(),
                    line.msisdn().map(m -> m.e164()).orElse("(no number)"), line.status().name().toLowerCase(),
                    line.label());
        }
        out.println("Stop with Ctrl-C.");
        out.flush();
    }

    private void printSms(PrintWriter out, SmsOutbox.Sms sms) {
        out.println(showSms ? "SMS to " + sms.toE164() + ": " + sms.text()
                : "SMS sent: " + sms + " (run with --show-sms to see it)");
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping; the hook has run
        }
    }
}
