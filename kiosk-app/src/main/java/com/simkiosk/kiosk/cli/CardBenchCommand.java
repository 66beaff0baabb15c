package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.apdu.Hex;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk bench card}: a full read (connect, ICCID and PIN state, disconnect) of a virtual UICC,
 * in memory and through the real pcscd + vpcd, with and without TCP_QUICKACK on the virtual card's side.
 * Starts its own pcscd when none runs, and says so. With {@code --peer}, also pyscard sending the APDUs the kiosk's read
 * sent (recorded at the virtual card, so the two never drift apart) on the same card through the same pcscd, read by
 * read in turn, and the ratio kiosk/peer.
 */
@Command(name = "card", mixinStandardHelpOptions = true,
        description = "Median and p99 of a full SIM read, in memory and through pcscd + vpcd.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:measured", "1:the read through pcscd failed (see \"error\")",
            "3:--peer, but no python3 with pyscard (Debian: python3-pyscard)"})
public final class CardBenchCommand implements Callable<Integer> {
    static final int NO_PEER = 3;
    private static final String ICCID = "8981100000000000905";
    private static final VirtualSimSpec BENCH_CARD = VirtualSimSpec.uicc(ICCID);
    private static final int PEER_WARM_UP = 50;
    private static final int WITHOUT_QUICKACK_READS = 20;
    private static final Duration CARD_SEEN = Duration.ofSeconds(5);

    @Option(names = "--reads", defaultValue = "500", description = "Reads per measurement, at least 200 (default: ${DEFAULT-VALUE}).")
    int reads;

