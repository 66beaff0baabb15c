package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.flow.FlowScheduler;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.SessionFlow;
import com.simkiosk.kiosk.i18n.BundleFlowTexts;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.help.Chime;
import com.simkiosk.kiosk.screen.help.StaffCalls;
import com.simkiosk.kiosk.screen.maintenance.GuardedSecret;
import com.simkiosk.kiosk.screen.maintenance.KioskHealth;
import com.simkiosk.kiosk.screen.maintenance.MaintenanceScreen;
import com.simkiosk.kiosk.screen.maintenance.MaintenanceStatus;
import com.simkiosk.kiosk.screen.maintenance.SoftwareVersion;
import com.simkiosk.printer.PrinterException;
import com.simkiosk.printer.Slip;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.layout.HBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running kiosk: the session flow on the FX thread, its I/O and timer threads, the shell that renders it, and
 * maintenance. Used by the app, the tour, the UI tests and the benchmark alike. Create and use on the FX thread;
 * {@link #close()} stops every thread it started and closes the parts it owns.
 */
public final class KioskRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KioskRuntime.class);

    private final KioskParts parts;
    private final Clock clock;
    private final IoExecutors io;
    private final ScheduledExecutorService timers;
    private final SessionFlow flow;
    private final FlowScheduler flowTimers;
    private final KioskShell shell;
    private final KioskHealth health;
    private final StaffCalls staffCalls;
    private final Optional<BetweenCustomers> betweenCustomers;
    private final HBox root;
    private final com.simkiosk.kiosk.voice.VoiceGuide voice;
    private final Runnable exitKiosk;
    private Optional<Runnable> maintenance = Optional.empty();
    private final List<Runnable> maintenanceOpened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.Function<Messages, Optional<String>>> maintenanceNotes =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** {@code -Dkiosk.collectBetweenCustomers=false} leaves every collection to the JVM (see {@link BetweenCustomers}). */
    public static final String COLLECT_BETWEEN_CUSTOMERS = "kiosk.collectBetweenCustomers";

    public KioskRuntime(KioskParts parts, Clock clock, Runnable exitKiosk) {
        this(parts, clock, exitKiosk, Optional.empty());
    }

    /** The same, taking over the shell already on the attract screen if it was built for these parts (cold start). */
    public KioskRuntime(KioskParts parts, Clock clock, Runnable exitKiosk, Optional<EarlyShell> early) {
        // The shell, its voice guide and controls always come from an EarlyShell: the one shown early if it fits these
        // parts, else one built here (the same shell on the attract screen; the flow's first view does not rebuild it).
        EarlyShell surface = early.filter(e -> e.fits(parts)).orElseGet(() -> {
            early.ifPresent(EarlyShell::close);
            return new EarlyShell(EarlyShell.Face.of(parts), clock);
        });
        this.voice = surface.voice();
        this.parts = parts;
        this.clock = clock;
        this.exitKiosk = exitKiosk;
        this.io = new IoExecutors();
        this.timers = Executors.newSingleThreadScheduledExecutor(named("kiosk-timers"));
        this.flowTimers = FlowScheduler.using(timers, Platform::runLater);
        this.flow = new SessionFlow(parts.reader(), parts.carrier(), parts.printer(), io.flow(), Platform::runLater, clock,
                flowTimers, parts.flowConfig(), new BundleFlowTexts());
        this.health = new KioskHealth(clock);
        this.staffCalls = new StaffCalls(clock, parts.help().sound(), io.maintenance(), new Chime());
        this.shell = surface.connect(flow::fire, staffCalls::call, this::openMaintenance);
        flow.addListener(health::observe);
        flow.addListener(shell::show);
        flow.addListener(voice::show); // voice mode (issue 11): observes the views, speaks when the customer turns it on
        flow.addListener(surface.voiceControls()::show);
        this.betweenCustomers = Boolean.parseBoolean(System.getProperty(COLLECT_BETWEEN_CUSTOMERS, "true"))
                ? BetweenCustomers.jvm().map(heap -> new BetweenCustomers(heap, timers))
                : Optional.empty();
        betweenCustomers.ifPresent(b -> flow.addListener(b::observe));
        maintenanceNotes.add(m -> voice.problem().map(p -> m.get("voice.noDevice")));
        this.root = surface.root();
        parts.demoPanel().ifPresent(f -> root.getChildren().add(f.create(this)));
        parts.attachments().forEach(a -> a.attach(this));
        flow.start();
    }

    public SessionFlow flow() {
        return flow;
    }

    /** The timers that keep the flow's deadlines, running their tasks on the flow's thread (the watchdog probes them). */
    public FlowScheduler flowTimers() {
        return flowTimers;
    }

    public KioskShell shell() {
        return shell;
    }

    /** Voice mode (issue 11). */
    public com.simkiosk.kiosk.voice.VoiceGuide voice() {
        return voice;
    }

    /** The scene's content: the kiosk surface, and the demo panel beside it in demo mode. */
    public Parent root() {
        return root;
    }

    public FlowView view() {
        return flow.view();
    }

    /** Customers' calls for staff from the help overlay (shown in maintenance). */
    public StaffCalls staffCalls() {
        return staffCalls;
    }

    public KioskParts parts() {
        return parts;
    }

    public Messages messages() {
        return shell.messages(flow.language());
    }

    /**
     * Runs a blocking maintenance call (PIN check, device status, test print) off the FX thread, on the
     * maintenance executor that no customer's card or carrier call can occupy, and hands its answer back on it.
     */
    public <T> void offFx(java.util.concurrent.Callable<T> call, java.util.function.Consumer<T> onFx) {
        execute(io.maintenance(), () -> {
            try {
                T value = call.call();
                Platform.runLater(() -> onFx.accept(value));
            } catch (Exception e) {
                log.warn("device call failed: {}", e.toString());
            }
        });
    }

    /** Runs {@code listener} each time a correct PIN opens maintenance (FX thread). */
    public void onMaintenanceOpened(Runnable listener) {
        maintenanceOpened.add(listener);
    }

    /** A line the maintenance screen shows under the devices when it opens, if {@code note} has one (FX thread). */
    public void addMaintenanceNote(java.util.function.Function<Messages, Optional<String>> note) {
        maintenanceNotes.add(note);
    }

    /** Opens the maintenance PIN pad, as the corner gesture does (the tour uses it). */
    public void openMaintenance() {
        if (maintenance.isPresent()) {
            return;
        }
        Messages m = messages();
        Runnable[] remove = new Runnable[1];
        String waiting = parts.maintenancePin().waitLeft().map(w -> waitMessage(m, w)).orElse(" ");
        Parent pad = MaintenanceScreen.pinPad(m, (pin, say) -> offFx(() -> parts.maintenancePin().attempt(pin), outcome -> {
            if (outcome instanceof GuardedSecret.Outcome.Wrong wrong) {
                say.accept(wrong.nextTryIn().map(w -> m.sentences(m.get("maint.pin.wrong"), waitMessage(m, w)))
                        .orElse(m.get("maint.pin.wrong")));
                return;
            }
            if (outcome instanceof GuardedSecret.Outcome.TooSoon tooSoon) {
                say.accept(waitMessage(m, tooSoon.nextTryIn()));
                return;
            }
            remove[0].run();
            maintenance = Optional.empty();
            log.info("maintenance opened");
            maintenanceOpened.forEach(Runnable::run);
            showStatus(String.join("\n", maintenanceNotes.stream().flatMap(n -> n.apply(m).stream()).toList()));
        }), waiting, () -> {
            remove[0].run();
            maintenance = Optional.empty();
        });
        remove[0] = shell.overlay(pad);
        maintenance = Optional.of(remove[0]);
    }

    /** "Too many wrong PINs. Try again in 60 seconds." in the screen's language, whole seconds rounded up. */
    private static String waitMessage(Messages m, java.time.Duration wait) {
        return m.get("maint.pin.wait", (wait.toMillis() + 999) / 1000);
    }

    private void showStatus(String note) {
        Messages m = messages();
        offFx(() -> new MaintenanceStatus(SoftwareVersion.current(), parts.flowConfig().kioskId(), parts.reader().readers(),
                parts.reader().fault(), parts.printer().status(), health.lastBackendError(), health.lastErrors(),
                health.sessions(), health.balancesShown(), health.errors(), health.slipsPrinted(), staffCalls.count(),
                staffCalls.last()), status -> {
            maintenance.ifPresent(Runnable::run);
            Parent view = MaintenanceScreen.status(m, status, new MaintenanceScreen.Actions() {
                @Override
                public void testPrint() {
                    offFx(() -> {
                        try {
                            parts.printer().print(new Slip(m.get("maint.testSlip.title"), parts.flowConfig().storeId(),
                                    parts.flowConfig().kioskId(), clock.instant(), List.of(), Optional.empty(), m.get("maint.testSlip.body")));
                            return m.get("maint.testPrinted");
                        } catch (PrinterException e) {
                            return m.get("maint.printer") + ": " + MaintenanceScreen.paper(m, e.status());
                        }
                    }, KioskRuntime.this::showStatus);
                }

                @Override
                public void close() {
                    maintenance.ifPresent(Runnable::run);
                    maintenance = Optional.empty();
                    log.info("maintenance closed");
                }

                @Override
                public void exitKiosk() {
                    log.info("maintenance: kiosk exit");
                    exitKiosk.run();
                }
            }, note);
            maintenance = Optional.of(shell.overlay(view));
        });
    }

    @Override
    public void close() {
        voice.close();
        flow.close();
        shell.close();
        betweenCustomers.ifPresent(BetweenCustomers::close);
        timers.shutdownNow();
        io.close();
        try {
            timers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<AutoCloseable> owned = new ArrayList<>(parts.owned());
        java.util.Collections.reverse(owned);
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static void execute(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            log.warn("maintenance call refused: every maintenance thread is busy");
        }
    }

    static ThreadFactory named(String prefix) {
        return IoExecutors.named(prefix);
    }
}
