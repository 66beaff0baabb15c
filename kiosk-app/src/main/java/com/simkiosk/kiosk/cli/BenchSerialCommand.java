package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PtyPair pty = PtyPair.open(Duration.ofSeconds(5));
             SimulatedModem modem = SimulatedModem.start(JsscSerialLink.open(pty.b().toString(), baud), dialect,
                     new VirtualSim(VirtualSimSpec.uicc(ICCID)), SimulatedModem.Options.PLAIN);
             AtModemSimReader reader = AtModemSimReader.open(pty.a().toString(), baud)) {
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
            Arrays.sort(nanos);
            double median = nanos[nanos.length / 2] / 1e6;
            double p99 = nanos[Math.min(nanos.length - 1, (int) Math.ceil(nanos.length * 0.99) - 1)] / 1e6;
            if (json) {
                ObjectNode node = new ObjectMapper().createObjectNode();
                node.put("area", "serial");
                node.put("what", "AtModemSimReader.read over a socat pty, simulated " + dialect.name().toLowerCase());
                node.put("baud", baud);
                node.put("iterations", iterations);
                node.put("medianMs", Math.round(median * 1000) / 1000.0);
                node.put("p99Ms", Math.round(p99 * 1000) / 1000.0);
                out.println(node);
            } else {
                out.printf("serial SIM read (%s, %d baud, %d reads): median %.3f ms, p99 %.3f ms%n",
                        dialect.name().toLowerCase(), baud, iterations, median, p99);
            }
            return 0;
        } catch (IOException | SerialLinkException e) {
            err.println("bench serial: " + e.getMessage());
            return 1;
        }
    }
}
