package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.serial.AtModemSimReader;
import com.simkiosk.mock.serial.ModemDialect;
import com.simkiosk.mock.serial.PtyPair;
import com.simkiosk.mock.serial.SimulatedModem;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.serial.SerialLinkException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk bench serial}: reads a SIM's identity through a simulated modem on a socat pseudo-terminal
 * at 115200 baud, end to end through jssc and the AT engine, and prints median and p99.
 */
@Command(name = "serial", mixinStandardHelpOptions = true,
        description = "Benchmark: SIM read (AT+CPIN?, ICCID, PIN state) over a pseudo-terminal; median and p99.")
public final class BenchSerialCommand implements Callable<Integer> {
    static final String ICCID = "8981100000000000019";

    @Spec
    CommandSpec spec;

    @Option(names = "--iterations", defaultValue = "300", description = "Measured reads (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", defaultValue = "50", description = "Reads before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--dialect", defaultValue = "quectel", description = "Simulated module (default: ${DEFAULT-VALUE}).")
    ModemDialect dialect;

    @Option(names = "--baud", defaultValue = "115200", description = "Line speed (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (iterations < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--iterations must be at least 1, --warmup 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PtyPair pty = PtyPair.open(Duration.ofSeconds(5));
             SimulatedModem modem = SimulatedModem.start(JsscSerialLink.open(pty.b().toString(), baud), dialect,
                     new VirtualSim(VirtualSimSpec.uicc(ICCID)), SimulatedModem.Options.PLAIN);
             // A benchmark measures round trips, not the driver's patience: on a loaded machine the simulated
             // modem's first answer may take longer than a real kiosk's 2 s bound, which would end the run.
             AtModemSimReader reader = AtModemSimReader.open(pty.a().toString(), baud,
                     new AtModemSimReader.Settings(Duration.ofSeconds(30), AtModemSimReader.Settings.DEFAULT.pollInterval()))) {
            long[] nanos = new long[iterations];
            for (int i = -warmup; i < iterations; i++) {
                long start = System.nanoTime();
                ReadResult result = reader.read(reader.readerName());
                long took = System.nanoTime() - start;
                if (!(result instanceof ReadResult.Sim)) {
                    err.println("bench serial: read failed: " + result);
                    return 1;
                }
                if (i >= 0) {
                    nanos[i] = took;
                }
            }
            Timing timing = Timing.ofNanos(nanos);
            ObjectNode result = CardJson.MAPPER.createObjectNode();
            result.put("benchmark", "serial");
            result.put("operation", "AtModemSimReader.read: AT+CPIN?, ICCID (" + dialect.name().toLowerCase()
                    + " dialect), AT+CLCK over a socat pty pair, jssc both ends");
            result.put("baud", baud);
            result.set("pty", CardJson.MAPPER.valueToTree(timing));
            if (json) {
                out.println(CardJson.MAPPER.writeValueAsString(result));
            } else {
                out.println("serial SIM read: " + result.get("operation").asText());
                out.printf("%-22s median %8.3f ms   p99 %8.3f ms   n=%d%n", "pty " + baud + " baud",
                        timing.medianMs(), timing.p99Ms(), timing.n());
            }
            return 0;
        } catch (IOException | SerialLinkException e) {
            err.println("bench serial: " + e.getMessage());
            return 1;
        }
    }
}
