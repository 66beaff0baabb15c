package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import com.simkiosk.kiosk.screen.help.CarrierReferral;
import com.simkiosk.kiosk.screen.help.HelpOverlay;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.screen.maintenance.MaintenanceGesture;
import com.simkiosk.kiosk.screen.progress.ProgressScreen;
import com.simkiosk.kiosk.theme.Look;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The kiosk's 1920×1080 surface: a top bar (title, DEMO mark), the current screen, a bottom bar within a seated
 * customer's reach (Help, Display, languages) that is the same on every screen, the carrier's support beside an error
 * that sends the customer there, and the help, display, idle warning and maintenance overlays. It renders {@link FlowView}s and sends {@link Event}s; it holds no session data except the
 * digits being typed on the current screen. FX thread only.
 */
public final class KioskShell {
    public static final double WIDTH = 1920;
    public static final double HEIGHT = 1080;

    private final Consumer<Event> flow;
    private final Clock clock;
    private final boolean demo;
    private final Map<Language, Messages> messages = new EnumMap<>(Language.class);
    private final StackPane surface = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final StackPane overlays = new StackPane();
    private final com.simkiosk.kiosk.screen.common.FitPane fit = new com.simkiosk.kiosk.screen.common.FitPane();
    private final Timeline ticker;
    private final MaintenanceGesture gesture;
    private final Runnable onMaintenanceGesture;

