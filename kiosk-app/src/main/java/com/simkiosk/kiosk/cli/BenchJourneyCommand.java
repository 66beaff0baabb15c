package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.kiosk.bench.Headless;
import com.simkiosk.kiosk.bench.JourneyBench;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.mock.vpcd.PcscdProcess;
import com.simkiosk.mock.vpcd.VpcdBridge;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk bench journey}: the whole SIM journey on the real stack — a virtual USIM through pcscd + vpcd, the
 * kiosk's PC/SC driver, the SIM check and the carrier over loopback HTTP (the simulator, as {@code bench carrier}
 * starts it), the balance screen laid out on headless Monocle — with its split into card, carrier and render.
 * Starts its own pcscd when none runs, and says so.
 */
@Command(name = "journey", mixinStandardHelpOptions = true,
        description = "Median and p99 of SIM reported -> balance on screen through pcscd + vpcd, the carrier simulator "
                + "and the kiosk's screens (headless), split into card, carrier and render.")
public final class BenchJourneyCommand implements Callable<Integer> {
    static final double TARGET_P99_MS = 50;
    /** Exit status when pcscd cannot be had (held by another run, or cannot start). */
    static final int PCSCD_UNAVAILABLE = 3;
    /** The lock the tests and benchmarks queue on for the machine's one pcscd ({@code PcscdProcess}). */
    private static final String PCSCD_LOCK = System.getProperty("java.io.tmpdir") + "/simkiosk-pcscd.lock";

    @Option(names = "--journeys", defaultValue = "500", description = "Measured journeys (default: ${DEFAULT-VALUE}; "
            + "each takes ≈ 0.9 s, as pcscd polls vpcd every 400 ms for the card's arrival and again for its removal: "
            + "500 take ≈ 8 min, progress on stderr).")
    int journeys;

    @Option(names = "--warmup", defaultValue = "30", description = "Journeys run first and not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--slot", defaultValue = "1", description = "vpcd slot for the journey's card (default: ${DEFAULT-VALUE}).")
    int slot;

    @Option(names = "--host-stalls", description = "Also run a meter on every CPU (python3, real-time priority when "
            + "allowed) that sees the CPU time the host takes from this machine, and group the journeys by how much it took "
            + "during them.")
    boolean hostStalls;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (journeys < 1 || warmup < 0 || slot < 0 || slot > 1) {
            throw new ParameterException(spec.commandLine(), "--journeys must be at least 1, --warmup at least 0, --slot 0 or 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        File log = File.createTempFile("kiosk-bench-pcscd", ".log");
        log.deleteOnExit();
        List<JourneyBench.Journey> measured;
        Optional<HostStalls.Seen> host = Optional.empty();
        boolean own;
        PcscdProcess pcscd = new PcscdProcess(log);
        try {
            try {
                own = CardBenchCommand.startPcscd(pcscd, err);
            } catch (IllegalStateException unavailable) {
                return pcscdUnavailable(unavailable);
            }
            try {
                if (!Headless.startToolkit()) {
                    err.println("bench journey: the JavaFX toolkit did not start");
                    return 1;
                }
            } catch (IllegalStateException alreadyRunning) {
                // a JVM that runs JavaFX already (a test run): use its toolkit
            }
            KioskBenchCommand.quietSimulator(); // each journey logs a few INFO lines: printing them is not the journey
            HostStalls meters;
            try {
                meters = hostStalls ? HostStalls.start("python3") : null;
            } catch (IOException | IllegalStateException noMeter) {
                err.println("bench journey: the host-stall meters could not start (python3 is needed): " + noMeter.getMessage());
                return 1;
            }
            try (meters) {
                DemoKiosk demo = DemoKiosk.start();
                // The bench's runtime owns the demo, the reader and the bridge from here (closed with the kiosk).
                measured = new JourneyBench(demo, new PcscSimReader(), new VpcdBridge(slot), slot).run(warmup, journeys,
                        done -> {
                            err.printf("bench journey: %d of %d journeys%n", done, journeys);
                            err.flush();
                        });
                if (meters != null) {
                    host = Optional.of(meters.stop());
                }
            }
        } finally {
            pcscd.close(); // the toolkit stays up: ./kiosk ends the JVM when the command returns
        }
        report(measured, own, host);
        return 0;
    }

    /**
     * pcscd could not be had (its lock held by another test build or bench past the wait, another pcscd, vpcd's port
     * taken): say what and what to do, rather than "failed unexpectedly". The message names paths and PIDs only.
     */
    private int pcscdUnavailable(IllegalStateException why) {
        String message = "pcscd is not available: " + why.getMessage() + ". The bench needs pcscd and vpcd to itself, and "
                + "only one test build or benchmark may own pcscd at a time (they queue on its lock, "
                + PCSCD_LOCK + ", for up to 3 min); wait for the other run to end (`fuser -v " + PCSCD_LOCK
                + "` shows who holds it) and run bench journey again.";
        if (json) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(CardJson.MAPPER.createObjectNode().put("error", "PCSCD_UNAVAILABLE").put("message", message));
            out.flush();
        } else {
            PrintWriter err = spec.commandLine().getErr();
            err.println("bench journey: " + message);
            err.flush();
        }
        return PCSCD_UNAVAILABLE;
    }

