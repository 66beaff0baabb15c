package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.card.sim.SimIdentityReader;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.mock.vpcd.PcscdProcess;
import com.simkiosk.mock.vpcd.VpcdBridge;
import java.io.File;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk bench card}: a full read (connect, ICCID and PIN state, disconnect) of a virtual UICC,
 * in memory and through the real pcscd + vpcd, with and without TCP_QUICKACK on the virtual card's side.
 * Starts its own pcscd when none runs, and says so.
 */
@Command(name = "card", mixinStandardHelpOptions = true,
        description = "Median and p99 of a full SIM read, in memory and through pcscd + vpcd.")
public final class CardBenchCommand implements Callable<Integer> {
    private static final String ICCID = "8981100000000000905";
    private static final int WITHOUT_QUICKACK_READS = 20;
    private static final Duration CARD_SEEN = Duration.ofSeconds(5);

    @Option(names = "--reads", defaultValue = "500", description = "Reads per measurement, at least 200 (default: ${DEFAULT-VALUE}).")
    int reads;

    @Option(names = "--slot", defaultValue = "1", description = "vpcd slot for the bench card (default: ${DEFAULT-VALUE}).")
    int slot;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (reads < 200) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--reads must be at least 200");
        }
        ObjectNode result = CardJson.MAPPER.createObjectNode();
        result.put("benchmark", "card");
        result.put("operation", "connect + SELECT EF.ICCID (61xx) + GET RESPONSE + READ BINARY + VERIFY status + disconnect");
        result.set("inMemory", CardJson.MAPPER.valueToTree(inMemory()));
        int exit = 0;
        try {
            throughPcscd(result);
        } catch (CardIoException | IllegalStateException e) {
            result.set("pcscd", CardJson.MAPPER.createObjectNode().put("error", e.getMessage()));
            exit = 1;
        }
        report(result);
        return exit;
    }

    private Timing inMemory() throws CardIoException {
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID));
        for (int i = 0; i < reads; i++) {
            fullReadInMemory(card);
        }
        long[] nanos = new long[reads];
        for (int i = 0; i < reads; i++) {
            long start = System.nanoTime();
            fullReadInMemory(card);
            nanos[i] = System.nanoTime() - start;
        }
        return Timing.ofNanos(nanos);
    }

    /** In memory, "connect" is the card's reset and "disconnect" is nothing. */
    private static void fullReadInMemory(VirtualSim card) throws CardIoException {
        card.reset();
        new SimIdentityReader(card).read();
    }

    private void throughPcscd(ObjectNode result) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        File log = File.createTempFile("kiosk-bench-pcscd", ".log");
        log.deleteOnExit();
        // The tests' pcscd lock first: a running test build keeps its pcscd to itself until it is done.
        PcscdProcess pcscd = new PcscdProcess(log);
        try {
            boolean own = startPcscd(pcscd, err);
            String reader = String.format("Virtual PCD 00 %02d", slot);
            ObjectNode figures = CardJson.MAPPER.valueToTree(measure(reader, true, reads));
            figures.put("reader", reader);
            figures.put("startedOwnPcscd", own);
            result.set("pcscd", figures);
            result.set("pcscdWithoutQuickAck", CardJson.MAPPER.valueToTree(measure(reader, false, WITHOUT_QUICKACK_READS)));
        } finally {
            pcscd.close();
        }
    }

    private Timing measure(String reader, boolean quickAck, int n) throws Exception {
        try (PcscSimReader pcsc = new PcscSimReader();
                VpcdBridge bridge = new VpcdBridge(new InetSocketAddress("127.0.0.1", VpcdBridge.VPCD_PORT + slot), slot, quickAck)) {
            bridge.insert(new VirtualSim(VirtualSimSpec.uicc(ICCID)));
            awaitCard(pcsc, reader, true);
            for (int i = 0; i < Math.min(n, 50); i++) {
                pcsc.readIdentity(reader);
            }
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                pcsc.readIdentity(reader);
                nanos[i] = System.nanoTime() - start;
            }
            bridge.remove();
            awaitCard(pcsc, reader, false);
            return Timing.ofNanos(nanos);
        }
    }

    /** Starts our own pcscd unless one runs (then says so on {@code err}); true when it is ours to stop. */
    static boolean startPcscd(PcscdProcess pcscd, PrintWriter err) throws Exception {
        boolean own = pcscd.startUnlessRunning();
        if (own) {
            err.println("bench: no pcscd running; started one for this benchmark (stopped afterwards)");
            err.flush();
        }
        return own;
    }

    /** pcscd polls vpcd every 400 ms; the next measurement must not meet the previous card. */
    static void awaitCard(PcscSimReader pcsc, String reader, boolean present) throws InterruptedException {
        awaitCard(pcsc, reader, present, CARD_SEEN);
    }

    /** The same with another bound ({@code bench soak}). */
    static void awaitCard(PcscSimReader pcsc, String reader, boolean present, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!pcsc.readers().contains(new ReaderInfo(reader, present))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pcscd did not see the virtual card " + (present ? "in " : "leave ") + reader
                        + " within " + bound.toSeconds() + " s (is vsmartcard-vpcd installed?)");
            }
            Thread.sleep(10);
        }
    }

    private void report(ObjectNode result) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CardJson.MAPPER.writeValueAsString(result));
            return;
        }
        out.println("full SIM read: " + result.get("operation").asText());
        for (String name : new String[] {"inMemory", "pcscd", "pcscdWithoutQuickAck"}) {
            if (!result.has(name)) {
                continue;
            }
            ObjectNode m = (ObjectNode) result.get(name);
            if (m.has("error")) {
                out.printf("%-22s error: %s%n", name, m.get("error").asText());
            } else {
                out.printf("%-22s median %8.3f ms   p99 %8.3f ms   n=%d%n", name,
                        m.get("medianMs").asDouble(), m.get("p99Ms").asDouble(), m.get("n").asInt());
            }
        }
    }
}
