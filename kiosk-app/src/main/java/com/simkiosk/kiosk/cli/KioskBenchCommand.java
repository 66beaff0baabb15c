package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.simkiosk.kiosk.bench.ColdStartProbe;
import com.simkiosk.kiosk.bench.Headless;
import com.simkiosk.kiosk.bench.SessionBench;
import com.simkiosk.kiosk.demo.DemoKiosk;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk bench kiosk}: cold start to the attract screen (separate JVMs), SIM inserted → balance on screen,
 * and resident memory over many sessions. Headless (Monocle, software rendering) so that it runs anywhere.
 */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = "Benchmark the kiosk: cold start, SIM → balance on screen, memory over many sessions (headless).")
public final class KioskBenchCommand implements Callable<Integer> {
    /** Issue 17: the attract screen within 0.6 s on JDK 25 and newer (its AOT cache), 0.8 s on older JDKs. */
    static final double TARGET_COLD_START_MS = Runtime.version().feature() >= 25 ? 600 : 800;
    static final double TARGET_MEDIAN_MS = 100;
    static final double TARGET_P99_MS = 250;
    static final double TARGET_RSS_MB = 300;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--starts", defaultValue = "5", description = "Process starts measured (default ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--sessions", defaultValue = "1000", description = "Measured sessions (default ${DEFAULT-VALUE}; 0: "
            + "the cold starts only).")
    int sessions;

    @Option(names = "--warmup", defaultValue = "50", description = "Sessions run first and not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--sample-every", defaultValue = "0",
            description = "Sample resident memory every N sessions (default: a tenth of --sessions).")
    int sampleEvery;

    @Option(names = "--real-display", description = "Run the sessions on the X display in $DISPLAY with JavaFX's own "
            + "glass and pipeline (GTK, es2 or sw), not headless Monocle. The cold starts stay headless (--starts 0 skips them).")
    boolean realDisplay;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (starts < 0 || sessions < 0 || warmup < 0 || sampleEvery < 0 || (starts == 0 && sessions == 0)) {
            throw new ParameterException(spec.commandLine(), "--starts, --sessions, --warmup and --sample-every must be 0 or "
                    + "more, and --starts and --sessions not both 0");
        }
        long[] cold = new long[starts];
        long[] coldInside = new long[starts];
        long[] coldCpu = new long[starts];
        long[] attached = new long[starts];
        for (int i = 0; i < starts; i++) {
            long[] one = coldStart();
            cold[i] = one[0];
            coldInside[i] = one[1];
            coldCpu[i] = one[2];
            attached[i] = one[3];
        }
        if (sessions == 0) {
            printStartsOnly(cold, coldInside, coldCpu, attached);
            return 0;
        }
        if (!(realDisplay ? Headless.startRealToolkit() : Headless.startToolkit())) {
            System.err.println("bench kiosk: the JavaFX toolkit did not start");
            return 1;
        }
        SessionBench.Result r;
        String rendering;
        try (DemoKiosk demo = DemoKiosk.start()) {
            quietSimulator();
            r = new SessionBench(demo).run(warmup, sessions, sampleEvery > 0 ? sampleEvery : Math.max(1, sessions / 10));
            rendering = realDisplay ? "X display " + System.getenv("DISPLAY") + ", JavaFX pipeline "
                    + com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName()
                    : "Monocle headless, software pipeline (prism.order=sw)";
            printNativeMemory();
        } finally {
            Platform.exit();
        }
        if (starts == 0) {
            printSessionsOnly(r, rendering);
            return 0;
        }
        Timing coldStart = Timing.ofNanos(cold);
        Timing coldJvm = Timing.ofNanos(coldInside);
        Timing coldCpuTime = Timing.ofNanos(coldCpu);
        Timing coldAttached = Timing.ofNanos(attached);
        Timing toBalance = Timing.ofNanos(r.insertToBalanceNanos());
        List<SessionBench.MemorySample> mem = r.memory();
        double trend = trendMbPer1000(mem, SessionBench.MemorySample::rssMb);
        double heapTrend = trendMbPer1000(mem, SessionBench.MemorySample::heapMb);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("coldStartToAttract", coldStartFigures(coldStart, coldJvm, coldCpuTime, coldAttached));
            out.put("simInsertedToBalance", Map.of("medianMs", toBalance.medianMs(), "p99Ms", toBalance.p99Ms(), "n", toBalance.n(),
                    "targetMedianMs", TARGET_MEDIAN_MS, "targetP99Ms", TARGET_P99_MS));
            out.put("memory", Map.of("samples", mem, "rssAfterMb", mem.get(mem.size() - 1).rssMb(),
                    "rssTrendMbPer1000Sessions", trend, "heapAfterGcTrendMbPer1000Sessions", heapTrend, "targetMb", TARGET_RSS_MB));
            out.put("rendering", rendering);
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        } else {
            printColdStart(coldStart, coldJvm, coldCpuTime, coldAttached);
            System.out.printf("SIM inserted → balance on screen (%d sessions): median %.2f ms, p99 %.2f ms; target ≤ %.0f / %.0f ms%n",
                    toBalance.n(), toBalance.medianMs(), toBalance.p99Ms(), TARGET_MEDIAN_MS, TARGET_P99_MS);
            System.out.printf("resident memory: %.1f MB after %d sessions (trend %+.1f MB per 1,000 sessions; heap after GC %+.1f); target ≤ %.0f MB%n",
                    mem.get(mem.size() - 1).rssMb(), sessions, trend, heapTrend, TARGET_RSS_MB);
            mem.forEach(s -> System.out.printf("  after %5d sessions: RSS %.1f MB, heap after GC %.1f MB%n", s.sessions(), s.rssMb(), s.heapMb()));
        }
        return 0;
    }

    private static Map<String, Object> coldStartFigures(Timing coldStart, Timing coldJvm, Timing coldCpuTime, Timing coldAttached) {
        return Map.of("medianMs", coldStart.medianMs(), "p99Ms", coldStart.p99Ms(), "n", coldStart.n(),
                "insideJvmMedianMs", coldJvm.medianMs(), "cpuMedianMs", coldCpuTime.medianMs(), "targetMs", TARGET_COLD_START_MS,
                "partsReadyMedianMs", coldAttached.medianMs(), "partsReadyP99Ms", coldAttached.p99Ms(),
                "loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void printColdStart(Timing coldStart, Timing coldJvm, Timing coldCpuTime, Timing coldAttached) {
        System.out.printf("cold start to attract (%d process starts): median %.1f ms, p99 %.1f ms (inside the JVM %.1f ms, "
                        + "CPU %.1f ms; load average %.2f); target ≤ %.0f ms%n",
                coldStart.n(), coldStart.medianMs(), coldStart.p99Ms(), coldJvm.medianMs(), coldCpuTime.medianMs(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), TARGET_COLD_START_MS);
        System.out.printf("  ... and taking SIMs (the parts started, the flow running behind the attract screen): median %.1f ms, p99 %.1f ms%n",
                coldAttached.medianMs(), coldAttached.p99Ms());
    }

    /** Only the cold starts ({@code --sessions 0}): no toolkit in this JVM, no sessions. */
    private void printStartsOnly(long[] cold, long[] coldInside, long[] coldCpu, long[] attached) throws Exception {
        Timing coldStart = Timing.ofNanos(cold);
        Timing coldJvm = Timing.ofNanos(coldInside);
        Timing coldCpuTime = Timing.ofNanos(coldCpu);
        Timing coldAttached = Timing.ofNanos(attached);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    Map.of("coldStartToAttract", coldStartFigures(coldStart, coldJvm, coldCpuTime, coldAttached))));
        } else {
            printColdStart(coldStart, coldJvm, coldCpuTime, coldAttached);
        }
    }

    /** Only the sessions (no cold starts): insert → balance and memory. */
    private void printSessionsOnly(SessionBench.Result r, String rendering) throws Exception {
        Timing toBalance = Timing.ofNanos(r.insertToBalanceNanos());
        List<SessionBench.MemorySample> mem = r.memory();
        double trend = trendMbPer1000(mem, SessionBench.MemorySample::rssMb);
        double heapTrend = trendMbPer1000(mem, SessionBench.MemorySample::heapMb);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("simInsertedToBalance", Map.of("medianMs", toBalance.medianMs(), "p99Ms", toBalance.p99Ms(), "n", toBalance.n(),
                    "targetMedianMs", TARGET_MEDIAN_MS, "targetP99Ms", TARGET_P99_MS));
            out.put("memory", Map.of("samples", mem, "rssAfterMb", mem.get(mem.size() - 1).rssMb(),
                    "rssTrendMbPer1000Sessions", trend, "heapAfterGcTrendMbPer1000Sessions", heapTrend, "targetMb", TARGET_RSS_MB));
            out.put("rendering", rendering);
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        } else {
            System.out.printf("rendering: %s%n", rendering);
            System.out.printf("SIM inserted → balance on screen (%d sessions): median %.2f ms, p99 %.2f ms%n",
                    toBalance.n(), toBalance.medianMs(), toBalance.p99Ms());
            System.out.printf("resident memory: %.1f MB after %d sessions (trend %+.1f MB per 1,000 sessions); target ≤ %.0f MB%n",
                    mem.get(mem.size() - 1).rssMb(), sessions, trend, TARGET_RSS_MB);
            mem.forEach(s -> System.out.printf("  after %5d sessions: RSS %.1f MB, heap after GC %.1f MB%n", s.sessions(), s.rssMb(), s.heapMb()));
        }
    }

    /**
     * With {@code -XX:NativeMemoryTracking=summary} (in KIOSK_JAVA_OPTS), the JVM's own account of its memory after
     * the sessions, on standard error: what holds the resident set. Nothing without it.
     */
    private static void printNativeMemory() {
        if (!nativeMemoryTracked(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
            return;
        }
        try {
            javax.management.ObjectName name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
            Object summary = ManagementFactory.getPlatformMBeanServer().invoke(name, "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            if (!String.valueOf(summary).contains("not enabled")) {
                System.err.println(summary);
            }
        } catch (javax.management.JMException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e; // an MBeanException says nothing itself
            System.err.println("bench kiosk: no native memory summary: " + cause);
        }
    }

    /** Whether the JVM was started with native memory tracking on (the last such option counts, as for the JVM). */
    static boolean nativeMemoryTracked(List<String> jvmArguments) {
        String mode = "off";
        for (String a : jvmArguments) {
            if (a.startsWith("-XX:NativeMemoryTracking=")) {
                mode = a.substring("-XX:NativeMemoryTracking=".length());
            }
        }
        return !mode.equals("off");
    }

    /** The simulator logs each request at INFO: its cost, not the kiosk's. */
    static void quietSimulator() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.simkiosk.mock"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.simkiosk.kiosk"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.simkiosk.carrier"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    /** Least-squares slope of a figure over the second half of the samples, in MB per 1,000 sessions. */
    static double trendMbPer1000(List<SessionBench.MemorySample> samples,
                                 java.util.function.ToDoubleFunction<SessionBench.MemorySample> figure) {
        List<SessionBench.MemorySample> tail = samples.subList(samples.size() / 2, samples.size());
        int n = tail.size();
        if (n < 2) {
            return 0;
        }
        double mx = tail.stream().mapToDouble(SessionBench.MemorySample::sessions).average().orElse(0);
        double my = tail.stream().mapToDouble(figure).average().orElse(0);
        double num = 0;
        double den = 0;
        for (SessionBench.MemorySample s : tail) {
            num += (s.sessions() - mx) * (figure.applyAsDouble(s) - my);
            den += (s.sessions() - mx) * (s.sessions() - mx);
        }
        return den == 0 ? 0 : Math.round(num / den * 1000 * 10) / 10.0;
    }

    /**
     * One child JVM: wall time to its READY line (the attract screen laid out), its own figure since JVM start, its
     * CPU time, and the wall time to its ATTACHED line (the parts started and the flow running); in nanoseconds.
     */
    private static long[] coldStart() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The same JVM options as this JVM (./kiosk's defaults, its class archive and KIOSK_JAVA_OPTS), so that the
        // children start as a customer's kiosk does; but no debugger or agent, and no archive dumping of their own.
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-XX:ArchiveClassesAtExit")
                        && !a.startsWith("-XX:AOTCacheOutput") && !a.startsWith("-XX:AOTMode")).toList());
        cmd.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), ColdStartProbe.class.getName()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            long[] ready = null;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(ColdStartProbe.READY)) {
                    long wall = System.nanoTime() - start;
                    String[] figures = line.substring(ColdStartProbe.READY.length()).trim().split(" ");
                    long inside = Long.parseLong(figures[0]) * 1_000_000L;
                    long cpu = Long.parseLong(figures[1]) * 1_000_000L;
                    ready = new long[] {wall, inside, cpu, 0};
                } else if (line.startsWith(ColdStartProbe.ATTACHED) && ready != null) {
                    ready[3] = System.nanoTime() - start;
                    return ready;
                }
            }
            if (ready != null) {
                ready[3] = ready[0]; // a probe that built its screen with the parts: the two moments are one
                return ready;
            }
        } finally {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        throw new IllegalStateException("the cold-start probe ended without reaching the attract screen");
    }
}