    private Optional<State> shownState = Optional.empty();
    /** A wait shorter than this is never shown: see {@link #show}. Below what a person perceives as a delay. */
    static final java.time.Duration WAIT_SHOWN_AFTER = java.time.Duration.ofMillis(150);
    private final javafx.animation.PauseTransition waitShown =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(WAIT_SHOWN_AFTER.toMillis()));
    /** The wait held back, until it is shown or something else is. */
    private Optional<FlowView> heldWait = Optional.empty();
    private Optional<Language> shownLanguage = Optional.empty();
    private Optional<Consumer<Instant>> tick = Optional.empty();
    private final StringBuilder entry = new StringBuilder();
    private Optional<Node> idleOverlay = Optional.empty();
    private final Look defaultLook;
    private final java.util.List<Language> languages;
    private final HelpSettings help;
    private final Runnable callStaff;
    private Look look;
    private Optional<Node> helpOverlay = Optional.empty();
    private Optional<Node> displayMenu = Optional.empty();
    private Optional<Node> staffNotice = Optional.empty();
    private boolean staffCalled;
    private Optional<FlowView> shownView = Optional.empty();
    private final java.util.List<java.util.function.Function<Messages, Node>> displayMenuItems = new java.util.ArrayList<>();
    private final ShellBars bars;
    /** The waits (reading, checking the SIM, looking up) share one screen updated in place. */
    private final ProgressScreen.Shared progress = new ProgressScreen.Shared();
    /** The attract screen (nothing personal on it) is kept across customers rather than built after each. */
    private final com.simkiosk.kiosk.screen.attract.AttractScreen.Kept attract =
            new com.simkiosk.kiosk.screen.attract.AttractScreen.Kept();

    public KioskShell(Consumer<Event> flow, Clock clock, boolean demo, Runnable onMaintenanceGesture) {
        this(flow, clock, demo, onMaintenanceGesture, Theme.NORMAL, java.util.List.of(Language.values()));
    }

    public KioskShell(Consumer<Event> flow, Clock clock, boolean demo, Runnable onMaintenanceGesture, Theme theme,
                      java.util.List<Language> languages) {
        this(flow, clock, demo, onMaintenanceGesture, theme, languages, HelpSettings.defaults(), () -> {});
    }

    /**
     * {@code theme} is the kiosk's own look; a customer may change it for their session (it returns at the attract
     * screen). {@code callStaff} runs when a customer calls staff from the help overlay (counter, chime).
     */
    public KioskShell(Consumer<Event> flow, Clock clock, boolean demo, Runnable onMaintenanceGesture, Theme theme,
                      java.util.List<Language> languages, HelpSettings help, Runnable callStaff) {
        this.flow = flow;
        this.languages = java.util.List.copyOf(languages);
        this.defaultLook = theme.look();
        this.look = defaultLook;
        this.help = help;
        this.callStaff = callStaff;
        this.clock = clock;
        this.demo = demo;
        this.onMaintenanceGesture = onMaintenanceGesture;
        this.gesture = new MaintenanceGesture(clock);
        for (Language l : Language.values()) {
            messages.put(l, Messages.of(l));
        }
        surface.setId("kiosk-surface");
        surface.setMinSize(WIDTH, HEIGHT);
        surface.setPrefSize(WIDTH, HEIGHT);
        surface.setMaxSize(WIDTH, HEIGHT);
        surface.getStyleClass().add("kiosk-surface");
        surface.setClip(new javafx.scene.shape.Rectangle(WIDTH, HEIGHT));
        overlays.setPickOnBounds(false);
        frame.setCenter(fit);
        bars = new ShellBars(demo, this.languages, this::openHelp, this::openDisplayMenu, context(messages.get(Language.JA)));
        frame.setTop(bars.top());
        frame.setBottom(bars.bottom());
        surface.getChildren().addAll(frame, overlays, cornerHotspot());
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick.ifPresent(t -> t.accept(clock.instant()))));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        waitShown.setOnFinished(e -> heldWait.ifPresent(held -> {
            releaseWait();
            showNow(held);
        }));
    }

    /** The node to put in a scene (and to snapshot). */
    public StackPane surface() {
        return surface;
    }

    public Messages messages(Language l) {
        return messages.get(l);
    }

    /**
     * Shows the flow's view: rebuilds the screen only when the state or language changed. A wait that follows a screen
     * the customer acts on (the SIM inserted on the attract screen) is shown only once it has lasted
     * {@link #WAIT_SHOWN_AFTER}: a wait that ends before then goes straight to what follows, without a progress screen
     * flashing by for a frame or two (issue 17). Meanwhile the screen before it takes no touch.
     */
    public void show(FlowView view) {
        if (deferredWait(view)) {
            return;
        }
        showNow(view);
    }

    /** True when {@code view} is a wait held back (or still held back); any other view ends the holding back. */
    private boolean deferredWait(FlowView view) {
        boolean fromWait = shownState.map(ProgressScreen::isWait).orElse(true);
        if (ProgressScreen.isWait(view.state()) && !fromWait && shownLanguage.equals(Optional.of(view.language()))) {
            boolean first = heldWait.isEmpty();
            heldWait = Optional.of(view);
            if (first) {
                surface.setMouseTransparent(true); // the screen still on the glass is no longer the flow's
                closeHelp(); // a new step closes help and the display menu, held back or not
                closeDisplayMenu();
                waitShown.playFromStart();
            }
            return true;
        }
        releaseWait();
        return false;
    }

    private void releaseWait() {
        if (heldWait.isPresent()) {
            waitShown.stop();
            heldWait = Optional.empty();
            surface.setMouseTransparent(false);
        }
    }

    /** Whether a wait is being held back for its first moment (the tour waits for it before its picture). */
    public boolean waitHeldBack() {
        return heldWait.isPresent();
    }

    private void showNow(FlowView view) {
        Language language = view.language();
        Messages m = messages.get(language);
        boolean languageChanged = shownLanguage.map(l -> l != language).orElse(true);
        boolean stateChanged = shownState.map(s -> !s.equals(view.state())).orElse(true);
        boolean sameScreen = shownState.map(s -> s.getClass() == view.state().getClass()).orElse(false);
        if (languageChanged) {
            Styling.applyLanguage(surface, language);
        }
        if (stateChanged && !view.state().inSession() && !look.equals(defaultLook)) {
            useLook(defaultLook); // the next customer gets the kiosk's own look
        }
        if (stateChanged && !view.state().inSession()) {
            clearStaffNotice(); // the clerk came, or the customer left: the next one starts without it
        }
        if (stateChanged) {
            // A new step (or the idle wipe) closes help and the display menu: nothing stays open over a reset.
            closeHelp();
            closeDisplayMenu();
        }
        shownView = Optional.of(view);
        if (languageChanged || stateChanged) {
            if (!(sameScreen && languageChanged && !stateChanged)) {
                entry.setLength(0); // a new screen starts empty; a language switch keeps what was typed
            }
            tick = Optional.empty();
            ScreenContext ctx = context(m);
            Parent screen = progress.render(view.state(), ctx)
                    .or(() -> keptAttract(view.state(), language, ctx))
                    .orElseGet(() -> Screens.render(view.state(), language, ctx));
            bars.update(view.state(), language, m, look); // the bars stay; only the screen is new
            frame.setRight(supportBeside(view, language, m).orElse(null));
            fit.setContent(screen);
            if (languageChanged && !stateChanged && helpOverlay.isPresent()) {
                openHelp(); // in the new language
            }
            if (languageChanged && !stateChanged && displayMenu.isPresent()) {
                openDisplayMenu();
            }
            if (languageChanged && staffCalled) {
                showStaffNotice(m);
            }
            shownState = Optional.of(view.state());
            shownLanguage = Optional.of(language);
            tick.ifPresent(t -> t.accept(clock.instant()));
        }
        showIdle(view, m, languageChanged);
    }

    private Optional<Parent> keptAttract(State s, Language language, ScreenContext ctx) {
        if (s instanceof State.Attract || s instanceof State.ReaderUnavailable) {
            return Optional.of(attract.view(language, ctx, s instanceof State.Attract));
        }
        return Optional.empty();
    }

    /** Adds an overlay above the screens (maintenance); returns a way to remove it. */
    public Runnable overlay(Node node) {
        overlays.getChildren().add(node);
        return () -> overlays.getChildren().remove(node);
    }

    public void close() {
        ticker.stop();
        releaseWait();
    }

    /** Adds a switch to the Display menu (voice guidance), made in the menu's language each time it opens. */
    public void addDisplayMenuItem(java.util.function.Function<Messages, Node> item) {
        displayMenuItems.add(item);
    }

    private ScreenContext context(Messages m) {
        return new ScreenContext() {
            @Override
            public Messages messages() {
                return m;
            }

            @Override
            public void fire(Event event) {
                flow.accept(event);
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public void onTick(Consumer<Instant> t) {
                Consumer<Instant> before = tick.orElse(i -> {});
                tick = Optional.of(before.andThen(t));
            }

            @Override
            public java.util.List<Language> languages() {
                return languages;
            }

            @Override
            public StringBuilder entry() {
                return entry;
            }
        };
    }

    /** The look on the glass now: the kiosk's own, or what this customer chose in the display menu. */
    public Look look() {
        return look;
    }

    /** Whether the help overlay is open. */
    public boolean helpOpen() {
        return helpOverlay.isPresent();
    }

    private void useLook(Look l) {
        look = l;
        if (surface.getScene() != null) {
            Styling.apply(surface.getScene(), l);
        }
    }

    /** The carrier's phone number and support page beside an error only the carrier can resolve. */
    private Optional<Node> supportBeside(FlowView view, Language language, Messages m) {
        if (!CarrierReferral.sendsToCarrier(view.state())) {
            return Optional.empty();
        }
        return bars.side(help.contactFor(view.backend()), language, m);
    }

    /** Opens (or re-renders) help for the step on screen. Opening counts as activity; reading it does not. */
    private void openHelp() {
        if (shownView.isEmpty()) {
            return;
        }
        FlowView view = shownView.get();
        Messages m = messages.get(view.language());
        closeDisplayMenu();
        Node overlay = HelpOverlay.view(view.state(), m, help.callStaff(), help.contactFor(view.backend()), staffCalled,
                new HelpOverlay.Actions() {
                    @Override
                    public void callStaff() {
                        staffCalled = true;
                        callStaff.run();
                        showStaffNotice(m);
                        flow.accept(new Event.UserActivity());
                    }

                    @Override
                    public void close() {
                        closeHelp();
                        flow.accept(new Event.UserActivity());
                    }
                });
        closeHelp();
        overlays.getChildren().add(0, overlay); // below the idle warning: help never hides the countdown
        helpOverlay = Optional.of(overlay);
        flow.accept(new Event.UserActivity());
    }

    private void closeHelp() {
        helpOverlay.ifPresent(n -> overlays.getChildren().remove(n));
        helpOverlay = Optional.empty();
    }

    private void openDisplayMenu() {
        if (shownView.isEmpty()) {
            return;
        }
        Messages m = messages.get(shownView.get().language());
        closeHelp();
        closeDisplayMenu();
        Node menu = DisplayMenu.view(look, m, chosen -> {
            useLook(chosen);
            openDisplayMenu(); // says the new setting
            bars.update(shownView.get().state(), shownView.get().language(), m, look);
        }, () -> {
            closeDisplayMenu();
            flow.accept(new Event.UserActivity());
        }, displayMenuItems.stream().map(item -> item.apply(m)).toList());
        overlays.getChildren().add(0, menu);
        displayMenu = Optional.of(menu);
        flow.accept(new Event.UserActivity());
    }

    private void closeDisplayMenu() {
        displayMenu.ifPresent(n -> overlays.getChildren().remove(n));
        displayMenu = Optional.empty();
    }

    /** For the clerk, in Japanese, and for the customer in their language; it lets every tap through. */
    private void showStaffNotice(Messages m) {
        clearStaffNotice();
        staffCalled = true;
        Label clerk = Ui.label(messages.get(Language.JA).get("help.staffNotice.clerk"), "headline");
        Label customer = Ui.label(m.get("help.staffCalled"), "body");
        VBox notice = new VBox(4, clerk, customer);
        notice.setId("staff-notice");
        notice.getStyleClass().add("staff-notice");
        notice.setAlignment(Pos.CENTER);
        notice.setMaxSize(1100, Region.USE_PREF_SIZE);
        notice.setMouseTransparent(true);
        StackPane.setAlignment(notice, Pos.TOP_CENTER);
        overlays.getChildren().add(notice);
        staffNotice = Optional.of(notice);
    }

    private void clearStaffNotice() {
        staffNotice.ifPresent(n -> overlays.getChildren().remove(n));
        staffNotice = Optional.empty();
        staffCalled = false;
    }

    private void showIdle(FlowView view, Messages m, boolean languageChanged) {
        if (view.idleSecondsLeft().isEmpty()) {
            idleOverlay.ifPresent(n -> overlays.getChildren().remove(n));
            idleOverlay = Optional.empty();
            return;
        }
        int seconds = view.idleSecondsLeft().getAsInt();
        if (idleOverlay.isPresent() && !languageChanged) {
            Node box = idleOverlay.get();
            ((Label) box.lookup("#idle-countdown")).setText(String.valueOf(seconds));
            ((Label) box.lookup("#idle-body")).setText(m.get("idle.body", seconds));
            return;
        }
        idleOverlay.ifPresent(n -> overlays.getChildren().remove(n));
        Label count = Ui.label(String.valueOf(seconds), "countdown");
        count.setId("idle-countdown");
        Label body = Ui.body(m.get("idle.body", seconds));
        body.setId("idle-body");
        var actions = new HBox(24, Ui.button("idle-end", m.get("idle.end"), () -> flow.accept(new Event.Cancel())),
                Ui.primary("idle-continue", m.get("idle.continue"), () -> flow.accept(new Event.UserActivity())));
        actions.setAlignment(Pos.CENTER);
        VBox box = new VBox(24, Ui.title(m.get("idle.title")), count, body, actions);
        StackPane scrim = com.simkiosk.kiosk.screen.help.Overlays.scrim("idle-overlay", box, Pos.CENTER, 1100, 600);
        overlays.getChildren().add(scrim);
        idleOverlay = Optional.of(scrim);
    }

    /** An invisible 120 px square in the top-left corner that counts taps towards the maintenance gesture. */
    private Node cornerHotspot() {
        Region corner = new Region();
        corner.setId("maintenance-corner");
        corner.setMinSize(120, 120);
        corner.setMaxSize(120, 120);
        corner.setStyle("-fx-background-color: transparent;");
        corner.setPickOnBounds(true);
        StackPane.setAlignment(corner, Pos.TOP_LEFT);
        corner.setOnMouseClicked(e -> {
            if (gesture.tap()) {
                onMaintenanceGesture.run();
            }
        });
        return corner;
    }
}
