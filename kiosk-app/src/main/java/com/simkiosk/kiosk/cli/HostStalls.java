package com.simkiosk.kiosk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code bench journey --host-stalls}: one {@code host_stalls.py} per CPU (shipped next to this class), each waking
 * every {@link #PERIOD_US} µs pinned to its CPU at real-time priority, noting every wake-up at least 0.5 ms late. At
 * real-time priority no thread of this machine can delay it: the late time is CPU time taken from the machine (by the
 * hypervisor) or spent on interrupts. Laid over the journeys, it says how much CPU the host took during each one,
 * measured in the same run.
 */
final class HostStalls implements AutoCloseable {
    static final String SCRIPT = "host_stalls.py";
    static final int PERIOD_US = 1_000;
    /** The late time is kept per bucket of this length (per CPU). */
    static final int BUCKET_US = 1_000;
    /** A wake-up this late is also kept as a stall, whole. */
    static final int STALL_US = 3_000;
    private static final long WAIT_SECONDS = 20;

    /** A wake-up at least {@link #STALL_US} late on {@code cpu}: the gap since the one before ({@link System#nanoTime()} clock). */
    record Stall(int cpu, long start, long end) {
        long nanos() {
            return end - start;
        }
    }

    /** Time taken from {@code cpu} within the bucket that starts at {@code start}. */
    record Taken(int cpu, long start, long nanos) {}

    /**
     * What the meters saw: how they ran ("fifo" when every one had real-time priority, else "normal": then the
     * machine's own load counts too), the late time by bucket, and the long stalls, each by start.
     */
    record Seen(String policy, List<Taken> taken, List<Stall> stalls) {

        /** The CPU time (all CPUs summed) the host took within [from, to], a bucket counting by its overlap. */
        long takenWithin(long from, long to) {
            long bucket = BUCKET_US * 1_000L;
            double total = 0;
            for (Taken t : taken) {
                long overlap = Math.min(to, t.start() + bucket) - Math.max(from, t.start());
                if (overlap > 0) {
                    total += (double) t.nanos() * overlap / bucket;
                }
            }
            return Math.round(total);
        }
    }

    /** A started meter and its output. */
    private record Meter(Process process, BufferedReader out) {}

    private final List<Meter> meters;
    private final String policy;

    private HostStalls(List<Meter> meters, String policy) {
        this.meters = meters;
        this.policy = policy;
    }

    /** One meter per CPU this JVM may run on, each started and ready (a meter silent for 20 s is ended: an error). */
    static HostStalls start(String python) throws IOException, InterruptedException {
        String script;
        try (InputStream source = HostStalls.class.getResourceAsStream(SCRIPT)) {
            if (source == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the kiosk's jar");
            }
            script = new String(source.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Meter> meters = new ArrayList<>();
        String policy = "fifo";
        try {
            for (int cpu = 0; cpu < Runtime.getRuntime().availableProcessors(); cpu++) {
                Process p = new ProcessBuilder(python, "-c", script, Integer.toString(cpu), Integer.toString(PERIOD_US),
                        Integer.toString(BUCKET_US), Integer.toString(STALL_US)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                Meter meter = new Meter(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII)));
                meters.add(meter);
                String ready = firstLine(meter);
                if (ready == null || !ready.startsWith("ready ")) {
                    throw new IllegalStateException("the host-stall meter on CPU " + cpu + " did not start");
                }
                if (!ready.equals("ready fifo")) {
                    policy = ready.substring("ready ".length());
                }
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            meters.forEach(m -> m.process().destroyForcibly());
            throw e;
        }
        return new HostStalls(meters, policy);
    }

    /** Ends the meters and returns what they saw. */
    Seen stop() throws IOException, InterruptedException {
        List<Taken> taken = new ArrayList<>();
        List<Stall> stalls = new ArrayList<>();
        for (Meter m : meters) {
            m.process().getOutputStream().close(); // end of input: the meter prints what it saw and ends
        }
        for (int cpu = 0; cpu < meters.size(); cpu++) {
            Meter m = meters.get(cpu);
            String line;
            while ((line = m.out().readLine()) != null && !line.equals("end")) {
                String[] f = line.split(" ");
                if (f[0].equals("b")) {
                    taken.add(new Taken(cpu, Long.parseLong(f[1]), Long.parseLong(f[2])));
                } else {
                    stalls.add(new Stall(cpu, Long.parseLong(f[1]), Long.parseLong(f[2])));
                }
            }
            if (!m.process().waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                m.process().destroyForcibly();
            }
        }
        taken.sort(Comparator.comparingLong(Taken::start));
        stalls.sort(Comparator.comparingLong(Stall::start));
        return new Seen(policy, taken, stalls);
    }

    @Override
    public void close() {
        meters.forEach(m -> m.process().destroyForcibly()); // after stop(): already ended
    }

    /** The meter's first line, or null if it says nothing within {@link #WAIT_SECONDS} (then it is ended). */
    private static String firstLine(Meter meter) throws InterruptedException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return meter.out().readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            return line.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException silent) {
            meter.process().destroyForcibly(); // its output closes: the read above ends too
            return null;
        }
    }
}
