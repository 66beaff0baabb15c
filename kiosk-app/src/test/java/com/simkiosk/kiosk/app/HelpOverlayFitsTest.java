package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.FlowSamples;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.screen.help.SupportContact;
import com.simkiosk.kiosk.theme.Look;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 10: the help overlay in large text (alone and with high contrast) fits on the glass in every language, on
 * every screen that offers it: no text cut short with "…" or cut off below, nothing outside the window, and Close
 * within reach. The carrier's support card is configured, so its errors show their widest help.
 */
class HelpOverlayFitsTest {
    private static final Clock CLOCK = Clock.fixed(FlowSamples.NOW, ZoneOffset.UTC);
    private static final HelpSettings WITH_SUPPORT = HelpSettings.defaults().withContacts(List.of(new SupportContact("demo",
            Optional.of("0120-000-000"), Optional.of(URI.create("https://support.example.jp/sim")))), Optional.empty());
    /** Large text may be shrunk a little to fit, never below the high-contrast look's standard size (px). */
    private static final double SMALLEST_TEXT = 28;
    private static final List<Look> LARGE = List.of(new Look(false, true), new Look(true, true));

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    /** Every screen the flow shows, with the carrier's errors and the blocked PIN that send the customer there. */
    static List<State> everyScreen() {
        List<State> states = new ArrayList<>(FlowSamples.oneOfEachState());
        states.add(new State.Error(ErrorKind.LINE_SUSPENDED, false));
        states.add(new State.Error(ErrorKind.NUMBER_CANNOT_GET_CODES, false));
        states.add(new State.EnterDetail(VerificationMethod.ORDER_NUMBER, 3, Optional.empty()));
        states.add(new State.PinRefused(0, List.of()));
        return states;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void helpFitsOnTheGlassInLargeTextOnEveryScreen(Language language) throws Exception {
        for (Look look : LARGE) {
            for (State s : everyScreen()) {
                String where = s.key() + " " + (s instanceof State.Error e ? e.kind() + " " : "") + "in " + language + ", " + look;
                Fx.run(() -> {
                    KioskShell shell = new KioskShell(e -> {}, CLOCK, false, () -> {}, Theme.NORMAL, List.of(Language.values()),
                            WITH_SUPPORT, () -> {});
                    Scene scene = new Scene(shell.surface(), KioskShell.WIDTH, KioskShell.HEIGHT);
                    Styling.apply(scene, look);
                    shell.show(new FlowView(s, language, OptionalInt.empty()));
                    Button help = (Button) shell.surface().lookup("#help");
                    assertThat(help).as("Help on %s", where).isNotNull();
                    help.fire();
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    Node overlay = shell.surface().lookup("#help-overlay");
                    assertThat(overlay).as("help open on %s", where).isNotNull();
                    try {
                        assertFits(overlay, where);
                        Node close = shell.surface().lookup("#help-close");
                        assertThat(onGlass(close)).as("Close inside the window on %s", where).isTrue();
                    } catch (AssertionError e) {
                        screenshot(shell, "help-does-not-fit-" + language.tag() + "-" + s.key().substring(7)
                                + (look.highContrast() ? "-contrast" : ""));
                        throw e;
                    }
                    if (look.equals(LARGE.get(1)) && s instanceof State.Error e && e.kind() == ErrorKind.LINE_SUSPENDED) {
                        screenshot(shell, "help-fits-" + language.tag() + "-large-contrast-line-suspended");
                    } else if (look.equals(LARGE.get(0)) && (s instanceof State.Attract || s instanceof State.ChooseVerification)) {
                        screenshot(shell, "help-fits-" + language.tag() + "-large-" + s.key().substring(7));
                    }
                    shell.close();
                });
            }
        }
    }

    /** Each text under {@code root} shows whole: not ellipsised, as tall as its lines need, and on the glass. */
    static void assertFits(Node root, String where) {
        for (Node n : root.lookupAll(".label")) {
            if (!(n instanceof Labeled l) || !l.isVisible() || l.getText() == null || l.getText().isBlank()) {
                continue;
            }
            assertThat(onGlass(l)).as("'%s' inside the window on %s: %s", l.getText(), where, scene(l)).isTrue();
            Text shown = (Text) l.lookup(".text");
            assertThat(shown.getText()).as("'%s' not cut short on %s", l.getText(), where).isEqualTo(l.getText());
            double onGlass = l.getFont().getSize() * (l.localToScene(0, 1).getY() - l.localToScene(0, 0).getY());
            assertThat(onGlass).as("'%s' on %s no smaller than the standard high-contrast text", l.getText(), where)
                    .isGreaterThanOrEqualTo(SMALLEST_TEXT - 0.5);
            double needed = l.prefHeight(l.getWidth());
            assertThat(l.getHeight()).as("'%s' tall enough for its lines on %s", l.getText(), where)
                    .isGreaterThanOrEqualTo(needed - 0.5);
        }
        for (Node n : root.lookupAll(".button")) {
            Labeled b = (Labeled) n;
            assertThat(onGlass(b)).as("#%s inside the window on %s: %s", b.getId(), where, scene(b)).isTrue();
            Text shown = (Text) b.lookup(".text");
            assertThat(shown.getText()).as("#%s not cut short on %s", b.getId(), where).isEqualTo(b.getText());
        }
    }

    static Bounds scene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    static boolean onGlass(Node n) {
        Bounds b = scene(n);
        return b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= KioskShell.WIDTH + 0.5
                && b.getMaxY() <= KioskShell.HEIGHT + 0.5;
    }

    private static void screenshot(KioskShell shell, String name) {
        try {
            Fx.screenshot(shell.surface(), name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
