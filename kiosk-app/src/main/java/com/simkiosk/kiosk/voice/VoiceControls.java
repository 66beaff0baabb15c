package com.simkiosk.kiosk.voice;

import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.Ui;
import java.util.Optional;
import java.util.function.Function;
import com.simkiosk.kiosk.theme.Look;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The voice mode's buttons, over the top right of the kiosk: a large "🔊 Voice" on the attract screens while it is
 * off; quieter, louder and "say it again" on every screen while it is on. A long press anywhere on the attract
 * screen turns it on too (for a customer who cannot find the button), and the Display menu has a switch. Every
 * touch on the surface reaches the guide (a click; keypad keys speak). FX thread only.
 */
public final class VoiceControls {
    /** How long a press on the attract screen turns voice on: longer than any tap, short enough to discover. */
    static final Duration LONG_PRESS = Duration.millis(1500);

    /** A loudspeaker with sound waves, and with one small wave (the kiosk's fonts have no emoji). */
    private static final String SPEAKER = "M3 9v6h4l5 5V4L7 9H3zm13.5 3c0-1.77-1.02-3.29-2.5-4.03v8.05c1.48-.73 2.5-2.25 "
            + "2.5-4.02zM14 3.23v2.06c2.89.86 5 3.54 5 6.71s-2.11 5.85-5 6.71v2.06c4.01-.91 7-4.49 7-8.77s-2.99-7.86-7-8.77z";
    /** A loudspeaker crossed out. */
    private static final String OFF = "M16.5 12c0-1.77-1.02-3.29-2.5-4.03v2.21l2.45 2.45c.03-.2.05-.41.05-.63zm2.5 0c0 .94-.2 "
            + "1.82-.54 2.64l1.51 1.51C20.63 14.91 21 13.5 21 12c0-4.28-2.99-7.86-7-8.77v2.06c2.89.86 5 3.54 5 6.71zM4.27 "
            + "3L3 4.27 7.73 9H3v6h4l5 5v-6.73l4.25 4.25c-.67.52-1.42.93-2.25 1.18v2.06c1.38-.31 2.63-.95 3.69-1.81L19.73 "
            + "21 21 19.73l-9-9L4.27 3zM12 4L9.91 6.09 12 8.18V4z";
    /** Ids of what opens over the screens, as the shell and the out-of-service watch give them. */
    static final String HELP = "help-overlay";
    static final String DISPLAY = "display-menu";
    static final String OUT_OF_SERVICE = "out-of-service";
    static final String MAINTENANCE = "maintenance";
    private static final String QUIETER = "M18.5 12c0-1.77-1.02-3.29-2.5-4.03v8.05c1.48-.73 2.5-2.25 2.5-4.02zM5 9v6h4l5 5V4L9 9H5z";

    private final VoiceGuide guide;
    private final Function<Language, Messages> messages;
    private final Supplier<Look> look;
    private Optional<Look> menuLook = Optional.empty();
    private boolean maintenance;
    private final HBox bar = new HBox(12);
    private final PauseTransition press = new PauseTransition(LONG_PRESS);
    private Optional<FlowView> shown = Optional.empty();
    private double pressX;
    private double pressY;

    private VoiceControls(VoiceGuide guide, Function<Language, Messages> messages, Supplier<Look> look) {
        this.guide = guide;
        this.messages = messages;
        this.look = look;
        bar.setId("voice-bar");
        bar.getStyleClass().add("voice-bar");
        bar.setAlignment(Pos.TOP_RIGHT);
        bar.setPickOnBounds(false);
        bar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(bar, Pos.TOP_RIGHT);
        press.setOnFinished(e -> {
            if (shown.map(v -> !v.state().inSession()).orElse(false)) {
                guide.setOn(true);
            }
        });
        guide.onChange(this::refresh);
    }

    /**
     * Puts the controls on {@code surface} (through {@code overlay}, which adds a node above the screens) and listens
     * to every touch on it.
     */
    public static VoiceControls attach(VoiceGuide guide, Node surface, Function<Node, Runnable> overlay,
                                       Function<Language, Messages> messages) {
        return attach(guide, surface, overlay, messages, () -> Look.NORMAL);
    }

