package com.simkiosk.kiosk.cli;

import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.app.IoExecutors;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.FlowScheduler;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.PlainFlowTexts;
import com.simkiosk.kiosk.flow.SessionFlow;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.Endpoint;
import com.simkiosk.mock.carrier.Fault;
import com.simkiosk.mock.carrier.Faults;
import com.simkiosk.mock.sim.SimFault;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.mock.vpcd.VpcdBridge;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The soak's customers: complete journeys through the real session flow, the PC/SC driver, a running pcscd with
 * virtual SIMs on vpcd, and the real carrier client against the loopback simulator, with the faults of
 * {@link Scenario} mixed in by a fixed round. Each customer answers every screen at once; a journey is SIM in →
 * … → SIM out → attract screen. Whenever the flow is busy (reading, waiting for the carrier, printing) it must
 * come back to a screen that waits for the customer within {@link #busyBound()}: a session that does not is
 * counted <em>stuck</em>, and the customer pulls the card and presses Cancel to go on.
 */
final class SoakRun {
    /** pcscd polls vpcd every 400 ms: the reader must be seen empty before the next card goes in. */
    private static final Duration CARD_SEEN = Duration.ofSeconds(5);
    /** What a busy machine may add to the flow's own waits before a session counts as stuck. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    /** After a stuck session: how long pulling the card and Cancel may take to bring the attract screen back. */
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    /** One kind of customer or fault. The round repeats {@link #ROUND}. */
    enum Scenario {
        HEALTHY("a good SIM, verified by the registered identity document, balance, done"),
        HEALTHY_PIN("a good SIM verified by its PIN (a VERIFY through pcscd), balance, done"),
        SLOW_CARD("a card answering each APDU 40 ms late: still read"),
        TOP_UP("balance, then a top-up ordered, slip printed"),
        PULLED_MID_READ("the SIM pulled out while EF.ICCID is read"),
        CARD_TOO_SLOW("a card answering each APDU after longer than the card-read wait"),
        CARRIER_STALL("the product look-up answered after longer than the carrier deadline"),
        CARRIER_5XX("500 on every product look-up of the session"),
        CARRIER_ERROR_ANSWER("503 UNAVAILABLE (Retry-After 1) on the balance"),
        ORDER_APPLIED_THEN_DROPPED("top-up order carried out, then the connection dropped before the answer");

        final String what;

        Scenario(String what) {
            this.what = what;
        }
    }

    /** Healthy customers between the faults, about half of all sessions. */
    static final List<Scenario> ROUND = List.of(
            Scenario.HEALTHY, Scenario.PULLED_MID_READ, Scenario.HEALTHY_PIN, Scenario.CARRIER_STALL,
            Scenario.SLOW_CARD, Scenario.HEALTHY, Scenario.CARRIER_5XX, Scenario.TOP_UP, Scenario.HEALTHY_PIN,
            Scenario.CARD_TOO_SLOW, Scenario.HEALTHY, Scenario.CARRIER_ERROR_ANSWER, Scenario.HEALTHY,
            Scenario.ORDER_APPLIED_THEN_DROPPED);

    /** A session that did not come back to a waiting screen in time: where it hung and for how long. */
    record Stuck(int session, Scenario scenario, String screen, long waitedMs) {}

    record Result(int sessions, Map<String, Integer> outcomes, Map<Scenario, Map<String, Integer>> byScenario,
                  List<Stuck> stuck, long[] journeyNanos, long[] healthyJourneyNanos, long longestBusyNanos,
                  List<ProcessFigures> samples, ProcessFigures afterFirstRound, double elapsedSeconds) {}

    private final FlowConfig config;
    private final String readerName;
    private final int slot;
    private final PrintWriter progress;

    SoakRun(FlowConfig config, int slot, PrintWriter progress) {
        this.slot = slot;
        this.readerName = String.format("Virtual PCD 00 %02d", slot);
        this.config = config;
        this.progress = progress;
    }

    /** A busy stretch may take a card read and two carrier waits (look-up, then balance) plus {@link #SLACK}. */
    Duration busyBound() {
        return config.cardReadWait().plus(config.carrierWait().multipliedBy(2)).plus(SLACK);
    }

    /**
     * Runs journeys until {@code duration} has passed or {@code maxSessions} (0: no limit) are done. pcscd must be
     * running. Samples the process every {@code sampleEvery}.
     */
    Result run(Duration duration, int maxSessions, Duration sampleEvery) throws Exception {
        ExecutorService flowThread = Executors.newSingleThreadExecutor(named("soak-flow"));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(named("soak-timers"));
        IoExecutors io = new IoExecutors();
        LinkedBlockingQueue<FlowView> views = new LinkedBlockingQueue<>();
        long started = System.nanoTime();
        List<ProcessFigures> samples = new ArrayList<>();
        samples.add(ProcessFigures.now(0, 0));
        try (DemoKiosk demo = DemoKiosk.start();
                PcscSimReader reader = new PcscSimReader();
                VpcdBridge bridge = new VpcdBridge(slot)) {
            SessionFlow flow = new SessionFlow(reader, demo.client(), demo.printer(), io.flow(), flowThread::execute,
                    Clock.systemUTC(), FlowScheduler.using(timers, flowThread::execute), config, new PlainFlowTexts());
            flowThread.submit(() -> {
                flow.addListener(views::add);
                flow.start();
            }).get(10, TimeUnit.SECONDS);
            Customer customer = new Customer(demo, flow, flowThread, reader, bridge, views);

            Map<String, Integer> outcomes = new TreeMap<>();
            Map<Scenario, Map<String, Integer>> byScenario = new EnumMap<>(Scenario.class);
            List<Stuck> stuck = new ArrayList<>();
            long[] journeys = new long[1024];
            long[] healthy = new long[1024];
            int healthyCount = 0;
            int n = 0;
            ProcessFigures warm = null;
            long end = started + duration.toNanos();
            long nextSample = started + sampleEvery.toNanos();
            while (System.nanoTime() < end && (maxSessions == 0 || n < maxSessions)) {
                Scenario scenario = ROUND.get(n % ROUND.size());
                Journey journey = customer.journey(n, scenario);
                outcomes.merge(journey.outcome, 1, Integer::sum);
                byScenario.computeIfAbsent(scenario, s -> new TreeMap<>()).merge(journey.outcome, 1, Integer::sum);
                journey.stuck.ifPresent(stuck::add);
                if (n == journeys.length) {
                    journeys = Arrays.copyOf(journeys, n * 2);
                }
                journeys[n] = journey.nanos;
                if (scenario == Scenario.HEALTHY || scenario == Scenario.HEALTHY_PIN) {
                    if (healthyCount == healthy.length) {
                        healthy = Arrays.copyOf(healthy, healthyCount * 2);
                    }
                    healthy[healthyCount++] = journey.nanos;
                }
                n++;
                long now = System.nanoTime();
                if (n == ROUND.size()) {
                    warm = ProcessFigures.now((now - started) / 1e9, n); // every kind of journey has run once
                    samples.add(warm);
                } else if (now >= nextSample) {
                    ProcessFigures figures = ProcessFigures.now((now - started) / 1e9, n);
                    samples.add(figures);
                    progress.printf("soak: %.0f s, %d sessions, %d stuck, RSS %.1f MB, %d threads, %d fds, heap %.1f MB%n",
                            figures.elapsedSeconds(), n, stuck.size(), figures.rssMb(), figures.threads(), figures.fds(),
                            figures.heapAfterGcMb());
                    progress.flush();
                    nextSample = now + sampleEvery.toNanos();
                }
            }
            flowThread.submit(flow::close).get(10, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - started) / 1e9;
            ProcessFigures last = ProcessFigures.now(elapsed, n);
            samples.add(last);
            return new Result(n, outcomes, byScenario, stuck, Arrays.copyOf(journeys, n),
                    Arrays.copyOf(healthy, healthyCount), customer.longestBusy, samples,
                    warm == null ? last : warm, elapsed);
        } finally {
            io.close();
            for (ExecutorService pool : List.of(flowThread, timers)) {
                pool.shutdownNow();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    /** How one session ended: the first error screen's kind, else what the customer got. */
    private record Journey(String outcome, long nanos, Optional<Stuck> stuck) {}

    /** Answers every screen at once, as a customer who knows their details would. Runs on the caller's thread. */
    private final class Customer {
        private final DemoKiosk demo;
        private final SessionFlow flow;
        private final ExecutorService flowThread;
        private final PcscSimReader reader;
        private final VpcdBridge bridge;
        private final LinkedBlockingQueue<FlowView> views;
        private final DemoLine line;
        long longestBusy;

        Customer(DemoKiosk demo, SessionFlow flow, ExecutorService flowThread, PcscSimReader reader, VpcdBridge bridge,
                 LinkedBlockingQueue<FlowView> views) {
            this.demo = demo;
            this.flow = flow;
            this.flowThread = flowThread;
            this.reader = reader;
            this.bridge = bridge;
            this.views = views;
            this.line = demo.lines().byKey(DemoKiosk.PIN_LINE);
        }

        Journey journey(int number, Scenario scenario) throws Exception {
            Faults faults = demo.simulator().faults();
            faults.clear();
            demo.printer().clear(); // an in-memory printer keeps its slips: a paper roll would not
            inject(faults, scenario);
            views.clear();
            Consumer<Event> fire = e -> flowThread.execute(() -> flow.fire(e));
            long start = System.nanoTime();
            bridge.insert(new VirtualSim(card(scenario)));
            boolean cardIn = true;
            boolean sessionSeen = false;
            boolean balanceAnswered = false;
            String outcome = "NO_SCREEN";
            long busySince = start;
            State previous = null;
            Optional<Stuck> stuck = Optional.empty();
            while (true) {
                long wait = busySince + busyBound().toNanos() - System.nanoTime();
                FlowView view = views.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
                if (view == null) {
                    State at = flow.view().state();
                    stuck = Optional.of(new Stuck(number, scenario, at.key(), (System.nanoTime() - busySince) / 1_000_000));
                    progress.printf("soak: session %d (%s) stuck at %s for %d ms%n", number, scenario, at.key(),
                            stuck.get().waitedMs());
                    progress.flush();
                    recover(fire);
                    outcome = "STUCK";
                    break;
                }
                State s = view.state();
                if (busy(s)) {
                    sessionSeen = true;
                    continue;
                }
                if (s.equals(previous)) {
                    continue; // the same screen again (a language or idle refresh): nothing new to answer
                }
                previous = s;
                longestBusy = Math.max(longestBusy, System.nanoTime() - busySince);
                if (s instanceof State.Attract || s instanceof State.ReaderUnavailable) {
                    if (!sessionSeen) {
                        continue; // the card has not been seen yet
                    }
                    if (outcome.equals("NO_SCREEN")) {
                        outcome = "BACK_TO_ATTRACT"; // the card left before any screen was shown for it
                    }
                    if (!cardIn) {
                        break;
                    }
                    bridge.remove(); // the session ended by itself with the SIM inside: the customer takes it
                    cardIn = false;
                    break;
                }
                sessionSeen = true;
                if (s instanceof State.ChooseVerification) {
                    fire.accept(new Event.MethodChosen(usesPin(scenario) ? VerificationMethod.SIM_PIN : VerificationMethod.ID_DOCUMENT));
                } else if (s instanceof State.EnterPin) {
                    fire.accept(new Event.PinSubmitted(line.simPin()));
                } else if (s instanceof State.EnterDetail detail) {
                    fire.accept(new Event.DetailSubmitted(detail.method() == VerificationMethod.ORDER_NUMBER
                            ? line.orderNumber() : line.idDocument()));
                } else if (s instanceof State.ShowBalance) {
                    if (balanceAnswered) {
                        continue; // the balance filled in further (usage arrived): answered already
                    }
                    balanceAnswered = true;
                    outcome = outcome.equals("NO_SCREEN") ? "BALANCE" : outcome;
                    fire.accept(topsUp(scenario) ? new Event.ShowTopUps() : new Event.Done());
                } else if (s instanceof State.TopUpOffers offers) {
                    fire.accept(offers.offers().isEmpty() ? new Event.Done() : new Event.OfferChosen(offers.offers().get(0).id()));
                } else if (s instanceof State.TopUpConfirm) {
                    fire.accept(new Event.ConfirmTopUp());
                } else if (s instanceof State.TopUpSlip slip) {
                    outcome = "TOP_UP_" + slip.print().name();
                    fire.accept(new Event.Done());
                } else if (s instanceof State.Error error) {
                    outcome = outcome.equals("NO_SCREEN") || outcome.equals("BALANCE") ? error.kind().name() : outcome;
                    bridge.remove(); // the customer takes the card and gives up
                    cardIn = false;
                    fire.accept(new Event.Done());
                } else if (s instanceof State.TakeSim) {
                    bridge.remove();
                    cardIn = false;
                } else {
                    // a screen this customer has no answer for (a number or code keypad): back to the start
                    outcome = outcome.equals("NO_SCREEN") ? "UNEXPECTED_" + s.key() : outcome;
                    fire.accept(new Event.Cancel());
                }
                busySince = System.nanoTime();
            }
            if (cardIn) {
                bridge.remove();
            }
            CardBenchCommand.awaitCard(reader, readerName, false, CARD_SEEN);
            long nanos = System.nanoTime() - start;
            faults.clear();
            return new Journey(outcome, nanos, stuck);
        }

        /** Pull the card, press Cancel and Done, and wait (bounded) for the attract screen. */
        private void recover(Consumer<Event> fire) throws Exception {
            bridge.remove();
            fire.accept(new Event.Cancel());
            fire.accept(new Event.Done());
            long deadline = System.nanoTime() + RECOVERY.toNanos();
            while (System.nanoTime() < deadline) {
                FlowView view = views.poll(100, TimeUnit.MILLISECONDS);
                if (view != null && !view.state().inSession() || !flow.view().state().inSession()) {
                    return;
                }
            }
            throw new IllegalStateException("the kiosk did not come back to the attract screen within "
                    + RECOVERY.toSeconds() + " s of a stuck session (at " + flow.view().state().key() + ")");
        }

        private VirtualSimSpec card(Scenario scenario) {
            // the line's genuine USIM: it proves itself to the carrier's BSF after its PIN, as a customer's would
            VirtualSimSpec spec = DemoKiosk.usimSpec(line, true).withPin(line.simPin(), VirtualSimSpec.MAX_TRIES);
            return switch (scenario) {
                case SLOW_CARD -> spec.withAnswerDelay(Duration.ofMillis(40));
                case PULLED_MID_READ -> spec.withFault(SimFault.REMOVED_MID_READ);
                case CARD_TOO_SLOW -> spec.withAnswerDelay(config.cardReadWait().plusSeconds(1));
                default -> spec;
            };
        }

        private void inject(Faults faults, Scenario scenario) {
            Duration stall = config.carrierWait().plusSeconds(2);
            switch (scenario) {
                case CARRIER_STALL -> faults.inject(Endpoint.PRODUCT, new Fault.Latency(stall), 1);
                case CARRIER_5XX -> faults.inject(Endpoint.PRODUCT, new Fault.ServerError(), 10);
                case CARRIER_ERROR_ANSWER -> faults.inject(Endpoint.BUCKET, new Fault.ErrorAnswer(503, "UNAVAILABLE"), 1);
                case ORDER_APPLIED_THEN_DROPPED -> faults.inject(Endpoint.TOPUP, new Fault.ApplyThenDrop(), 1);
                default -> { }
            }
        }
    }

    private static boolean usesPin(Scenario scenario) {
        return scenario == Scenario.HEALTHY_PIN;
    }

    private static boolean topsUp(Scenario scenario) {
        return scenario == Scenario.TOP_UP || scenario == Scenario.ORDER_APPLIED_THEN_DROPPED;
    }

    /** Screens on which the kiosk, not the customer, has to act next. */
    static boolean busy(State s) {
        return s instanceof State.Reading || s instanceof State.LookingUp || s instanceof State.CheckingSim
                || s instanceof State.TopUpSlip slip && slip.print() == State.PrintStatus.PRINTING;
    }

    /** A named daemon thread for the soak's own flow thread and timers. */
    private static java.util.concurrent.ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
