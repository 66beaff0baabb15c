package com.simkiosk.kiosk.tour;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.app.KioskRuntime;
import com.simkiosk.kiosk.app.KioskShell;
import com.simkiosk.kiosk.app.Snapshots;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.Endpoint;
import com.simkiosk.mock.carrier.Fault;
import com.simkiosk.mock.reader.DemoCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the real flow through every screen in every language (in-memory reader, carrier simulator, in-memory
 * printer) and saves each screen as {@code NN-screen-lang.png}, plus {@code tour.json} with each step's time
 * (from the event or card action to the screen being shown). Needs a running JavaFX toolkit (Monocle headless).
 */
public final class Tour {
    private static final Logger log = LoggerFactory.getLogger(Tour.class);
    /** The longest any one step may take before the tour gives up. */
    static final Duration STEP_BOUND = Duration.ofSeconds(20);
    /** Quiet time before the idle warning, kept long enough that no other step meets it. */
    static final Duration IDLE_AFTER = Duration.ofSeconds(6);

    /** One screen shot: what, in which language, to which file, and how long the step took. */
    public record Step(int index, String screen, String language, String file, double millis) {}

    private final Path out;
    private final List<Step> steps = new ArrayList<>();
    private DemoKiosk demo;
    private KioskRuntime runtime;
    private Scene scene;

    public Tour(Path out) {
        this.out = out;
    }

    public List<Step> run() throws Exception {
        Files.createDirectories(out);
        demo = DemoKiosk.start();
        FlowConfig config = new FlowConfig(IDLE_AFTER, Duration.ofSeconds(30), Optional.empty(), Language.JA, 3, 3, 3, 14, 3,
                "tour-store", "tour-kiosk");
        runtime = onFx(() -> new KioskRuntime(demo.parts(config, Theme.NORMAL, false).withHelp(HelpSettings.demo()),
                Clock.systemUTC(), () -> {}));
        try {
            onFx(() -> {
                scene = new Scene(runtime.root(), KioskShell.WIDTH, KioskShell.HEIGHT);
                Styling.apply(scene, Theme.NORMAL);
                return scene;
            });
            for (Language l : Language.values()) {
                walk(l);
            }
            helpDisplayAndMaintenance();
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            json.writeValue(out.resolve("tour.json").toFile(), steps);
            return List.copyOf(steps);
        } finally {
            onFx(() -> {
                runtime.close();
                return null;
            });
        }
    }

    private void walk(Language lang) throws Exception {
        DemoLine tourist = demo.lines().byKey(DemoKiosk.PIN_LINE);
        // One number per language: the carrier limits how often a code is sent to the same number.
        List<DemoLine> phones = demo.lines().all().stream()
                .filter(l -> l.msisdn().isPresent() && l.verificationMethods().contains(VerificationMethod.SMS_CODE)
                        && l.status() == com.simkiosk.carrier.LineStatus.ACTIVE)
                .toList();
        DemoLine phone = phones.get(lang.ordinal() % phones.size());
        int n = 0;
        step(++n, "attract", lang, () -> fire(new Event.LanguageChosen(lang)), s -> s instanceof State.Attract);
        step(++n, "reading", lang, () -> demo.reader().insert(DemoKiosk.cardFor(tourist, 3).slowRead(Duration.ofMillis(1500))),
                s -> s instanceof State.Reading);
        step(++n, "chooseVerification", lang, () -> {}, s -> s instanceof State.ChooseVerification);
        step(++n, "enterPin", lang, () -> fire(new Event.MethodChosen(VerificationMethod.SIM_PIN)), s -> s instanceof State.EnterPin);
        fireAndWait(new Event.Back(), s -> s instanceof State.ChooseVerification);
        step(++n, "enterDetail", lang, () -> fire(new Event.MethodChosen(VerificationMethod.ID_DOCUMENT)), s -> s instanceof State.EnterDetail);
        demo.simulator().faults().inject(Endpoint.BUCKET, new Fault.Latency(Duration.ofMillis(1500)), 1);
        step(++n, "lookingUp", lang, () -> fire(new Event.DetailSubmitted(tourist.idDocument())),
                s -> s instanceof State.LookingUp);
        step(++n, "balance", lang, () -> {}, s -> s instanceof State.ShowBalance);
        step(++n, "topUpOffers", lang, () -> fire(new Event.ShowTopUps()), s -> s instanceof State.TopUpOffers);
        String offer = ((State.TopUpOffers) runtime.view().state()).offers().get(0).id();
        step(++n, "topUpConfirm", lang, () -> fire(new Event.OfferChosen(offer)), s -> s instanceof State.TopUpConfirm);
        step(++n, "topUpSlip", lang, () -> fire(new Event.ConfirmTopUp()),
                s -> s instanceof State.TopUpSlip slip && slip.print() == State.PrintStatus.PRINTED);
        step(++n, "takeSim", lang, () -> fire(new Event.Done()), s -> s instanceof State.TakeSim);
        backToStart(lang);

        demo.reader().insert(DemoKiosk.cardFor(tourist, 1));
        waitFor(s -> s instanceof State.ChooseVerification);
        step(++n, "pinRefused", lang, () -> fire(new Event.MethodChosen(VerificationMethod.SIM_PIN)), s -> s instanceof State.PinRefused);
        fire(new Event.Done());
        backToStart(lang);

        step(++n, "error-foreignSim", lang, () -> demo.tray().insertForeignSim(), error(ErrorKind.FOREIGN_SIM));
        backToStart(lang);
        step(++n, "error-notASim", lang, () -> demo.tray().insertBankCard(), error(ErrorKind.NOT_A_SIM));
        backToStart(lang);
        demo.simulator().faults().inject(Endpoint.PRODUCT, new Fault.ServerError(), 100);
        step(++n, "error-backendDown", lang, () -> demo.tray().insertSim(tourist, 3), error(ErrorKind.BACKEND_DOWN));
        demo.simulator().faults().clear();
        backToStart(lang);

        step(++n, "enterNumber", lang, () -> {
            fire(new Event.StartNumberEntry());
            for (char c : ("0" + phone.msisdn().orElseThrow().e164().substring(3)).toCharArray()) {
                fire(new Event.KeypadDigit(c - '0'));
            }
        }, s -> s instanceof State.EnterNumber e && e.valid());
        step(++n, "enterCode", lang, () -> fire(new Event.KeypadSubmit()), s -> s instanceof State.EnterCode);
        step(++n, "idleWarning", lang, () -> {}, s -> runtime.view().idleWarning());
        fire(new Event.Cancel());
        waitFor(s -> s instanceof State.Attract);
    }