    /**
     * As above; {@code look} is the look on the glass now, so that the Display menu says its switches. What opens
     * over the screens is followed by its id: help and the Display menu are said when they open and, when the
     * customer closes them, where they are; the out-of-service screen is said; maintenance (staff only) silences
     * the voice and no touch in it is answered (its PIN pad is never read out).
     */
    public static VoiceControls attach(VoiceGuide guide, Node surface, Function<Node, Runnable> overlay,
                                       Function<Language, Messages> messages, Supplier<Look> look) {
        VoiceControls c = new VoiceControls(guide, messages, look);
        overlay.apply(c.bar);
        if (c.bar.getParent() != null) {
            c.bar.getParent().getChildrenUnmodifiable().addListener(c::overlaysChanged);
        }
        surface.addEventFilter(ActionEvent.ACTION, e -> {
            if (e.getTarget() instanceof Button b && !c.maintenance) {
                guide.touched(b.getId());
                c.closing(b.getId());
            }
        });
        surface.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            c.pressX = e.getSceneX();
            c.pressY = e.getSceneY();
            if (!guide.on() && !c.maintenance && c.shown.map(v -> !v.state().inSession()).orElse(false)) {
                c.press.playFromStart();
            }
        });
        surface.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> c.press.stop());
        surface.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (Math.hypot(e.getSceneX() - c.pressX, e.getSceneY() - c.pressY) > 40) {
                c.press.stop(); // a swipe, not a press
            }
        });
        return c;
    }

    /** Whether a press now under way may still turn voice on (a tap ends it). */
    boolean longPressRunning() {
        return press.getStatus() == Animation.Status.RUNNING;
    }

    /** The flow's view (after the shell and the guide have it). */
    public void show(FlowView view) {
        boolean redraw = shown.map(v -> v.language() != view.language() || v.state().inSession() != view.state().inSession())
                .orElse(true);
        if (shown.map(v -> !v.state().equals(view.state())).orElse(true)) {
            menuLook = Optional.empty(); // a new step closed the Display menu
        }
        shown = Optional.of(view);
        if (redraw) {
            refresh();
        }
    }

    /** The Display menu's switch: "🔊 Voice guidance" and ON/OFF, flipping at a touch. */
    public Button menuSwitch(Messages m) {
        Button b = Ui.button("display-voice", "", () -> {});
        b.setGraphic(icon(SPEAKER, b));
        b.getStyleClass().addAll("display-switch", "voice-switch");
        b.setMinWidth(420); // as the Display menu's own switches
        Runnable label = () -> {
            b.setText(m.get("voice.menu") + "\n" + m.get(guide.on() ? "display.on" : "display.off"));
            b.getStyleClass().remove("current");
            if (guide.on()) {
                b.getStyleClass().add("current");
            }
        };
        b.setOnAction(e -> {
            guide.setOn(!guide.on());
            label.run();
        });
        label.run();
        return b;
    }

    /** The icon in the button's own text colour, so that every theme colours it. */
    private static javafx.scene.shape.SVGPath icon(String path, Button b) {
        javafx.scene.shape.SVGPath icon = new javafx.scene.shape.SVGPath();
        icon.setContent(path);
        icon.getStyleClass().add("voice-icon");
        icon.fillProperty().bind(b.textFillProperty());
        icon.setScaleX(1.4);
        icon.setScaleY(1.4);
        return icon;
    }

    /** The customer closed help or the Display menu: the guide says where they are. */
    private void closing(String id) {
        if ("help-close".equals(id) || "display-close".equals(id)) {
            menuLook = Optional.empty();
            guide.overlayClosed(VoiceGuide.Closed.BY_CUSTOMER);
        }
    }

    /** Something opened or closed over the screens (the shell's help, Display menu, idle warning; out of service; maintenance). */
    private void overlaysChanged(ListChangeListener.Change<? extends Node> change) {
        boolean added = false;
        while (change.next()) {
            for (Node n : change.getRemoved()) {
                String id = String.valueOf(n.getId());
                if (id.startsWith(MAINTENANCE)) {
                    maintenance = change.getList().stream().anyMatch(o -> String.valueOf(o.getId()).startsWith(MAINTENANCE));
                } else if (id.equals(OUT_OF_SERVICE)) {
                    guide.overlayClosed(VoiceGuide.Closed.BACK_IN_SERVICE);
                }
            }
            for (Node n : change.getAddedSubList()) {
                added |= n != bar;
                opened(String.valueOf(n.getId()));
            }
        }
        if (added && !maintenance) {
            Platform.runLater(() -> {
                // Above the idle warning and the out-of-service screen (they come later), never above maintenance.
                if (!maintenance && bar.getParent() != null && !bar.getParent().getChildrenUnmodifiable().isEmpty()
                        && bar.getParent().getChildrenUnmodifiable().get(bar.getParent().getChildrenUnmodifiable().size() - 1) != bar) {
                    bar.toFront();
                }
            });
        }
    }

    private void opened(String id) {
        Optional<State> state = guide.shown();
        if (id.startsWith(MAINTENANCE)) {
            maintenance = true;
            press.stop();
            guide.hush(); // staff only: not spoken
        } else if (id.equals(HELP) && state.isPresent()) {
            State s = state.get();
            // The overlay is built before it is added: whether it offers "Call staff" is on it already.
            boolean callStaff = bar.getParent() != null && bar.getParent().lookup("#help-call-staff") != null;
            guide.overlay(sc -> OverlaySpeech.help(s, callStaff, sc));
        } else if (id.equals(DISPLAY)) {
            Look now = look.get();
            Optional<Look> before = menuLook;
            menuLook = Optional.of(now);
            if (before.isPresent() && !before.get().equals(now)) {
                guide.overlayChanged(sc -> OverlaySpeech.displayChanged(before.get(), now, sc), sc -> OverlaySpeech.display(now, sc));
            } else {
                guide.overlay(sc -> OverlaySpeech.display(now, sc));
            }
        } else if (id.equals(OUT_OF_SERVICE)) {
            guide.overlay(OverlaySpeech::outOfService);
        }
    }

    private void refresh() {
        bar.getChildren().clear();
        if (shown.isEmpty()) {
            return;
        }
        Messages m = messages.apply(shown.get().language());
        if (guide.on()) {
            bar.getChildren().addAll(
                    control("voice-quieter", m.get("voice.quieter"), QUIETER, guide::quieter),
                    control("voice-louder", m.get("voice.louder"), SPEAKER, guide::louder),
                    control("voice-again", "↻ " + m.get("voice.again"), "", guide::again),
                    control("voice-off", m.get("voice.off"), OFF, () -> guide.setOn(false)));
        } else if (!shown.get().state().inSession()) {
            Button on = control("voice-on", m.get("voice.button"), SPEAKER, () -> guide.setOn(true));
            on.getStyleClass().add("primary");
            bar.getChildren().add(on);
        }
    }

    private static Button control(String id, String text, String icon, Runnable action) {
        Button b = Ui.button(id, text, action);
        if (!icon.isEmpty()) {
            b.setGraphic(icon(icon, b));
        }
        b.getStyleClass().add("voice-control");
        b.setWrapText(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