    private void report(List<JourneyBench.Journey> measured, boolean ownPcscd, Optional<HostStalls.Seen> host)
            throws Exception {
        ObjectNode result = CardJson.MAPPER.createObjectNode();
        result.put("benchmark", "journey");
        result.put("operation", "virtual USIM in vpcd -> pcscd reports it -> identity read (PC/SC) -> SIM check "
                + "(EF.IMSI + AUTHENTICATE, BSF over HTTP) -> carrier look-up and balance over loopback HTTP -> "
                + "balance screen laid out (Monocle headless, software pipeline)");
        result.put("journeys", measured.size());
        result.put("targetP99Ms", TARGET_P99_MS);
        result.put("startedOwnPcscd", ownPcscd);
        result.set("journey", figures(measured, JourneyBench.Journey::totalNanos));
        result.set("card", figures(measured, JourneyBench.Journey::cardNanos));
        result.set("carrier", figures(measured, JourneyBench.Journey::carrierNanos));
        result.set("render", figures(measured, JourneyBench.Journey::renderNanos));
        result.set("pcscdNoticed", figures(measured, JourneyBench.Journey::noticedNanos));
        ObjectNode calls = result.putObject("calls");
        measured.stream().flatMap(j -> j.calls().keySet().stream()).distinct().sorted().forEach(name -> calls.set(name,
                CardJson.MAPPER.valueToTree(Timing.ofNanos(measured.stream().map(j -> j.calls().get(name))
                        .filter(n -> n != null).mapToLong(Long::longValue).toArray()))));
        host.ifPresent(seen -> result.set("host", hostFigures(measured, seen)));
        List<JourneyBench.Journey> slowest = slowest(measured);
        var tail = result.putArray("slowest");
        for (JourneyBench.Journey j : slowest) {
            ObjectNode one = tail.addObject();
            one.put("journeyMs", ms(j.totalNanos())).put("cardMs", ms(j.cardNanos())).put("carrierMs", ms(j.carrierNanos()))
                    .put("renderMs", ms(j.renderNanos()));
            host.ifPresent(seen -> one.put("hostTookMs", ms(seen.takenWithin(j.startedAt(), j.endedAt()))));
            ObjectNode longer = one.putObject("longerThanUsual");
            longerThanUsual(j, calls).forEach((name, nanos) -> longer.put(name, ms(nanos)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CardJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            out.flush();
            return;
        }
        out.println("journey: " + result.get("operation").asText());
        line(out, "journey", result, "card reported -> balance laid out; target p99 <= " + (int) TARGET_P99_MS + " ms");
        line(out, "  card", result, "identity read, EF.IMSI and AUTHENTICATE through pcscd + vpcd");
        line(out, "  carrier", result, "BSF, look-up and balance over loopback HTTP, and the flow's hops");
        line(out, "  render", result, "balance state -> balance screen laid out in a pulse");
        line(out, "pcscdNoticed", result, "card plugged into vpcd -> reported (pcscd polls vpcd; not in the journey)");
        out.println("calls of one journey (a call made twice counts once, summed; the BSF's HTTP is in carrier, not here):");
        calls.fields().forEachRemaining(e -> out.printf("  %-40s median %8.3f ms   p99 %8.3f ms   n=%d%n", e.getKey(),
                e.getValue().get("medianMs").asDouble(), e.getValue().get("p99Ms").asDouble(), e.getValue().get("n").asInt()));
        if (result.has("host")) {
            printHost(out, (ObjectNode) result.get("host"));
        }
        out.printf("the slowest 1 %% (%d journeys): parts, and what took ≥ 2 ms more than its median%n", slowest.size());
        for (int i = 0; i < slowest.size(); i++) {
            JourneyBench.Journey j = slowest.get(i);
            out.printf("  %8.3f ms: card %.3f, carrier %.3f, render %.3f;", ms(j.totalNanos()), ms(j.cardNanos()),
                    ms(j.carrierNanos()), ms(j.renderNanos()));
            JsonNode took = tail.get(i).get("hostTookMs");
            if (took != null) {
                out.printf(" host took %.3f CPU-ms;", took.asDouble());
            }
            longerThanUsual(j, calls).forEach((name, nanos) -> out.printf(" %s %.3f;", name, ms(nanos)));
            out.println();
        }
        out.flush();
    }

    /** Journeys by how much CPU time the host took during them: up to each bound (ms), the last one open. */
    static final double[] HOST_TOOK_BOUNDS_MS = {0.5, 5};

    /**
     * What the host meters saw while the journeys ran (first report to last layout), and the journeys grouped by the
     * CPU time the host took during them (both CPUs summed: time taken from a CPU none of the journey's threads was
     * waiting for counts too, so a group is an upper bound of what the host cost its journeys).
     */
    private static ObjectNode hostFigures(List<JourneyBench.Journey> measured, HostStalls.Seen seen) {
        long from = measured.stream().mapToLong(JourneyBench.Journey::startedAt).min().orElseThrow();
        long to = measured.stream().mapToLong(JourneyBench.Journey::endedAt).max().orElseThrow();
        List<HostStalls.Stall> during = seen.stalls().stream().filter(s -> s.end() > from && s.start() < to).toList();
        ObjectNode node = CardJson.MAPPER.createObjectNode();
        node.put("meter", "one per CPU, waking every " + HostStalls.PERIOD_US / 1000.0 + " ms at " + seen.policy()
                + " priority; counted: wake-ups at least 0.5 ms late");
        node.put("policy", seen.policy());
        double seconds = (to - from) / 1e9;
        node.put("seconds", Math.round(seconds * 100) / 100.0);
        node.put("tookCpuMsPerSecond", Math.round(seen.takenWithin(from, to) / 1e4 / seconds) / 100.0);
        node.put("stalls", during.size());
        for (int atLeast : new int[] {10, 20, 40}) {
            node.put("stallsAtLeast" + atLeast + "Ms", during.stream().filter(s -> s.nanos() >= atLeast * 1_000_000L).count());
        }
        node.put("longestStallMs", ms(during.stream().mapToLong(HostStalls.Stall::nanos).max().orElse(0)));
        var groups = node.putArray("journeysByHostTook");
        double lower = 0;
        for (int g = 0; g <= HOST_TOOK_BOUNDS_MS.length; g++) {
            double low = lower;
            double high = g < HOST_TOOK_BOUNDS_MS.length ? HOST_TOOK_BOUNDS_MS[g] : Double.POSITIVE_INFINITY;
            List<JourneyBench.Journey> in = measured.stream().filter(j -> {
                double took = seen.takenWithin(j.startedAt(), j.endedAt()) / 1e6;
                return took >= low && took < high;
            }).toList();
            ObjectNode group = groups.addObject().put("fromMs", low);
            if (high != Double.POSITIVE_INFINITY) {
                group.put("belowMs", high);
            }
            group.put("n", in.size());
            if (!in.isEmpty()) {
                group.set("journey", figures(in, JourneyBench.Journey::totalNanos));
            }
            lower = high;
        }
        return node;
    }

    private static void printHost(PrintWriter out, ObjectNode h) {
        out.printf("host (%s): took %.2f CPU-ms per second over %.1f s; stalls >= 3 ms: %d (>= 10 ms: %d, >= 20 ms: %d, "
                        + ">= 40 ms: %d; longest %.3f ms)%n", h.get("meter").asText(), h.get("tookCpuMsPerSecond").asDouble(),
                h.get("seconds").asDouble(), h.get("stalls").asInt(), h.get("stallsAtLeast10Ms").asInt(),
                h.get("stallsAtLeast20Ms").asInt(), h.get("stallsAtLeast40Ms").asInt(), h.get("longestStallMs").asDouble());
        for (JsonNode g : h.get("journeysByHostTook")) {
            String range = g.has("belowMs") ? String.format("%.1f-%.1f", g.get("fromMs").asDouble(), g.get("belowMs").asDouble())
                    : String.format(">= %.1f", g.get("fromMs").asDouble());
            JsonNode m = g.get("journey");
            if (m == null) {
                out.printf("  journeys the host took %-9s CPU-ms from: none%n", range);
            } else {
                out.printf("  journeys the host took %-9s CPU-ms from: median %8.3f ms   p99 %8.3f ms   n=%d%n", range,
                        m.get("medianMs").asDouble(), m.get("p99Ms").asDouble(), m.get("n").asInt());
            }
        }
    }

    /** The slowest 1 % of the journeys (at least one), slowest first. */
    private static List<JourneyBench.Journey> slowest(List<JourneyBench.Journey> measured) {
        int n = Math.max(1, (int) Math.ceil(measured.size() / 100.0));
        return measured.stream().sorted(java.util.Comparator.comparingLong(JourneyBench.Journey::totalNanos).reversed())
                .limit(n).toList();
    }

    /** The calls of {@code j} that took at least 2 ms more than their median over all journeys (a GC: any). */
    private static java.util.Map<String, Long> longerThanUsual(JourneyBench.Journey j, ObjectNode calls) {
        java.util.Map<String, Long> longer = new java.util.LinkedHashMap<>();
        j.calls().forEach((name, nanos) -> {
            double median = calls.has(name) ? calls.get(name).get("medianMs").asDouble() : 0;
            if (name.equals(JourneyBench.GC_IN_JOURNEY) || ms(nanos) - median >= 2.0) {
                longer.put(name, nanos);
            }
        });
        return longer;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    private static void line(PrintWriter out, String label, ObjectNode result, String what) {
        ObjectNode m = (ObjectNode) result.get(label.trim());
        out.printf("%-13s median %8.3f ms   p99 %8.3f ms   n=%d   (%s)%n", label,
                m.get("medianMs").asDouble(), m.get("p99Ms").asDouble(), m.get("n").asInt(), what);
    }

    private static ObjectNode figures(List<JourneyBench.Journey> measured, ToLongFunction<JourneyBench.Journey> part) {
        return CardJson.MAPPER.valueToTree(Timing.ofNanos(measured.stream().mapToLong(part).toArray()));
    }
}