    private static Predicate<State> error(ErrorKind kind) {
        return s -> s instanceof State.Error e && e.kind() == kind;
    }

    private void backToStart(Language lang) throws Exception {
        State s = runtime.view().state();
        if (s instanceof State.Error || s instanceof State.PinRefused) {
            fire(new Event.Done());
        }
        demo.tray().remove();
        waitFor(st -> st instanceof State.Attract);
        fire(new Event.LanguageChosen(lang));
    }

    private void step(int n, String screen, Language lang, Runnable action, Predicate<State> shown) throws Exception {
        long start = System.nanoTime();
        onFx(() -> {
            action.run();
            return null;
        });
        waitFor(shown);
        double millis = (System.nanoTime() - start) / 1e6;
        String file = String.format("%02d-%s-%s.png", n, screen, lang.tag());
        onFx(() -> Snapshots.write(runtime.shell().surface(), out.resolve(file)));
        steps.add(new Step(steps.size() + 1, screen, lang.tag(), file, Math.round(millis * 10) / 10.0));
        log.info("tour: {} ({} ms)", file, Math.round(millis));
    }

    private void fire(Event e) {
        if (Platform.isFxApplicationThread()) {
            runtime.flow().fire(e);
        } else {
            Platform.runLater(() -> runtime.flow().fire(e));
        }
    }

    private void fireAndWait(Event e, Predicate<State> until) throws Exception {
        onFx(() -> {
            fire(e);
            return null;
        });
        waitFor(until);
    }

    /** Polls the flow (on the FX thread) until {@code shown} holds and the shell has drawn it; bounded. */
    private void waitFor(Predicate<State> shown) throws Exception {
        long deadline = System.nanoTime() + STEP_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (onFx(() -> shown.test(runtime.view().state()))) {
                onFx(() -> {
                    runtime.root().applyCss();
                    runtime.root().layout();
                    return null;
                });
                return;
            }
            CompletableFuture<Void> frame = new CompletableFuture<>();
            Platform.runLater(() -> frame.complete(null));
            frame.get(STEP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            Thread.onSpinWait();
        }
        throw new IOException("tour step did not reach its screen within " + STEP_BOUND.toSeconds() + " s (at "
                + runtime.view().state().key() + ")");
    }

    // ---------------------------------------------------------------- help, display menu, maintenance (issue 10)

