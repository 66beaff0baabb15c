package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.Bucket;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.UsageType;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.app.IoExecutors;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.FlowScheduler;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.PlainFlowTexts;
import com.simkiosk.kiosk.flow.SessionFlow;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.mock.reader.DemoCard;
import com.simkiosk.mock.reader.InMemorySimReader;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk bench flow}: the session flow's own cost. A SIM goes into the in-memory reader, the flow hops
 * from the reader's thread to its own, reads on the I/O pool and asks a carrier that answers at once from memory
 * (insert → order-number screen); the order number is submitted at once (submit → balance); the SIM comes out.
 * Prints median and p99 of the machine's part (the two spans added, the customer's typing left out), and the heap
 * after a forced GC before and after the sessions, to show that sessions leave nothing behind. The network is not
 * in these figures: {@code bench kiosk} measures the whole kiosk against the carrier simulator.
 */
@Command(name = "flow", mixinStandardHelpOptions = true,
        description = "Benchmark: SIM inserted -> balance in the session flow (no UI, carrier in memory); median and p99.")
public final class BenchFlowCommand implements java.util.concurrent.Callable<Integer> {

    private static final Iccid ICCID = new Iccid("8981100000000000901");
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--sessions", defaultValue = "1000", description = "Measured sessions (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--warmup", defaultValue = "200", description = "Sessions before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (sessions < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--sessions must be at least 1, --warmup 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExecutorService flowThread = Executors.newSingleThreadExecutor(named("bench-flow"));
        IoExecutors io = new IoExecutors(); // the kiosk's own card, carrier and printer pools
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(named("bench-flow-timers"));
        LinkedBlockingQueue<FlowView> views = new LinkedBlockingQueue<>();
        // Each session logs a few INFO lines; printing thousands of them would be what this measured.
        ch.qos.logback.classic.Logger kioskLog =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.simkiosk");
        ch.qos.logback.classic.Level level = kioskLog.getLevel();
        kioskLog.setLevel(ch.qos.logback.classic.Level.WARN);
        try (InMemorySimReader reader = new InMemorySimReader(); InMemoryPrinter printer = new InMemoryPrinter()) {
            SessionFlow flow = new SessionFlow(reader, new MemoryCarrier(), printer, io.flow(), flowThread::execute,
                    Clock.systemUTC(), FlowScheduler.using(timers, flowThread::execute), FlowConfig.defaults(),
                    new PlainFlowTexts());
            flowThread.submit(() -> {
                flow.addListener(views::add);
                flow.start();
            }).get(BOUND.toSeconds(), TimeUnit.SECONDS);

            for (int i = 0; i < warmup; i++) {
                session(flow, flowThread, reader, views);
            }
            long heapBefore = heapAfterGc();
            long[] nanos = new long[sessions];
            for (int i = 0; i < sessions; i++) {
                nanos[i] = session(flow, flowThread, reader, views);
            }
            long heapAfter = heapAfterGc();
            flowThread.submit(flow::close).get(BOUND.toSeconds(), TimeUnit.SECONDS);

            Arrays.sort(nanos);
            double median = nanos[nanos.length / 2] / 1e6;
            double p99 = nanos[Math.min(nanos.length - 1, (int) Math.ceil(nanos.length * 0.99) - 1)] / 1e6;
            if (json) {
                ObjectNode node = new ObjectMapper().createObjectNode();
                node.put("area", "flow");
                node.put("what", "SIM inserted -> order-number screen, plus submitted -> ShowBalance, in SessionFlow; "
                        + "in-memory reader, carrier answering from memory");
                node.put("sessions", sessions);
                node.put("medianMs", round(median));
                node.put("p99Ms", round(p99));
                node.put("heapAfterGcBeforeMb", round(heapBefore / 1e6));
                node.put("heapAfterGcAfterMb", round(heapAfter / 1e6));
                out.println(node.toPrettyString());
            } else {
                out.printf("flow: SIM inserted -> balance (machine time), %d sessions: median %.3f ms, p99 %.3f ms%n",
                        sessions, median, p99);
                out.printf("flow: heap after GC %.1f MB before, %.1f MB after the sessions%n", heapBefore / 1e6, heapAfter / 1e6);
            }
            out.flush();
            return 0;
        } catch (IllegalStateException e) {
            err.println("bench flow: " + e.getMessage());
            return 1;
        } finally {
            kioskLog.setLevel(level);
            io.close();
            for (ExecutorService pool : List.of(flowThread, timers)) {
                pool.shutdownNow();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    /** One customer: insert, order number, balance, remove. Returns the machine's time in ns. */
    private static long session(SessionFlow flow, ExecutorService flowThread, InMemorySimReader reader,
                                LinkedBlockingQueue<FlowView> views) throws InterruptedException {
        views.clear();
        long start = System.nanoTime();
        reader.insert(DemoCard.sim(ICCID));
        await(views, v -> v.state() instanceof State.EnterDetail);
        long toInput = System.nanoTime() - start;
        long submitted = System.nanoTime();
        flowThread.execute(() -> flow.fire(new Event.DetailSubmitted("KX-20261126")));
        await(views, v -> v.state() instanceof State.ShowBalance);
        long toBalance = System.nanoTime() - submitted;
        reader.remove();
        await(views, v -> v.state() instanceof State.Attract);
        return toInput + toBalance;
    }

    private static void await(LinkedBlockingQueue<FlowView> views, Predicate<FlowView> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            FlowView view = views.poll(100, TimeUnit.MILLISECONDS);
            if (view != null && wanted.test(view)) {
                return;
            }
            if (view != null && view.state() instanceof State.Error error) {
                throw new IllegalStateException("the flow showed " + error.kind());
            }
        }
        throw new IllegalStateException("no balance within " + BOUND.toSeconds() + " s");
    }

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc(); // a hint; three rounds settle the figure enough for a trend
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A carrier that knows one line (verified by the order number, any number matches) and answers at once. */
    private static final class MemoryCarrier implements CarrierBackend {
        private final Line line = new Line("bench-line", LineStatus.ACTIVE, "Bench 5GB", "Bench",
                Optional.of(new Msisdn("+819012345678")), List.of(VerificationMethod.ORDER_NUMBER));

        @Override
        public Line findLineByIccid(Iccid iccid) {
            return line;
        }

        @Override
        public Line findLineByNumber(Msisdn number) throws CarrierException {
            throw new CarrierException(CarrierError.NOT_SUPPORTED, "bench: SIM path only");
        }

        @Override
        public OtpChallenge sendCode(Msisdn number, String smsMessage) throws CarrierException {
            throw new CarrierException(CarrierError.NOT_SUPPORTED, "bench: SIM path only");
        }

        @Override
        public void validateCode(OtpChallenge challenge, String code) throws CarrierException {
            throw new CarrierException(CarrierError.NOT_SUPPORTED, "bench: SIM path only");
        }

        @Override
        public void verifyRegisteredDetail(Line l, VerificationMethod method, String value) {
            // every detail matches
        }

        @Override
        public Balance balance(Line l) {
            return new Balance(500, 3_000_000_000L, 600, 10, Optional.empty(),
                    List.of(new Bucket(UsageType.DATA, 3_000_000_000L, Optional.of(5_000_000_000L), Optional.empty(), true)));
        }

        @Override
        public List<DailyUsage> dailyUsage(Line l, LocalDate fromDayJst) {
            List<DailyUsage> days = new ArrayList<>();
            for (int i = 0; i < 14; i++) {
                days.add(new DailyUsage(fromDayJst.plusDays(i), 100_000_000L));
            }
            return days;
        }

        @Override
        public List<TopUpOffer> topUpOffers(Line l) {
            return List.of();
        }

        @Override
        public TopUpOrder orderTopUp(Line l, TopUpOffer offer, String idempotencyKey) throws CarrierException {
            throw new CarrierException(CarrierError.NOT_SUPPORTED, "bench: no top-ups");
        }
    }
}
