package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.kiosk.telemetry.BrokerOptions;
import com.simkiosk.kiosk.telemetry.FleetTable;
import com.simkiosk.kiosk.telemetry.FleetWatch;
import com.simkiosk.kiosk.telemetry.Payloads;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk fleet --broker URL [--json]}: every kiosk that reports to the broker, as a table refreshed in the
 * terminal, or one JSON snapshot. {@code --measure S} listens for S seconds and prints messages per second and
 * the publish-to-here latency instead (the figures in {@code docs/benchmarks.md}).
 */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "Show the live fleet table from the telemetry broker (--json: one snapshot).")
public final class FleetCommand implements Callable<Integer> {
    static final int BROKER_ERROR = 1;

    @Mixin
    BrokerCliOptions broker;

    @Option(names = "--json", description = "Print one JSON snapshot and exit.")
    boolean json;

    @Option(names = "--wait", paramLabel = "S", defaultValue = "3",
            description = "With --json: listen this many seconds before the snapshot (default ${DEFAULT-VALUE}).")
    double waitSeconds;

    @Option(names = "--refresh", paramLabel = "S", defaultValue = "2", description = "Table refresh period (default ${DEFAULT-VALUE}).")
    double refreshSeconds;

    @Option(names = "--measure", paramLabel = "S", description = "Listen S seconds; print messages/s and latency as JSON.")
    Double measureSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        FleetTable table = measureSeconds == null ? new FleetTable(Clock.systemUTC())
                : new FleetTable(Clock.systemUTC(), d -> latencies.add(d.toNanos()));
        FleetWatch watch;
        try {
            watch = FleetWatch.start(broker.settings(Duration.ofSeconds(60), 1), System.getenv(), table);
        } catch (IllegalArgumentException | BrokerOptions.Unusable e) {
            return fail(out, "INVALID_INPUT", e.getMessage(), CliFailures.INVALID_INPUT);
        } catch (MqttException e) {
            return fail(out, "BROKER_UNAVAILABLE", "the broker " + broker.broker + " refused or did not answer ("
                    + e.getMessage() + ")", BROKER_ERROR);
        }
        try (watch) {
            if (measureSeconds != null) {
                return measure(out, table, latencies);
            }
            if (json) {
                pause(waitSeconds);
                out.println(Payloads.JSON.writeValueAsString(java.util.Map.of("kiosks", table.rows())));
                return 0;
            }
            while (!Thread.currentThread().isInterrupted()) {
                out.print("\033[H\033[2J");
                print(out, table.rows());
                out.flush();
                pause(refreshSeconds);
            }
            return 0;
        }
    }

    private int measure(PrintWriter out, FleetTable table, ConcurrentLinkedQueue<Long> latencies) throws Exception {
        pause(Math.min(5, measureSeconds)); // retained states and the first round of connects settle
        latencies.clear();
        long before = table.messages();
        long start = System.nanoTime();
        pause(measureSeconds);
        double seconds = (System.nanoTime() - start) / 1e9;
        long messages = table.messages() - before;
        long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        ObjectNode result = Payloads.JSON.createObjectNode();
        result.put("kiosks", table.rows().size())
                .put("online", table.rows().stream().filter(FleetTable.Row::online).count())
                .put("seconds", Math.round(seconds * 10) / 10.0)
                .put("messages", messages)
                .put("messagesPerSecond", Math.round(messages / seconds * 10) / 10.0)
                .put("heapUsedMiB", (rt.totalMemory() - rt.freeMemory()) >> 20);
        if (nanos.length > 0) {
            Timing latency = Timing.ofNanos(nanos);
            result.putObject("latency").put("medianMs", latency.medianMs()).put("p99Ms", latency.p99Ms()).put("n", latency.n());
        }
        out.println(Payloads.JSON.writeValueAsString(result));
        return 0;
    }

    static void print(PrintWriter out, List<FleetTable.Row> rows) {
        out.printf("%-12s %-10s %-30s %-16s %-10s %-12s %-18s %8s %8s%n", "STORE", "KIOSK", "STATUS", "VERSION",
                "READER", "PRINTER", "BACK ENDS", "TODAY", "ERR/1H");
        for (FleetTable.Row r : rows) {
            String backends = r.backends().values().stream().allMatch(s -> s.equals("UP") || s.equals("UNKNOWN"))
                    ? (r.backends().isEmpty() ? "-" : "UP") : String.join(",", r.backends().entrySet().stream()
                    .filter(e -> !e.getValue().equals("UP")).map(e -> e.getKey() + "=" + e.getValue()).toList());
            out.printf("%-12s %-10s %-30s %-16s %-10s %-12s %-18s %8d %8d%n", r.store(), r.kiosk(),
                    r.online() ? "online" : "OFFLINE since " + r.since(), r.version(), r.reader(), r.printer(), backends,
                    r.sessionsToday(), r.errorsLastHour());
        }
        out.printf("%d kiosks, %d online%n", rows.size(), rows.stream().filter(FleetTable.Row::online).count());
    }

    /** Waits without a busy loop; an interrupt (Ctrl-C) ends the wait. */
    static void pause(double seconds) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos((long) (seconds * 1000));
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(deadline - System.nanoTime());
        }
    }

    private int fail(PrintWriter out, String code, String message, int exit) throws Exception {
        if (json || measureSeconds != null) {
            out.println(Payloads.JSON.writeValueAsString(java.util.Map.of("error", code, "message", message)));
        } else {
            spec.commandLine().getErr().println("fleet: " + message);
        }
        return exit;
    }
}
