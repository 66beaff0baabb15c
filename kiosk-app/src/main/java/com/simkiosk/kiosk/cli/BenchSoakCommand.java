package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.mock.vpcd.PcscdProcess;
import java.io.File;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk bench soak}: complete customer journeys for minutes on end through the real session flow, the
 * PC/SC driver, pcscd + vpcd with virtual SIMs and the real carrier client against the loopback simulator, with
 * faults mixed in (cards pulled mid-read, too slow and slow cards, stalled answers, 500s, 503s, an order applied
 * and its answer lost). Prints the sessions, their outcomes by kind, the stuck sessions (must be 0), the journey
 * times, and the process's resident memory, threads and open files at start and end. No UI: the flow is headless
 * as in {@code bench flow}; {@code bench kiosk} measures the screens.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Soak: whole journeys with faults through pcscd + vpcd and the carrier simulator; stuck sessions, "
                + "outcomes, p99, RSS/threads/fds at start and end.")
public final class BenchSoakCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", defaultValue = "10", description = "How long to run, fractions allowed (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--sessions", defaultValue = "0", description = "Stop after this many sessions (default: no limit).")
    int sessions;

    @Option(names = "--slot", defaultValue = "0", description = "vpcd slot of the soak's card (default: ${DEFAULT-VALUE}).")
    int slot;

    @Option(names = "--sample-seconds", defaultValue = "60",
            description = "Process figures every this many seconds (default: ${DEFAULT-VALUE}).")
    int sampleSeconds;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(minutes > 0) || sessions < 0 || sampleSeconds < 1 || slot < 0 || slot > 1) {
            throw new ParameterException(spec.commandLine(),
                    "--minutes must be positive, --sessions at least 0, --sample-seconds at least 1, --slot 0 or 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Each session logs a few lines and each fault a warning: thousands of them would be what this measured.
        Map<String, ch.qos.logback.classic.Level> quiet = Map.of(
                "com.simkiosk", ch.qos.logback.classic.Level.ERROR,
                "com.simkiosk.mock", ch.qos.logback.classic.Level.ERROR);
        Map<String, ch.qos.logback.classic.Level> before = new java.util.HashMap<>();
        quiet.forEach((name, level) -> {
            ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name);
            before.put(name, logger.getLevel());
            logger.setLevel(level);
        });
        File log = File.createTempFile("kiosk-soak-pcscd", ".log");
        log.deleteOnExit();
        // The tests' pcscd lock first (like bench card): a test build keeps its pcscd to itself until it is done.
        PcscdProcess pcscd = new PcscdProcess(log);
        FlowConfig config = FlowConfig.defaults();
        SoakRun soak = new SoakRun(config, slot, err);
        try {
            boolean own = pcscd.startUnlessRunning();
            if (own) {
                err.println("bench soak: no pcscd running; started one for this soak (stopped afterwards)");
                err.flush();
            }
            SoakRun.Result result = soak.run(Duration.ofMillis(Math.round(minutes * 60_000)), sessions,
                    Duration.ofSeconds(sampleSeconds));
            report(out, config, soak, result);
            return result.stuck().isEmpty() ? 0 : 3;
        } catch (IllegalStateException e) {
            err.println("bench soak: " + e.getMessage());
            return 1;
        } finally {
            pcscd.close();
            before.forEach((name, level) ->
                    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name)).setLevel(level));
        }
    }

    private void report(PrintWriter out, FlowConfig config, SoakRun soak, SoakRun.Result r) throws Exception {
        ProcessFigures first = r.afterFirstRound();
        ProcessFigures last = r.samples().get(r.samples().size() - 1);
        Timing journey = r.sessions() == 0 ? null : Timing.ofNanos(r.journeyNanos());
        Timing healthy = r.healthyJourneyNanos().length == 0 ? null : Timing.ofNanos(r.healthyJourneyNanos());
        double maxMs = java.util.Arrays.stream(r.journeyNanos()).max().orElse(0) / 1e6;
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("area", "soak");
            node.put("what", "whole journeys (SIM in -> screens answered at once -> SIM out -> attract) through SessionFlow, "
                    + "the PC/SC driver, pcscd + vpcd (virtual SIMs) and the TMF client against the loopback simulator, "
                    + "faults mixed in by a fixed round");
            node.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
            node.put("minutes", minutes);
            node.put("elapsedSeconds", Math.round(r.elapsedSeconds() * 10) / 10.0);
            node.put("sessions", r.sessions());
            node.set("outcomes", mapper.valueToTree(r.outcomes()));
            ObjectNode scenarios = node.putObject("scenarios");
            r.byScenario().forEach((scenario, outcomes) -> {
                ObjectNode one = scenarios.putObject(scenario.name());
                one.put("what", scenario.what);
                one.put("sessions", outcomes.values().stream().mapToInt(Integer::intValue).sum());
                one.set("outcomes", mapper.valueToTree(outcomes));
            });
            node.put("stuck", r.stuck().size());
            node.set("stuckSessions", mapper.valueToTree(r.stuck()));
            node.put("busyBoundMs", soak.busyBound().toMillis());
            node.put("longestBusyMs", Math.round(r.longestBusyNanos() / 1e5) / 10.0);
            node.put("cardReadWaitMs", config.cardReadWait().toMillis());
            node.put("carrierWaitMs", config.carrierWait().toMillis());
            ObjectNode journeys = node.putObject("journeyMs");
            if (journey != null) {
                journeys.put("median", journey.medianMs());
                journeys.put("p99", journey.p99Ms());
                journeys.put("max", Math.round(maxMs * 10) / 10.0);
            }
            if (healthy != null) {
                ObjectNode h = node.putObject("healthyJourneyMs");
                h.put("n", healthy.n());
                h.put("median", healthy.medianMs());
                h.put("p99", healthy.p99Ms());
            }
            ObjectNode process = node.putObject("process");
            process.put("startIs", "after the first round of " + SoakRun.ROUND.size()
                    + " sessions (every kind once: classes loaded, pools and connections made)");
            process.set("beforeSessions", mapper.valueToTree(r.samples().get(0)));
            process.set("start", mapper.valueToTree(first));
            process.set("end", mapper.valueToTree(last));
            ArrayNode samples = process.putArray("samples");
            r.samples().forEach(s -> samples.add(mapper.valueToTree(s)));
            out.println(node.toPrettyString());
        } else {
            out.printf("soak: %d sessions in %.0f s; stuck %d (busy bound %d ms, longest busy %.0f ms)%n", r.sessions(),
                    r.elapsedSeconds(), r.stuck().size(), soak.busyBound().toMillis(), r.longestBusyNanos() / 1e6);
            out.printf("outcomes: %s%n", r.outcomes());
            r.byScenario().forEach((scenario, outcomes) -> out.printf("  %-26s %s%n", scenario, outcomes));
            if (journey != null) {
                out.printf("journey (SIM in -> attract): median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        journey.medianMs(), journey.p99Ms(), maxMs);
            }
            if (healthy != null) {
                out.printf("healthy journeys (%d): median %.1f ms, p99 %.1f ms%n", healthy.n(), healthy.medianMs(), healthy.p99Ms());
            }
            out.printf("process (start = after the first round of %d sessions): RSS %.1f -> %.1f MB, threads %d -> %d, fds %d -> %d, heap after GC %.1f -> %.1f MB%n",
                    SoakRun.ROUND.size(), first.rssMb(), last.rssMb(), first.threads(), last.threads(), first.fds(), last.fds(),
                    first.heapAfterGcMb(), last.heapAfterGcMb());
            r.stuck().forEach(s -> out.printf("stuck: %s%n", s));
        }
        out.flush();
    }
}