    @Option(names = "--slot", defaultValue = "1", description = "vpcd slot for the bench card (default: ${DEFAULT-VALUE}).")
    int slot;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--peer", description = "Also time pyscard sending the kiosk's APDUs on the same card and pcscd; print the ratio.")
    boolean peer;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (reads < 200) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--reads must be at least 200");
        }
        Optional<PyscardPeer> pyscard = Optional.empty();
        if (peer) {
            pyscard = PyscardPeer.find();
            if (pyscard.isEmpty()) {
                spec.commandLine().getErr().println("bench card --peer: no python3 with pyscard; install python3-pyscard (./install --test does)");
                return NO_PEER;
            }
        }
        ObjectNode result = CardJson.MAPPER.createObjectNode();
        result.put("benchmark", "card");
        result.put("operation", "connect + " + describe(commandsOfOneRead(new VirtualSim(BENCH_CARD), card -> new SimIdentityReader(card).read()))
                + " + disconnect");
        result.set("inMemory", CardJson.MAPPER.valueToTree(inMemory()));
        int exit = 0;
        try {
            throughPcscd(result, pyscard);
        } catch (CardIoException | IllegalStateException e) {
            result.set("pcscd", CardJson.MAPPER.createObjectNode().put("error", e.getMessage()));
            exit = 1;
        }
        report(result);
        return exit;
    }

    private Timing inMemory() throws CardIoException {
        VirtualSim card = new VirtualSim(BENCH_CARD);
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

    @FunctionalInterface
    private interface Read {
        void on(VirtualSim card) throws Exception;
    }

    /** The command APDUs that reach {@code card} during one read: the kiosk's sequence, as the card sees it. */
    private static List<byte[]> commandsOfOneRead(VirtualSim card, Read read) throws Exception {
        List<byte[]> sent = new CopyOnWriteArrayList<>();
        card.tapCommands(sent::add);
        try {
            read.on(card);
        } finally {
            card.tapCommands(command -> {});
        }
        return List.copyOf(sent);
    }

    private static String describe(List<byte[]> commands) {
        return commands.size() + " APDUs (" + String.join(" ", commands.stream().map(Hex::encode).toList()) + ")";
    }

    private void throughPcscd(ObjectNode result, Optional<PyscardPeer> pyscard) throws Exception {
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
            if (pyscard.isPresent()) {
                result.set("peer", sideBySide(reader, pyscard.get()));
            }
        } finally {
            pcscd.close();
        }
    }

    private Timing measure(String reader, boolean quickAck, int n) throws Exception {
        try (PcscSimReader pcsc = new PcscSimReader();
                VpcdBridge bridge = new VpcdBridge(new InetSocketAddress("127.0.0.1", VpcdBridge.VPCD_PORT + slot), slot, quickAck)) {
            bridge.insert(new VirtualSim(BENCH_CARD));
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

    /**
     * Kiosk and pyscard on one card through one pcscd, taking turns read by read (load from other work on the machine
     * falls on both alike): the peers send exactly the APDUs that reached the card during one of the kiosk's reads.
     */
    private ObjectNode sideBySide(String reader, PyscardPeer pyscard) throws Exception {
        try (PcscSimReader pcsc = new PcscSimReader();
                VpcdBridge bridge = new VpcdBridge(new InetSocketAddress("127.0.0.1", VpcdBridge.VPCD_PORT + slot), slot, true)) {
            VirtualSim card = new VirtualSim(BENCH_CARD);
            bridge.insert(card);
            awaitCard(pcsc, reader, true);
            for (int i = 0; i < PEER_WARM_UP; i++) {
                pcsc.readIdentity(reader);
            }
            List<byte[]> sequence = commandsOfOneRead(card, c -> pcsc.readIdentity(reader));
            List<String> exchanges = PyscardPeer.exchanges(sequence, BENCH_CARD);
            PyscardPeer.Api[] apis = PyscardPeer.Api.values();
            long[] kiosk = new long[reads];
            long[][] peers = new long[apis.length][reads];
            List<PyscardPeer.Running> running = new ArrayList<>();
            long powerOffsBefore;
            try {
                for (PyscardPeer.Api api : apis) {
                    running.add(pyscard.start(api, reader, PEER_WARM_UP, exchanges));
                }
                powerOffsBefore = bridge.powerOffs();
                for (int i = 0; i < reads; i++) {
                    long start = System.nanoTime();
                    pcsc.readIdentity(reader);
                    kiosk[i] = System.nanoTime() - start;
                    for (int p = 0; p < apis.length; p++) {
                        peers[p][i] = running.get(p).read();
                    }
                }
            } finally {
                for (PyscardPeer.Running peerProcess : running) {
                    peerProcess.close();
                }
            }
            long poweredOff = bridge.powerOffs() - powerOffsBefore;
            bridge.remove();
            awaitCard(pcsc, reader, false);
            Timing ours = Timing.ofNanos(kiosk);
            ObjectNode out = CardJson.MAPPER.createObjectNode();
            out.put("python", pyscard.python());
            out.put("apduCount", sequence.size());
            ArrayNode apdus = out.putArray("apdus");
            sequence.forEach(c -> apdus.add(Hex.encode(c)));
            out.put("alternating", "read by read: kiosk, then each peer");
            // Each read leaves the card powered, so none pays for another's power-off: 0 when the turns are fair.
            out.put("cardPoweredOffBetweenReads", poweredOff);
            out.set("kiosk", CardJson.MAPPER.valueToTree(ours));
            ObjectNode byApi = out.putObject("peers");
            for (int p = 0; p < apis.length; p++) {
                Timing theirs = Timing.ofNanos(peers[p]);
                ObjectNode one = CardJson.MAPPER.valueToTree(theirs);
                one.put("peer", apis[p].description);
                one.put("ratioMedian", ratio(ours.medianMs(), theirs.medianMs()));
                one.put("ratioP99", ratio(ours.p99Ms(), theirs.p99Ms()));
                byApi.set(apis[p].arg, one);
            }
            return out;
        }
    }

    private static void printTiming(PrintWriter out, String name, ObjectNode m) {
        out.printf("  %-20s median %8.3f ms   p99 %8.3f ms   n=%d%n", name,
                m.get("medianMs").asDouble(), m.get("p99Ms").asDouble(), m.get("n").asInt());
    }

    private static double ratio(double kiosk, double peer) {
        return Math.round(kiosk / peer * 100) / 100.0;
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
        if (result.has("peer")) {
            ObjectNode p = (ObjectNode) result.get("peer");
            out.println("side by side on the same card and pcscd, alternating read by read, "
                    + p.get("apduCount").asInt() + " APDUs per read: " + String.join(" ",
                    CardJson.MAPPER.convertValue(p.get("apdus"), String[].class)));
            printTiming(out, "kiosk", (ObjectNode) p.get("kiosk"));
            p.get("peers").fields().forEachRemaining(peer -> {
                ObjectNode m = (ObjectNode) peer.getValue();
                printTiming(out, "pyscard " + peer.getKey(), m);
                out.printf("    ratio kiosk/peer  median %.2f   p99 %.2f   (%s)%n", m.get("ratioMedian").asDouble(),
                        m.get("ratioP99").asDouble(), m.get("peer").asText());
            });
            long poweredOff = p.get("cardPoweredOffBetweenReads").asLong();
            out.println(poweredOff == 0
                    ? "  every read left the card powered (no read paid another's power-up)"
                    : "  NOT FAIR: the card was powered off " + poweredOff + " times between reads, and each read after"
                            + " it paid the power-up");
        }
    }
}