    /**
     * The help overlay on one screen in every language, then on each kind of screen in Japanese (a carrier's error
     * with its support contact included), the display menu with large text and high contrast combined, and
     * maintenance after the demo PIN. Pictures are named {@code hNN-<what>-<lang>.png}.
     */
    private void helpDisplayAndMaintenance() throws Exception {
        for (Language l : Language.values()) {
            fireAndWait(new Event.LanguageChosen(l), s -> s instanceof State.Attract);
            help("attract", l);
        }
        Language ja = Language.JA;
        fireAndWait(new Event.LanguageChosen(ja), s -> s instanceof State.Attract);
        DemoLine tourist = demo.lines().byKey(DemoKiosk.PIN_LINE);
        onFx(() -> {
            demo.tray().insertSim(tourist, 3);
            return null;
        });
        waitFor(s -> s instanceof State.ChooseVerification);
        help("chooseVerification", ja);
        fireAndWait(new Event.MethodChosen(VerificationMethod.SIM_PIN), s -> s instanceof State.EnterPin);
        help("enterPin", ja);
        fireAndWait(new Event.Back(), s -> s instanceof State.ChooseVerification);
        fireAndWait(new Event.MethodChosen(VerificationMethod.ID_DOCUMENT), s -> s instanceof State.EnterDetail);
        help("enterDetail", ja);
        fireAndWait(new Event.DetailSubmitted(tourist.idDocument()), s -> s instanceof State.ShowBalance);
        help("balance", ja);
        fireAndWait(new Event.ShowTopUps(), s -> s instanceof State.TopUpOffers);
        help("topUpOffers", ja);
        fireAndWait(new Event.Back(), s -> s instanceof State.ShowBalance);
        fireAndWait(new Event.Done(), s -> s instanceof State.TakeSim);
        help("takeSim", ja);
        backToStart(ja);
        onFx(() -> {
            demo.tray().insertBankCard();
            return null;
        });
        waitFor(error(ErrorKind.NOT_A_SIM));
        help("error-notASim", ja);
        backToStart(ja);
        fireAndWait(new Event.StartNumberEntry(), s -> s instanceof State.EnterNumber);
        help("enterNumber", ja);
        fireAndWait(new Event.Cancel(), s -> s instanceof State.Attract);
        lineError(ja);

        fireAndWait(new Event.StartNumberEntry(), s -> s instanceof State.EnterNumber);
        tap("#display", "#display-menu");
        picture("display-menu", ja);
        tap("#display-large-text", "#display-menu");
        tap("#display-high-contrast", "#display-menu");
        picture("display-menu-both", ja);
        tap("#display-close", "#bottom-bar");
        picture("display-both-enterNumber", ja);
        fireAndWait(new Event.Cancel(), s -> s instanceof State.Attract);

        onFx(() -> {
            runtime.openMaintenance();
            return null;
        });
        waitForNode("#maintenance-pin");
        for (char c : DemoKiosk.DEMO_MAINTENANCE_PIN.toCharArray()) {
            tap("#key-" + c, "#maintenance-pin");
        }
        tap("#maintenance-pin-ok", "#maintenance-status");
        picture("maintenance", ja);
        tap("#maintenance-close", "#bottom-bar");
    }

    /** A carrier's error (a suspended line) with the carrier's phone and support QR, drawn by a shell of its own. */
    private void lineError(Language lang) throws Exception {
        onFx(() -> {
            KioskShell shell = new KioskShell(e -> {}, Clock.systemUTC(), true, () -> {}, Theme.NORMAL,
                    List.of(Language.values()), HelpSettings.demo(), () -> {});
            Scene own = new Scene(shell.surface(), KioskShell.WIDTH, KioskShell.HEIGHT);
            Styling.apply(own, Theme.NORMAL);
            shell.show(new com.simkiosk.kiosk.flow.FlowView(new State.Error(ErrorKind.LINE_SUSPENDED, false), lang,
                    java.util.OptionalInt.empty()));
            own.getRoot().applyCss();
            own.getRoot().layout();
            write(shell.surface(), "error-lineSuspended", lang);
            ((javafx.scene.control.Button) shell.surface().lookup("#help")).fire();
            own.getRoot().applyCss();
            own.getRoot().layout();
            write(shell.surface(), "help-error-lineSuspended", lang);
            shell.close();
            return null;
        });
    }

    private void help(String screen, Language lang) throws Exception {
        tap("#help", "#help-overlay");
        picture("help-" + screen, lang);
        tap("#help-close", "#bottom-bar");
    }

    /** Fires a button of the kiosk (as a tap would) and waits until {@code then} is on the glass. */
    private void tap(String button, String then) throws Exception {
        waitForNode(button);
        onFx(() -> {
            ((javafx.scene.control.ButtonBase) runtime.shell().surface().lookup(button)).fire();
            return null;
        });
        waitForNode(then);
    }

    private void waitForNode(String selector) throws Exception {
        long deadline = System.nanoTime() + STEP_BOUND.toNanos();
        while (!onFx(() -> runtime.shell().surface().lookup(selector) != null)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("tour: " + selector + " did not appear within " + STEP_BOUND.toSeconds() + " s");
            }
            Thread.onSpinWait();
        }
        onFx(() -> {
            runtime.root().applyCss();
            runtime.root().layout();
            return null;
        });
    }

    private void picture(String what, Language lang) throws Exception {
        onFx(() -> {
            write(runtime.shell().surface(), what, lang);
            return null;
        });
    }

    /** FX thread. */
    private void write(javafx.scene.Node node, String what, Language lang) throws IOException {
        String file = String.format("h%02d-%s-%s.png", steps.size() + 1, what, lang.tag());
        Snapshots.write(node, out.resolve(file));
        steps.add(new Step(steps.size() + 1, what, lang.tag(), file, 0));
        log.info("tour: {}", file);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(STEP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    }
}
