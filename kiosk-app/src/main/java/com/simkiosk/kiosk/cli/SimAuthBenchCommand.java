package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.card.usim.ImsiResult;
import com.simkiosk.card.usim.UsimAccess;
import com.simkiosk.carrier.gba.BootstrapResult;
import com.simkiosk.carrier.gba.GbaBootstrap;
import com.simkiosk.carrier.gba.Impi;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.vpcd.PcscdProcess;
import com.simkiosk.mock.vpcd.VpcdBridge;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.mock.sim.VirtualSim;
import java.io.File;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk bench sim-auth}: a SIM in the reader until its carrier confirmed it, as the kiosk does after an
 * insertion: the card read (ICCID, PIN state), EF.IMSI and EF.AD, then the GBA bootstrapping against the carrier
 * simulator's BSF on loopback — two HTTP round trips with one {@code AUTHENTICATE} between them. The demo tourist
 * line's genuine USIM, in memory and through the real pcscd + vpcd.
 */
@Command(name = "sim-auth", mixinStandardHelpOptions = true,
        description = "Median and p99 of insert → verified: read + EF.IMSI + AUTHENTICATE + two HTTP round trips to a loopback BSF.")
public final class SimAuthBenchCommand implements Callable<Integer> {
    private static final Duration BSF_DEADLINE = Duration.ofSeconds(10);

    @Option(names = "--runs", defaultValue = "200", description = "Measured checks per path, at least 50 (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--slot", defaultValue = "1", description = "vpcd slot for the bench card (default: ${DEFAULT-VALUE}).")
    int slot;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (runs < 50) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 50");
        }
        ObjectNode result = CardJson.MAPPER.createObjectNode();
        result.put("benchmark", "sim-auth");
        result.put("operation", "card read + EF.IMSI/EF.AD + GBA bootstrap (GET 401, AUTHENTICATE, GET 200) to a loopback BSF");
        result.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        int exit = 0;
        try (CarrierSimulator sim = CarrierSimulator.start();
                GbaBootstrap gba = new GbaBootstrap(sim.bsfUri(), Duration.ofSeconds(2), BSF_DEADLINE)) {
            DemoLine line = sim.demoLines().touristData();
            try (InMemorySimReader memory = new InMemorySimReader()) {
                memory.insert(DemoKiosk.usimCardFor(line, true));
                result.set("inMemory", CardJson.MAPPER.valueToTree(measure(memory, InMemorySimReader.DEFAULT_READER, gba)));
            }
            try {
                throughPcscd(result, line, gba);
            } catch (IllegalStateException e) {
                result.set("pcscd", CardJson.MAPPER.createObjectNode().put("error", e.getMessage()));
                exit = 1;
            }
        }
        report(result);
        return exit;
    }

    private void throughPcscd(ObjectNode result, DemoLine line, GbaBootstrap gba) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        File log = File.createTempFile("kiosk-bench-pcscd", ".log");
        log.deleteOnExit();
        PcscdProcess pcscd = new PcscdProcess(log);
        try {
            boolean own = CardBenchCommand.startPcscd(pcscd, err);
            String reader = String.format("Virtual PCD 00 %02d", slot);
            try (PcscSimReader pcsc = new PcscSimReader();
                    VpcdBridge bridge = new VpcdBridge(new InetSocketAddress("127.0.0.1", VpcdBridge.VPCD_PORT + slot), slot, true)) {
                bridge.insert(new VirtualSim(DemoKiosk.usimSpec(line, true)));
                CardBenchCommand.awaitCard(pcsc, reader, true);
                ObjectNode figures = CardJson.MAPPER.valueToTree(measure(pcsc, reader, gba));
                figures.put("reader", reader);
                figures.put("startedOwnPcscd", own);
                result.set("pcscd", figures);
                bridge.remove();
                CardBenchCommand.awaitCard(pcsc, reader, false);
            }
        } finally {
            pcscd.close();
        }
    }

    /** Warm-up, then {@code runs} whole checks; each must end in a B-TID. */
    private <R extends SimReader & UsimAccess> Timing measure(R reader, String name, GbaBootstrap gba) {
        for (int i = 0; i < Math.min(runs, 20); i++) {
            check(reader, name, gba);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            check(reader, name, gba);
            nanos[i] = System.nanoTime() - start;
        }
        return Timing.ofNanos(nanos);
    }

    private static <R extends SimReader & UsimAccess> void check(R reader, String name, GbaBootstrap gba) {
        ReadResult read = reader.read(name);
        if (!(read instanceof ReadResult.Sim)) {
            throw new IllegalStateException("the bench card could not be read: " + read);
        }
        ImsiResult imsi = reader.readImsi(name, Optional.empty());
        if (!(imsi instanceof ImsiResult.Read ok)) {
            throw new IllegalStateException("EF.IMSI could not be read: " + imsi);
        }
        BootstrapResult result = gba.bootstrap(Impi.fromImsi(ok.imsi(), ok.mncLength()),
                challenge -> reader.authenticate(name, challenge, Optional.empty()));
        if (!(result instanceof BootstrapResult.Bootstrapped)) {
            throw new IllegalStateException("the genuine card was not confirmed: " + result);
        }
    }

    private void report(ObjectNode result) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CardJson.MAPPER.writeValueAsString(result));
            out.flush();
            return;
        }
        out.println("insert → verified: " + result.get("operation").asText());
        out.println("java: " + result.get("java").asText());
        for (String name : new String[] {"inMemory", "pcscd"}) {
            if (!result.has(name)) {
                continue;
            }
            ObjectNode m = (ObjectNode) result.get(name);
            if (m.has("error")) {
                out.printf("%-10s error: %s%n", name, m.get("error").asText());
            } else {
                out.printf("%-10s median %8.3f ms   p99 %8.3f ms   n=%d%n", name,
                        m.get("medianMs").asDouble(), m.get("p99Ms").asDouble(), m.get("n").asInt());
            }
        }
        out.flush();
    }
}
