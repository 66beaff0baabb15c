package com.simkiosk.kiosk.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.tmf.BackendProfile;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.DemoLines;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk bench carrier}: the kiosk's carrier client against the simulator, in this process, over real
 * loopback HTTP. Prints median and p99 of SIM lookup + balance one after another, then 50 kiosks at once.
 * With {@code --peer}, a plain HTTP/1.1 keep-alive client ({@link CarrierPeer}: Python's {@code http.client}) does
 * the same pairs against the same simulator in the same run, in blocks alternating with the kiosk's, and the ratio
 * kiosk / peer is printed.
 */
@Command(name = "carrier", mixinStandardHelpOptions = true,
        description = "Benchmark the carrier client (lookup + balance) against the simulator on loopback.")
public final class BenchCarrierCommand implements Callable<Integer> {
    static final double TARGET_MEDIAN_MS = 3.0;
    static final double TARGET_P99_MS = 10.0;
    static final String NODELAY = "sun.net.httpserver.nodelay";

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--requests", defaultValue = "1000", description = "Measured lookup + balance pairs (at least 500; default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", defaultValue = "500", description = "Pairs run first and not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--clients", defaultValue = "50", description = "Concurrent kiosks (default ${DEFAULT-VALUE}; 0: no "
            + "concurrent part).")
    int clients;

    @Option(names = "--lookups", defaultValue = "100", description = "Lookups per concurrent kiosk (default ${DEFAULT-VALUE}).")
    int lookups;

    @Option(names = "--peer", description = "Also time a plain HTTP/1.1 keep-alive peer (Python http.client) doing the same pairs, and print the ratio.")
    boolean peer;

    @Option(names = "--python", defaultValue = CarrierPeer.DEFAULT_PYTHON, description = "The peer's interpreter (default ${DEFAULT-VALUE}).")
    Path python;

    /** Kiosk and peer take turns in this many blocks, so a change of load meets both. */
    static final int BLOCKS = 5;
    /** Warm-up pairs per turn of kiosk and peer. */
    static final int WARMUP_BLOCK = 500;
    /** Exit code when the peer cannot run (no python3, or it stopped). */
    static final int PEER_FAILED = 3;

    /** The kiosk's two calls (docs/carrier-api.md §3, §5) with the standard profile's queries. */
    static final String PRODUCT_QUERY = "/tmf-api/productInventory/v4/product?" + BackendProfile.standard().iccidQuery();
    static final String BUCKET_QUERY = "/tmf-api/prepayBalanceManagement/v4/bucket?" + BackendProfile.standard().bucketQuery();

    @Override
    public Integer call() throws Exception {
        if (requests < 500) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--requests must be at least 500");
        }
        if (warmup < 0 || clients < 0 || lookups < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--warmup must be 0 or more, --clients must be 0 or more (0: no concurrent part), --lookups at least 1");
        }
        if (peer) {
            Optional<String> missing = CarrierPeer.missing(python);
            if (missing.isPresent()) {
                spec.commandLine().getErr().println(missing.get());
                return PEER_FAILED;
            }
        }
        Logger simulatorLog = (Logger) LoggerFactory.getLogger("com.simkiosk.mock.carrier");
        Level before = simulatorLog.getLevel();
        // The simulator logs every request at INFO; that is its cost, not the client's, and not what is measured.
        simulatorLog.setLevel(Level.WARN);
        try (CarrierSimulator simulator = CarrierSimulator.start()) {
            List<Iccid> sims = simulator.demoLines().all().stream().map(DemoLine::iccid).toList();
            CarrierEndpoint endpoint = CarrierEndpoint.of("bench", simulator.baseUri(), DemoLines.CLIENT_ID, DemoLines.CLIENT_SECRET);

            long[] pairs = new long[requests];
            long[] lookupsOnly = new long[requests];
            long[] balancesOnly = new long[requests];
            Optional<PeerTimes> peerTimes = Optional.empty();
            try (TmfCarrierClient client = new TmfCarrierClient(endpoint);
                    CarrierPeer plain = peer ? CarrierPeer.start(python, simulator.baseUri(), DemoLines.CLIENT_ID,
                            DemoLines.CLIENT_SECRET, PRODUCT_QUERY, BUCKET_QUERY,
                            sims.stream().map(Iccid::digits).toList()) : null) {
                // Warm-up in alternating blocks too: the peer's keep-alive connection must not sit idle past the
                // simulator's idle timeout while a long kiosk warm-up (--warmup 5000, C2 compiling) runs.
                for (int from = 0; from < warmup; from += WARMUP_BLOCK) {
                    int to = Math.min(warmup, from + WARMUP_BLOCK);
                    for (int i = from; i < to; i++) {
                        client.balance(client.findLineByIccid(sims.get(i % sims.size())));
                    }
                    if (plain != null) {
                        plain.run(to - from);
                    }
                }
                List<CarrierPeer.Pair> peerPairs = new ArrayList<>();
                int blocks = plain == null ? 1 : BLOCKS;
                for (int b = 0; b < blocks; b++) {
                    int from = requests * b / blocks;
                    int to = requests * (b + 1) / blocks;
                    for (int i = from; i < to; i++) {
                        long start = System.nanoTime();
                        Line line = client.findLineByIccid(sims.get(i % sims.size()));
                        long found = System.nanoTime();
                        client.balance(line);
                        long end = System.nanoTime();
                        pairs[i] = end - start;
                        lookupsOnly[i] = found - start;
                        balancesOnly[i] = end - found;
                    }
                    if (plain != null) {
                        peerPairs.addAll(plain.run(to - from));
                    }
                }
                if (plain != null) {
                    peerTimes = Optional.of(PeerTimes.of(peerPairs));
                }
            } catch (CarrierPeer.PeerFailed e) {
                spec.commandLine().getErr().println(e.getMessage());
                return PEER_FAILED;
            }
            Optional<Concurrent> concurrent = clients == 0 ? Optional.empty() : Optional.of(concurrent(endpoint, sims));
            print(Timing.ofNanos(pairs), Timing.ofNanos(lookupsOnly), Timing.ofNanos(balancesOnly), peerTimes, concurrent);
            return concurrent.map(Concurrent::errors).orElse(0) == 0 ? 0 : 1;
        } finally {
            simulatorLog.setLevel(before);
        }
    }

    /** The peer's pairs and each call alone. */
    record PeerTimes(Timing pairs, Timing lookup, Timing balance) {
        static PeerTimes of(List<CarrierPeer.Pair> measured) {
            return new PeerTimes(
                    Timing.ofNanos(measured.stream().mapToLong(p -> p.lookupNanos() + p.balanceNanos()).toArray()),
                    Timing.ofNanos(measured.stream().mapToLong(CarrierPeer.Pair::lookupNanos).toArray()),
                    Timing.ofNanos(measured.stream().mapToLong(CarrierPeer.Pair::balanceNanos).toArray()));
        }
    }

    record Concurrent(int clients, int lookupsPerClient, int errors, Timing latency, long wallNanos) {
        double perSecond() {
            return clients * (double) lookupsPerClient / (wallNanos / 1e9);
        }
    }

    /** {@code clients} kiosks, each its own client, all starting at once, each doing {@code lookups} lookups. */
    private Concurrent concurrent(CarrierEndpoint endpoint, List<Iccid> sims) throws Exception {
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService kiosks = Executors.newFixedThreadPool(clients,
                r -> new Thread(r, "bench-kiosk-" + threadNumber.incrementAndGet()));
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                int offset = c;
                results.add(kiosks.submit(() -> {
                    long[] nanos = new long[lookups];
                    try (TmfCarrierClient client = new TmfCarrierClient(endpoint.withName("bench-" + offset))) {
                        client.findLineByIccid(sims.get(offset % sims.size())); // token and connection, not measured
                        ready.countDown();
                        go.await(30, TimeUnit.SECONDS);
                        for (int i = 0; i < lookups; i++) {
                            long start = System.nanoTime();
                            try {
                                client.findLineByIccid(sims.get((offset + i) % sims.size()));
                            } catch (CarrierException e) {
                                errors.incrementAndGet();
                            }
                            nanos[i] = System.nanoTime() - start;
                        }
                    }
                    return nanos;
                }));
            }
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the concurrent kiosks did not get ready within 60 s");
            }
            long start = System.nanoTime();
            go.countDown();
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : results) {
                all.add(f.get(120, TimeUnit.SECONDS));
            }
            long wall = System.nanoTime() - start;
            long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
            return new Concurrent(clients, lookups, errors.get(), Timing.ofNanos(merged), wall);
        } finally {
            kiosks.shutdownNow();
        }
    }

    private void print(Timing pairs, Timing lookupsOnly, Timing balancesOnly, Optional<PeerTimes> peerTimes,
                       Optional<Concurrent> concurrent) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean met = pairs.medianMs() <= TARGET_MEDIAN_MS && pairs.p99Ms() <= TARGET_P99_MS;
        if (json) {
            ObjectMapper mapper = CardJson.MAPPER;
            ObjectNode root = mapper.createObjectNode();
            root.put("benchmark", "carrier");
            root.put("operation", "TMF637 product by ICCID + TMF654 buckets, OAuth bearer, loopback HTTP/1.1 to the simulator");
            root.put("date", Clock.systemUTC().instant().toString());
            root.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
            root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
            root.put("cpus", Runtime.getRuntime().availableProcessors());
            // The simulator turns TCP_NODELAY on unless told otherwise (docs/bench/carrier.md: the 40 ms trap).
            root.put("serverNoDelay", !"false".equals(System.getProperty(NODELAY)));
            ObjectNode seq = mapper.valueToTree(pairs);
            root.set("lookupPlusBalance", seq);
            seq.set("lookup", mapper.valueToTree(lookupsOnly));
            seq.set("balance", mapper.valueToTree(balancesOnly));
            seq.put("targetMedianMs", TARGET_MEDIAN_MS);
            seq.put("targetP99Ms", TARGET_P99_MS);
            seq.put("targetsMet", met);
            peerTimes.ifPresent(p -> {
                ObjectNode node = mapper.valueToTree(p.pairs());
                root.set("peer", node);
                node.put("client", "Python http.client, one HTTP/1.1 keep-alive connection, json.loads (" + python + ")");
                node.set("lookup", mapper.valueToTree(p.lookup()));
                node.set("balance", mapper.valueToTree(p.balance()));
                ObjectNode ratio = mapper.createObjectNode();
                root.set("kioskOverPeer", ratio);
                ratio.put("median", ratio(pairs.medianMs(), p.pairs().medianMs()));
                ratio.put("p99", ratio(pairs.p99Ms(), p.pairs().p99Ms()));
            });
            concurrent.ifPresent(c -> {
                ObjectNode con = mapper.valueToTree(c.latency());
                root.set("concurrent", con);
                con.put("clients", c.clients());
                con.put("lookupsPerClient", c.lookupsPerClient());
                con.put("errors", c.errors());
                con.put("wallMs", round(c.wallNanos() / 1e6));
                con.put("lookupsPerSecond", Math.round(c.perSecond()));
            });
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.printf("lookup + balance, %d pairs one after another: median %.3f ms, p99 %.3f ms (target %.0f / %.0f ms: %s)%n",
                    pairs.n(), pairs.medianMs(), pairs.p99Ms(), TARGET_MEDIAN_MS, TARGET_P99_MS, met ? "met" : "NOT met");
            out.printf("  lookup alone: median %.3f ms, p99 %.3f ms; balance alone: median %.3f ms, p99 %.3f ms%n",
                    lookupsOnly.medianMs(), lookupsOnly.p99Ms(), balancesOnly.medianMs(), balancesOnly.p99Ms());
            peerTimes.ifPresent(p -> {
                out.printf("peer (Python http.client keep-alive), %d pairs: median %.3f ms, p99 %.3f ms%n",
                        p.pairs().n(), p.pairs().medianMs(), p.pairs().p99Ms());
                out.printf("  lookup alone: median %.3f ms, p99 %.3f ms; balance alone: median %.3f ms, p99 %.3f ms%n",
                        p.lookup().medianMs(), p.lookup().p99Ms(), p.balance().medianMs(), p.balance().p99Ms());
                out.printf("kiosk / peer: median %.2f, p99 %.2f (same simulator, same run, %d alternating blocks)%n",
                        ratio(pairs.medianMs(), p.pairs().medianMs()), ratio(pairs.p99Ms(), p.pairs().p99Ms()), BLOCKS);
            });
            concurrent.ifPresent(c -> out.printf("%d kiosks x %d lookups at once: %d errors, median %.3f ms, p99 %.3f ms, "
                    + "%.0f lookups/s%n", c.clients(), c.lookupsPerClient(), c.errors(), c.latency().medianMs(),
                    c.latency().p99Ms(), c.perSecond()));
        }
        out.flush();
    }

    private static double ratio(double kiosk, double peer) {
        return peer > 0 ? Math.round(kiosk / peer * 100) / 100.0 : Double.NaN;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
