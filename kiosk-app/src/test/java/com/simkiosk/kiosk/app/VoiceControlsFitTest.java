package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.theme.Look;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The voice controls (Quieter, Louder, Say it again, Voice off; the Voice button on the attract screens) stay on the
 * glass, whole, at least 64 px square, and over no text or button of what is showing: every screen, with help or
 * the Display menu open too, in every language, in large text, high contrast and both. The kiosk draws one
 * 1920 × 1080 surface and letterboxes it into any window (Letterbox), so that surface is every window size.
 */
class VoiceControlsFitTest {
    /** The least touch target for a control used again and again by someone who sees poorly (the bottom bar's). */
    private static final double LEAST_TARGET = 64;
    private static final List<Look> LOOKS = List.of(new Look(false, true), new Look(true, false), new Look(true, true));
    private static final List<String> CONTROLS = List.of("voice-quieter", "voice-louder", "voice-again", "voice-off");
    private static Path cache;

    @BeforeAll
    static void toolkit() throws Exception {
        cache = Files.createTempDirectory("voice-fit");
        Fx.start();
    }

    /**
     * Over each screen alone; with help open in large text (its sections differ by screen, and large text is their
     * widest); with the Display menu open on the attract screen (it is the same on every screen).
     */
    private static List<String> opens(Look look, State s) {
        List<String> out = new ArrayList<>(List.of(""));
        if (look.largeText()) {
            out.add("help");
        }
        if (s instanceof State.Attract) {
            out.add("display");
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theVoiceControlsFitOnEveryScreenAndOverNothing(Language language) throws Exception {
        for (Look look : LOOKS) {
            for (State s : HelpOverlayFitsTest.everyScreen()) {
                for (String open : opens(look, s)) {
                    String where = s.key() + (s instanceof State.Error e ? " " + e.kind() : "") + (open.isEmpty() ? "" : " with " + open)
                            + " in " + language + ", " + look;
                    Fx.run(() -> {
                        VoiceHarness kiosk = new VoiceHarness(cache, look, HelpSettings.defaults());
                        try {
                            kiosk.show(s, language);
                            kiosk.guide.setOn(true);
                            if (!open.isEmpty()) {
                                ((javafx.scene.control.Button) kiosk.shell.surface().lookup("#" + open)).fire();
                            }
                            kiosk.layout();
                            check(kiosk.shell, CONTROLS, where);
                        } catch (AssertionError e) {
                            shot(kiosk, "voice-controls-do-not-fit-" + language.tag() + "-" + s.key().substring(7) + "-" + open
                                    + (look.highContrast() ? "-contrast" : "") + (look.largeText() ? "-large" : ""));
                            throw e;
                        } finally {
                            kiosk.close();
                        }
                    });
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theVoiceButtonOnTheAttractScreensIsLargeAndOverNothing(Language language) throws Exception {
        for (Look look : LOOKS) {
            for (State s : List.of(new State.Attract(), new State.ReaderUnavailable())) {
                String where = s.key() + " in " + language + ", " + look;
                Fx.run(() -> {
                    VoiceHarness kiosk = new VoiceHarness(cache, look, HelpSettings.defaults());
                    try {
                        kiosk.show(s, language);
                        check(kiosk.shell, List.of("voice-on"), where);
                        if (look.equals(LOOKS.get(2)) && s instanceof State.Attract) {
                            shot(kiosk, "voice-button-" + language.tag() + "-large-contrast");
                        }
                    } finally {
                        kiosk.close();
                    }
                });
            }
        }
    }

    /** Each control whole, on the glass, large enough, and over none of the texts and buttons of the top layer. */
    static void check(KioskShell shell, List<String> ids, String where) {
        Node bar = shell.surface().lookup("#voice-bar");
        assertThat(bar).as("voice bar on %s", where).isNotNull();
        for (String id : ids) {
            Node n = bar.lookup("#" + id);
            assertThat(n).as("#%s on %s", id, where).isInstanceOf(Labeled.class);
            Labeled b = (Labeled) n;
            assertThat(b.isVisible()).as("#%s visible on %s", id, where).isTrue();
            assertThat(HelpOverlayFitsTest.onGlass(b)).as("#%s inside the window on %s: %s", id, where, HelpOverlayFitsTest.scene(b))
                    .isTrue();
            Text shown = (Text) b.lookup(".text");
            assertThat(shown.getText()).as("#%s not cut short on %s", id, where).isEqualTo(b.getText());
            Bounds at = HelpOverlayFitsTest.scene(b);
            assertThat(Math.min(at.getWidth(), at.getHeight())).as("#%s touch target on %s: %s", id, where, at)
                    .isGreaterThanOrEqualTo(LEAST_TARGET - 0.5);
        }
        Bounds controls = HelpOverlayFitsTest.scene(bar.lookup("#" + ids.get(0)));
        for (String id : ids) {
            Bounds b = HelpOverlayFitsTest.scene(bar.lookup("#" + id));
            controls = new javafx.geometry.BoundingBox(Math.min(controls.getMinX(), b.getMinX()), Math.min(controls.getMinY(), b.getMinY()),
                    Math.max(controls.getMaxX(), b.getMaxX()) - Math.min(controls.getMinX(), b.getMinX()),
                    Math.max(controls.getMaxY(), b.getMaxY()) - Math.min(controls.getMinY(), b.getMinY()));
        }
        for (Node n : topLayer(shell, bar)) {
            if (!(n instanceof Labeled l) || !visible(l) || l.getText() == null || l.getText().isBlank()) {
                continue;
            }
            // A button is its whole face; a label only where its text is drawn (a title may span the screen).
            Node drawn = l instanceof javafx.scene.control.ButtonBase ? l : Optional.ofNullable(l.lookup(".text")).orElse(l);
            Bounds other = HelpOverlayFitsTest.scene(drawn);
            assertThat(controls.intersects(other)).as("voice controls %s over '%s' (#%s) %s on %s", controls, l.getText(),
                    l.getId(), other, where).isFalse();
        }
    }

    /** What the customer sees under the voice controls: the open overlay if there is one, else the screen and its bars. */
    private static List<Node> topLayer(KioskShell shell, Node bar) {
        Parent overlays = bar.getParent();
        Node top = null;
        for (Node o : overlays.getChildrenUnmodifiable()) {
            if (o != bar && o.isVisible() && !o.isMouseTransparent()) {
                top = o;
            }
        }
        List<Node> out = new ArrayList<>();
        if (top != null) {
            out.addAll(top.lookupAll(".label"));
            out.addAll(top.lookupAll(".button"));
        } else {
            for (Node child : shell.surface().getChildrenUnmodifiable()) {
                if (child != overlays) {
                    out.addAll(child.lookupAll(".label"));
                    out.addAll(child.lookupAll(".button"));
                }
            }
        }
        return out;
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void shot(VoiceHarness kiosk, String name) {
        try {
            Fx.screenshot(kiosk.shell.surface(), name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
