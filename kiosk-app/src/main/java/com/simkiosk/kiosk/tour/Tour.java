package com.simkiosk.kiosk.tour;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.app.KioskRuntime;
import com.simkiosk.kiosk.app.KioskShell;
import com.simkiosk.kiosk.app.Snapshots;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.mock.carrier.Endpoint;
import com.simkiosk.mock.carrier.Fault;
import com.simkiosk.mock.reader.DemoCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the real flow (in-memory reader, carrier simulator, in-memory printer) to every screen and saves each as a
 * PNG, plus {@code tour.json} naming each picture's screen, language, theme and sample. Every language is toured in
 * the normal theme, Japanese also in the others. The tour is the list {@link #stops()}: one line per picture, each
 * starting on the attract screen; a screen added to the kiosk is one more line there. After the walk, the help overlay
 * (over the attract screen in every pass, over each kind of screen in Japanese) and the display menu with large text
 * and high contrast combined; the demo's help settings, so a carrier's support contact shows. Needs a running JavaFX
 * toolkit (Monocle headless).
 */
public final class Tour {
    private static final Logger log = LoggerFactory.getLogger(Tour.class);
    /** The longest any one step may take before the tour gives up on that picture. */
    static final Duration STEP_BOUND = Duration.ofSeconds(20);
    /** Quiet time before the idle warning, kept long enough that no other step meets it. */
    static final Duration IDLE_AFTER = Duration.ofSeconds(6);

    /**
     * One picture: the screen, what it shows (the sample), how to reach it from the attract screen, what the customer
     * opens over it once there (help, the display menu) and in which passes it is taken.
     */
    public record Stop(String screen, String sample, Route route, Overlay overlay, Where where) {
        public Stop(String screen, String sample, Route route) {
            this(screen, sample, route, Overlay.NONE, Where.EVERY_PASS);
        }

        /** The same walk, then the Help button: the help overlay over this screen, as {@code help-<screen>}. */
        public Stop withHelp() {
            return new Stop("help-" + screen, sample, route, Overlay.HELP, where);
        }

        /** The same walk, then the Display button: the display menu over this screen, as {@code display-menu-<screen>}. */
        public Stop withDisplayMenu() {
            return new Stop("display-menu-" + screen, sample, route, Overlay.DISPLAY_MENU, where);
        }

        /** Taken only in Japanese in the normal theme (one picture of each, not one per language and theme). */
        public Stop japaneseOnly() {
            return new Stop(screen, sample, route, overlay, Where.JAPANESE_NORMAL);
        }
    }

    /** What the customer opens over the screen the route reached, before the picture. */
    public enum Overlay {
        NONE, HELP, DISPLAY_MENU
    }

    /** The passes (language, theme) a stop is taken in. */
    public enum Where {
        EVERY_PASS, JAPANESE_NORMAL;

        public boolean includes(Language language, Theme theme) {
            return this == EVERY_PASS || language == Language.JA && theme == Theme.NORMAL;
        }
    }

    /** The screens whose help overlay is pictured in Japanese: one of each kind (the attract screen's in every pass). */
    static final List<String> HELP_IN_JAPANESE = List.of("chooseVerification", "enterPin", "enterDetail", "balance", "topUpOffers",
            "takeSim", "error-notASim", "enterNumber", "error-lineSuspended");

    /** The customer's (or technician's) actions from the attract screen; ends by waiting for the screen. */
    @FunctionalInterface
    public interface Route {
        void walk(Walk w) throws Exception;
    }

    /**
     * One saved picture. {@code via} is {@code flow} when the real flow reached the screen, {@code rendered} when
     * the screen was drawn from a sample state (kinds the demo carrier cannot produce on demand); {@code problem}
     * is set when the picture could not be taken.
     */
    public record Picture(int index, String screen, String language, String theme, String sample, String file, String via,
                          double millis, Optional<String> problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /** The themes toured and the languages each is toured in. */
    static Map<Theme, List<Language>> passes() {
        Map<Theme, List<Language>> passes = new EnumMap<>(Theme.class);
        for (Theme t : Theme.values()) {
            passes.put(t, t == Theme.NORMAL ? List.of(Language.values()) : List.of(Language.JA));
        }
        return passes;
    }

    /** Every picture of one language and theme, in order. One line per screen (and per sample of it). */
    public static List<Stop> stops() {
        List<Stop> stops = new ArrayList<>(List.of(
                new Stop("attract", "waiting for a customer", w -> w.until(State.Attract.class)),
                new Stop("readerUnavailable", "card reader service down", w -> w.render(new State.ReaderUnavailable())),
                new Stop("reading", "data-only SIM (tourist), slow card", w -> {
                    w.demo().reader().insert(DemoKiosk.cardFor(w.line(DemoKiosk.PIN_LINE), 3).slowRead(Duration.ofMillis(1500)));
                    w.until(State.Reading.class);
                }),
                new Stop("checkingSim", "USIM proving itself with the carrier (a moment, drawn)", w -> w.render(new State.CheckingSim())),
                new Stop("chooseVerification", "data-only SIM (tourist: PIN, passport, order number)", w -> w.insert("tourist-data")),
                new Stop("enterDetail", "voice SIM (au prepaid): passport, the one check with its SIM inserted", w -> w.insert("au-prepaid")),
                new Stop("enterPin", "data-only SIM (tourist), 3 tries", w -> w.insert("tourist-data").choose(VerificationMethod.SIM_PIN)),
                new Stop("pinRefused", "tourist SIM with one PIN try left", w -> {
                    w.insert("tourist-data", 1).fire(new Event.MethodChosen(VerificationMethod.SIM_PIN));
                    w.until(State.PinRefused.class);
                }),
                new Stop("enterDetail", "passport number (tourist)", w -> w.insert("tourist-data").choose(VerificationMethod.ID_DOCUMENT)),
                new Stop("enterDetail", "order number (tourist)", w -> w.insert("tourist-data").choose(VerificationMethod.ORDER_NUMBER)),
                new Stop("lookingUp", "slow carrier (1.5 s)", w -> {
                    w.insert("tourist-data").choose(VerificationMethod.ID_DOCUMENT);
                    w.demo().simulator().faults().inject(Endpoint.BUCKET, new Fault.Latency(Duration.ofMillis(1500)), 1);
                    w.fire(new Event.DetailSubmitted(w.line("tourist-data").idDocument()));
                    w.until(State.LookingUp.class);
                }),
                new Stop("balance", "data-only SIM (tourist) by passport", w -> w.balanceOf("tourist-data")),
                new Stop("balance", "voice SIM (au prepaid) by passport", w -> w.balanceOf("au-prepaid")),
                new Stop("balance", "top-ups expiring at different times", w -> w.balanceOf("staggered-topups")),
                new Stop("topUpOffers", "data-only SIM (tourist)", w -> w.topUpOffers("tourist-data")),
                new Stop("topUpConfirm", "first offer", w -> w.topUpConfirm("tourist-data")),
                new Stop("topUpSlip", "printed", w -> {
                    w.topUpConfirm("tourist-data").fire(new Event.ConfirmTopUp());
                    w.until(s -> s instanceof State.TopUpSlip slip && slip.print() == State.PrintStatus.PRINTED);
                }),
                new Stop("takeSim", "after the slip", w -> {
                    w.topUpConfirm("tourist-data").fire(new Event.ConfirmTopUp());
                    w.until(s -> s instanceof State.TopUpSlip slip && slip.print() == State.PrintStatus.PRINTED);
                    w.fire(new Event.Done());
                    w.until(State.TakeSim.class);
                }),
                new Stop("takeSlip", "after the slip, number path", w -> w.slipByNumber()),
                new Stop("enterNumber", "voice number typed (SMS code path)", w -> w.typeNumber(w.smsLine())),
                new Stop("enterCode", "code sent by SMS", w -> w.codeSentTo(w.smsLine())),
                new Stop("idleWarning", "customer left during number entry", w -> {
                    w.typeNumber(w.smsLine());
                    w.until(s -> w.view().idleWarning());
                }),
                new Stop("maintenance-pin", "technician's PIN pad", w -> w.maintenancePad()),
                new Stop("maintenance", "status after the PIN", w -> {
                    w.maintenancePad();
                    for (char c : DemoKiosk.DEMO_MAINTENANCE_PIN.toCharArray()) {
                        w.tap("key-" + c);
                    }
                    w.tap("maintenance-pin-ok");
                    w.untilShown("maintenance-status");
                })));
        for (ErrorKind kind : ErrorKind.values()) {
            stops.add(errorStop(kind));
        }
        // after the walk: help over the attract screen in every pass, over each kind of screen in Japanese (a
        // carrier's error with its support contact included), then the display menu with large text and high contrast
        stops.add(first(stops, "attract").withHelp());
        for (String screen : HELP_IN_JAPANESE) {
            stops.add(first(stops, screen).withHelp().japaneseOnly());
        }
        stops.add(first(stops, "enterNumber").withDisplayMenu().japaneseOnly());
        Route bothLooks = w -> w.fire(new Event.StartNumberEntry()).until(State.EnterNumber.class)
                .tap("display").tap("display-large-text").tap("display-high-contrast").tap("display-close");
        stops.add(new Stop("display-menu-both", "large text and high contrast chosen for this customer", bothLooks,
                Overlay.DISPLAY_MENU, Where.JAPANESE_NORMAL));
        stops.add(new Stop("display-both-enterNumber", "large text and high contrast chosen for this customer", bothLooks,
                Overlay.NONE, Where.JAPANESE_NORMAL));
        return stops;
    }

    private static Stop first(List<Stop> stops, String screen) {
        return stops.stream().filter(s -> s.screen().equals(screen)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no tour stop for " + screen));
    }

    /** Each error kind through the flow where the demo carrier produces it on demand, else drawn from its state. */
    private static Stop errorStop(ErrorKind kind) {
        String screen = "error-" + kind.key().substring("error.".length());
        Route route = switch (kind) {
            case NOT_A_SIM -> w -> w.fire(() -> w.demo().tray().insertBankCard()).untilError(kind);
            case FOREIGN_SIM -> w -> w.fire(() -> w.demo().tray().insertForeignSim()).untilError(kind);
            case NOT_FOUND -> w -> w.fire(() -> w.demo().reader().insert(DemoCard.sim(DemoLines.UNKNOWN_JAPANESE_ICCID))).untilError(kind);
            case BACKEND_DOWN -> w -> {
                w.demo().simulator().faults().inject(Endpoint.PRODUCT, new Fault.ServerError(), 100);
                w.fire(() -> w.demo().tray().insertSim(w.line("tourist-data"), 3)).untilError(kind);
            };
            // a suspended line's SIM, read: the carrier says the line is suspended (and where to call)
            case LINE_SUSPENDED -> w -> w.fire(() -> w.demo().tray().insertSim(w.line("suspended"), 3)).untilError(kind);
            // a mobile number whose operator refuses SMS (the suspended line's 090; a 020 number is data-only)
            case NUMBER_CANNOT_GET_CODES -> w -> {
                w.typeNumber(w.line("suspended"));
                w.fire(new Event.KeypadSubmit()).untilError(kind);
            };
            case WRONG_PIN -> w -> {
                w.insert("tourist-data").choose(VerificationMethod.SIM_PIN);
                w.fire(new Event.PinSubmitted("9999"));
                w.until(s -> s instanceof State.EnterPin p && p.notice().isPresent());
            };
            case WRONG_DETAIL -> w -> {
                w.insert("tourist-data").choose(VerificationMethod.ID_DOCUMENT);
                w.fire(new Event.DetailSubmitted("XX0000000"));
                w.until(s -> s instanceof State.EnterDetail d && d.notice().isPresent());
            };
            case WRONG_CODE -> w -> {
                w.codeSentTo(w.smsLine());
                w.fire(new Event.CodeSubmitted("000000"));
                w.until(s -> s instanceof State.EnterCode c && c.notice().isPresent());
            };
            default -> w -> w.render(new State.Error(kind, kind.retryable()));
        };
        return new Stop(screen, kind.name(), route);
    }

    private final Path out;
    private final List<Stop> stops;
    private final List<Picture> pictures = new ArrayList<>();
    /** Round robin over the demo's SMS lines, so that no number reaches the carrier's limit of codes. */
    private int smsSends;
    private DemoKiosk demo;
    private KioskRuntime runtime;
    private Scene scene;

    public Tour(Path out) {
        this(out, stops());
    }

    /** A tour of some stops only ({@code ./kiosk tour --only attract}: the installed package's smoke test). */
    public Tour(Path out, List<Stop> stops) {
        this.out = out;
        this.stops = List.copyOf(stops);
    }

    public List<Picture> run() throws Exception {
        Files.createDirectories(out);
        FlowConfig config = new FlowConfig(IDLE_AFTER, Duration.ofSeconds(30), Optional.empty(), Language.JA, 3, 3, 3, 14, 3,
                "tour-store", "tour-kiosk");
        for (Map.Entry<Theme, List<Language>> pass : passes().entrySet()) {
            Theme theme = pass.getKey();
            // one demo kiosk per theme, configured with it: the shell returns to its own theme at every attract screen
            demo = DemoKiosk.start();
            try {
                runtime = onFx(() -> new KioskRuntime(demo.parts(config, theme, false).withHelp(HelpSettings.demo()), Clock.systemUTC(), () -> {}));
                try {
                    onFx(() -> {
                        scene = new Scene(runtime.root(), KioskShell.WIDTH, KioskShell.HEIGHT);
                        Styling.apply(scene, theme);
                        return scene;
                    });
                    for (Language lang : pass.getValue()) {
                        for (Stop stop : stops) {
                            if (stop.where().includes(lang, theme)) {
                                take(stop, lang, theme);
                            }
                        }
                    }
                } finally {
                    onFx(() -> {
                        runtime.close();
                        return null;
                    });
                }
            } finally {
                demo.close();
            }
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(out.resolve("tour.json").toFile(), pictures.stream().map(Tour::asJson).toList());
        return List.copyOf(pictures);
    }

    private static Map<String, Object> asJson(Picture p) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("index", p.index());
        m.put("screen", p.screen());
        m.put("language", p.language());
        m.put("theme", p.theme().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        m.put("sample", p.sample());
        m.put("file", p.file());
        m.put("via", p.via());
        m.put("millis", p.millis());
        p.problem().ifPresent(x -> m.put("problem", x));
        return m;
    }

    private void take(Stop stop, Language lang, Theme theme) {
        int index = pictures.size() + 1;
        String file = String.format("%03d-%s-%s-%s.png", index, lang.tag(), theme.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                stop.screen());
        Walk w = new Walk(lang);
        Optional<String> problem = Optional.empty();
        long start = System.nanoTime();
        try {
            reset(lang);
            start = System.nanoTime();
            stop.route().walk(w);
            switch (stop.overlay()) {
                case HELP -> w.tap("help").untilShown("help-overlay");
                case DISPLAY_MENU -> w.tap("display").untilShown("display-menu");
                case NONE -> { }
            }
            settle();
            onFx(() -> Snapshots.write(runtime.shell().surface(), out.resolve(file)));
        } catch (Exception | AssertionError e) {
            problem = Optional.of(String.valueOf(e.getMessage()));
            log.warn("tour: {} ({}, {}) not taken: {}", stop.screen(), lang.tag(), stop.sample(), e.getMessage());
        }
        double millis = Math.round((System.nanoTime() - start) / 1e5) / 10.0;
        pictures.add(new Picture(index, stop.screen(), lang.tag(), theme.name(), stop.sample(), file,
                w.rendered ? "rendered" : "flow", millis, problem));
        log.info("tour: {} ({} ms)", file, Math.round(millis));
    }

    /** Back to the attract screen in {@code lang}: no card, no fault, no overlay, no session. */
    private void reset(Language lang) throws Exception {
        demo.simulator().faults().clear();
        onFx(() -> {
            tapIfShown("maintenance-close");
            tapIfShown("maintenance-cancel");
            // help survives a change of language on the same screen: close it, and the display menu, first
            tapIfShown("help-close");
            tapIfShown("display-close");
            demo.tray().remove();
            return null;
        });
        for (int i = 0; i < 4 && !onFx(() -> runtime.view().state() instanceof State.Attract); i++) {
            Event e = i % 2 == 0 ? new Event.Cancel() : new Event.Done();
            onFx(() -> {
                runtime.flow().fire(e);
                return null;
            });
            frame();
        }
        onFx(() -> {
            runtime.flow().fire(new Event.LanguageChosen(lang));
            // a drawn sample state leaves the shell ahead of the flow: draw the flow's own state again
            runtime.shell().show(runtime.view());
            return null;
        });
        waitFor(s -> s instanceof State.Attract && runtime.view().language() == lang);
    }

    private boolean tapIfShown(String id) {
        Node n = runtime.shell().surface().lookup("#" + id);
        if (n instanceof ButtonBase b) {
            b.fire();
            return true;
        }
        return false;
    }

    /** What a stop's route can do: the customer's actions and the waits between them. */
    public final class Walk {
        private final Language language;
        private boolean rendered;

        Walk(Language language) {
            this.language = language;
        }

        public DemoKiosk demo() {
            return demo;
        }

        public FlowView view() {
            return runtime.view();
        }

        public DemoLine line(String key) {
            return demo.lines().byKey(key);
        }

        /** An active line that gets SMS codes, a different one at each call (the carrier limits sends per number). */
        public DemoLine smsLine() {
            List<DemoLine> phones = demo.lines().all().stream()
                    .filter(l -> l.msisdn().isPresent() && l.verificationMethods().contains(VerificationMethod.SMS_CODE)
                            && l.status() == LineStatus.ACTIVE)
                    .toList();
            return phones.get(smsSends++ % phones.size());
        }

        /** Inserts the line's SIM (3 PIN tries) and waits for the choice of check. */
        public Walk insert(String lineKey) throws Exception {
            return insert(lineKey, 3);
        }

        public Walk insert(String lineKey, int pinTries) throws Exception {
            fire(() -> demo.tray().insertSim(line(lineKey), pinTries));
            // a SIM with one usable check goes straight to it
            until(s -> s instanceof State.ChooseVerification || s instanceof State.EnterDetail || s instanceof State.EnterPin);
            return this;
        }

        /** Chooses a check and waits for its screen. */
        public Walk choose(VerificationMethod method) throws Exception {
            if (!onFx(() -> runtime.view().state() instanceof State.ChooseVerification)) {
                return this; // the only check, already on screen
            }
            fire(new Event.MethodChosen(method));
            until(s -> !(s instanceof State.ChooseVerification));
            return this;
        }

        public Walk balanceOf(String lineKey) throws Exception {
            insert(lineKey).choose(VerificationMethod.ID_DOCUMENT);
            fire(new Event.DetailSubmitted(line(lineKey).idDocument()));
            until(State.ShowBalance.class);
            return this;
        }

        public Walk topUpOffers(String lineKey) throws Exception {
            balanceOf(lineKey).fire(new Event.ShowTopUps());
            until(State.TopUpOffers.class);
            return this;
        }

        public Walk topUpConfirm(String lineKey) throws Exception {
            topUpOffers(lineKey);
            String offer = onFx(() -> ((State.TopUpOffers) runtime.view().state()).offers().get(0).id());
            fire(new Event.OfferChosen(offer));
            until(State.TopUpConfirm.class);
            return this;
        }

        /** Number entry with the line's number typed on the keypad as a Japanese customer would (090…). */
        public Walk typeNumber(DemoLine line) throws Exception {
            fire(new Event.StartNumberEntry());
            for (char c : ("0" + line.msisdn().orElseThrow().e164().substring(3)).toCharArray()) {
                fire(new Event.KeypadDigit(c - '0'));
            }
            until(s -> s instanceof State.EnterNumber e && e.valid());
            return this;
        }

        public Walk codeSentTo(DemoLine line) throws Exception {
            typeNumber(line).fire(new Event.KeypadSubmit());
            until(State.EnterCode.class);
            return this;
        }

        /** The number path to a printed slip, then Done: "take your slip", with no SIM to take back. */
        public Walk slipByNumber() throws Exception {
            DemoLine line = smsLine();
            codeSentTo(line);
            String code = demo.simulator().smsOutbox().latestTo(line.msisdn().orElseThrow().e164()).orElseThrow().code();
            fire(new Event.CodeSubmitted(code));
            until(State.ShowBalance.class);
            fire(new Event.ShowTopUps());
            until(State.TopUpOffers.class);
            String offer = onFx(() -> ((State.TopUpOffers) runtime.view().state()).offers().get(0).id());
            fire(new Event.OfferChosen(offer));
            until(State.TopUpConfirm.class);
            fire(new Event.ConfirmTopUp());
            until(s -> s instanceof State.TopUpSlip slip && slip.print() == State.PrintStatus.PRINTED);
            fire(new Event.Done());
            until(State.TakeSlip.class);
            return this;
        }

        /** Five taps on the maintenance corner open the technician's PIN pad. */
        public Walk maintenancePad() throws Exception {
            for (int i = 0; i < 5; i++) {
                onFx(() -> {
                    Node corner = runtime.shell().surface().lookup("#maintenance-corner");
                    javafx.event.Event.fireEvent(corner, new MouseEvent(MouseEvent.MOUSE_CLICKED, 10, 10, 10, 10, MouseButton.PRIMARY, 1,
                            false, false, false, false, true, false, false, true, false, false, null));
                    return null;
                });
            }
            return untilShown("maintenance-pin");
        }

        /** Presses the button with this id (a help button, a display menu entry …). */
        public Walk tap(String id) throws Exception {
            untilShown(id);
            onFx(() -> {
                if (!tapIfShown(id)) {
                    throw new IOException("#" + id + " is not a button");
                }
                return null;
            });
            return this;
        }

        public Walk fire(Event event) throws Exception {
            onFx(() -> {
                runtime.flow().fire(event);
                return null;
            });
            return this;
        }

        /** A card or carrier action, run on the FX thread as the demo tray would. */
        public Walk fire(Runnable action) throws Exception {
            onFx(() -> {
                action.run();
                return null;
            });
            return this;
        }

        /** Draws a sample state the demo carrier cannot produce on demand (marked {@code rendered} in tour.json). */
        public Walk render(State state) throws Exception {
            rendered = true;
            onFx(() -> {
                runtime.shell().show(new FlowView(state, language, OptionalInt.empty()));
                return null;
            });
            return this;
        }

        public Walk until(Class<? extends State> screen) throws Exception {
            return until(screen::isInstance);
        }

        public Walk until(Predicate<State> shown) throws Exception {
            waitFor(shown);
            return this;
        }

        public Walk untilError(ErrorKind kind) throws Exception {
            return until(s -> s instanceof State.Error e && e.kind() == kind);
        }

        /** Waits until a node with this id is on the glass (overlays, menus). */
        public Walk untilShown(String id) throws Exception {
            long deadline = System.nanoTime() + STEP_BOUND.toNanos();
            while (!onFx(() -> runtime.shell().surface().lookup("#" + id) != null)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("#" + id + " not shown within " + STEP_BOUND.toSeconds() + " s");
                }
                frame();
            }
            return this;
        }
    }

    /** Polls the flow (on the FX thread) until {@code shown} holds; bounded. */
    private void waitFor(Predicate<State> shown) throws Exception {
        long deadline = System.nanoTime() + STEP_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (onFx(() -> shown.test(runtime.view().state()))) {
                return;
            }
            frame();
        }
        throw new IOException("did not reach its screen within " + STEP_BOUND.toSeconds() + " s (at "
                + runtime.view().state().key() + ")");
    }

    /**
     * Lets the shell draw what was just shown (CSS and layout) before the picture; a wait screen the shell holds back
     * for its first moment ({@code KioskShell.WAIT_SHOWN_AFTER}) is waited for, so that the picture is of the wait.
     */
    private void settle() throws Exception {
        long deadline = System.nanoTime() + STEP_BOUND.toNanos();
        while (onFx(() -> runtime.shell().waitHeldBack())) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the wait screen was not shown within " + STEP_BOUND.toSeconds() + " s");
            }
            frame();
        }
        onFx(() -> {
            runtime.root().applyCss();
            runtime.root().layout();
            return null;
        });
        frame();
    }

    /** One turn of the FX event queue. */
    private static void frame() throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(null));
        f.get(STEP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        Thread.onSpinWait();
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return task.call();
        }
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
