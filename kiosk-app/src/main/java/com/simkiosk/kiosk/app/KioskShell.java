package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.attract.AttractScreen;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import com.simkiosk.kiosk.screen.maintenance.MaintenanceGesture;
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
 * The kiosk's 1920×1080 surface: a top bar (title, DEMO mark, languages), the current screen, the idle warning and
 * maintenance overlays. It renders {@link FlowView}s and sends {@link Event}s; it holds no session data except the
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
    private Optional<Language> shownLanguage = Optional.empty();
    private Optional<Consumer<Instant>> tick = Optional.empty();
    private final StringBuilder entry = new StringBuilder();
    private Optional<Node> idleOverlay = Optional.empty();
    private final Theme defaultTheme;
    private final java.util.List<Language> languages;
    private Theme theme;

    public KioskShell(Consumer<Event> flow, Clock clock, boolean demo, Runnable onMaintenanceGesture) {
        this(flow, clock, demo, onMaintenanceGesture, Theme.NORMAL, java.util.List.of(Language.values()));
    }

    /** {@code theme} is the kiosk's own; a customer may switch for their session (it returns at the attract screen). */
    public KioskShell(Consumer<Event> flow, Clock clock, boolean demo, Runnable onMaintenanceGesture, Theme theme,
                      java.util.List<Language> languages) {
        this.flow = flow;
        this.languages = java.util.List.copyOf(languages);
        this.defaultTheme = theme;
        this.theme = theme;
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
        surface.getChildren().addAll(frame, overlays, cornerHotspot());
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick.ifPresent(t -> t.accept(clock.instant()))));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    /** The node to put in a scene (and to snapshot). */
    public StackPane surface() {
        return surface;
    }

    public Messages messages(Language l) {
        return messages.get(l);
    }

    /** Shows the flow's view: rebuilds the screen only when the state or language changed. */
    public void show(FlowView view) {
        Language language = view.language();
        Messages m = messages.get(language);
        boolean languageChanged = shownLanguage.map(l -> l != language).orElse(true);
        boolean stateChanged = shownState.map(s -> !s.equals(view.state())).orElse(true);
        boolean sameScreen = shownState.map(s -> s.getClass() == view.state().getClass()).orElse(false);
        if (languageChanged) {
            Styling.applyLanguage(surface, language);
        }
        if (stateChanged && !view.state().inSession() && theme != defaultTheme) {
            useTheme(defaultTheme); // the next customer gets the kiosk's own look
        }
        if (languageChanged || stateChanged) {
            if (!(sameScreen && languageChanged && !stateChanged)) {
                entry.setLength(0); // a new screen starts empty; a language switch keeps what was typed
            }
            tick = Optional.empty();
            Parent screen = Screens.render(view.state(), language, context(m));
            frame.setTop(topBar(view.state(), language, m));
            fit.setContent(screen);
            shownState = Optional.of(view.state());
            shownLanguage = Optional.of(language);
            tick.ifPresent(t -> t.accept(clock.instant()));
        }
        showIdle(view, m, languageChanged);
    }

    /** Adds an overlay above the screens (maintenance); returns a way to remove it. */
    public Runnable overlay(Node node) {
        overlays.getChildren().add(node);
        return () -> overlays.getChildren().remove(node);
    }

    public void close() {
        ticker.stop();
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

    public Theme theme() {
        return theme;
    }

    /** The next look: normal → high contrast → large text → normal. */
    private void nextTheme() {
        Theme[] all = Theme.values();
        useTheme(all[(theme.ordinal() + 1) % all.length]);
        flow.accept(new Event.UserActivity());
    }

    private void useTheme(Theme t) {
        theme = t;
        if (surface.getScene() != null) {
            Styling.apply(surface.getScene(), t);
        }
    }

    private Node topBar(State state, Language language, Messages m) {
        HBox bar = new HBox(16);
        bar.getStyleClass().add("top-bar");
        bar.setId("top-bar");
        Label title = Ui.label(m.get("app.title"), "body");
        bar.getChildren().add(title);
        javafx.scene.control.Button display = Ui.button("theme-toggle", "◐ " + m.get("a11y.display"), this::nextTheme);
        display.setMinWidth(Region.USE_PREF_SIZE);
        display.setWrapText(false);
        title.setMinWidth(0); // the title may shorten; the buttons may not
        if (demo) {
            Label mark = new Label(m.get("demo.mark"));
            mark.setId("demo-mark");
            mark.getStyleClass().add("demo-mark");
            bar.getChildren().add(mark);
        }
        bar.getChildren().add(Ui.spacer());
        bar.getChildren().add(display);
        if (state.inSession()) { // the attract screens have their own large language buttons
            HBox langs = new HBox(8);
            langs.getStyleClass().add("language-bar");
            ScreenContext ctx = context(m);
            for (Language l : languages) {
                langs.getChildren().add(AttractScreen.languageButton(l, language, ctx));
            }
            bar.getChildren().add(langs);
        }
        bar.setMinHeight(96);
        return bar;
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
        box.getStyleClass().add("overlay-box");
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(1100, 600);
        StackPane scrim = new StackPane(box);
        scrim.setId("idle-overlay");
        scrim.getStyleClass().add("overlay");
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
