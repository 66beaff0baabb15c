package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.FlowSamples;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a wait that ends before a person could see it (a SIM read and checked in a few tens of ms) goes from the
 * attract screen straight to the balance, without "Reading your SIM" and "Checking your SIM" flashing by; a wait that
 * lasts is shown once it has lasted {@link KioskShell#WAIT_SHOWN_AFTER} (never a frozen screen), and meanwhile the
 * screen still on the glass takes no touch (help and the display menu close at once, as for any new step). Waits that
 * follow each other, and anything that is not a wait, show at once.
 */
class WaitScreenTest {
    private static final Clock CLOCK = Clock.fixed(FlowSamples.NOW, ZoneOffset.UTC);
    private final AtomicReference<KioskShell> shell = new AtomicReference<>();
    /** The id of every screen put on the glass, in order. */
    private final List<String> attached = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    @BeforeEach
    void kiosk() throws Exception {
        Fx.run(() -> {
            KioskShell s = new KioskShell(e -> {}, CLOCK, false, () -> {}, Theme.NORMAL, List.of(Language.values()),
                    HelpSettings.defaults(), () -> {});
            Scene scene = new Scene(s.surface(), KioskShell.WIDTH, KioskShell.HEIGHT);
            Styling.apply(scene, Theme.NORMAL);
            show(s, new State.Attract());
            Fx.screenPane(s).getChildrenUnmodifiable().addListener((ListChangeListener<Node>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(n -> attached.add(n.getId()));
                }
            });
            shell.set(s);
        });
    }

    @AfterEach
    void close() throws Exception {
        Fx.run(() -> shell.get().close());
    }

    @Test
    void aWaitThatEndsAtOnceIsNeverShown() throws Exception {
        Fx.run(() -> {
            KioskShell s = shell.get();
            show(s, new State.Reading());
            assertThat(screenId(s)).as("the attract screen stays while the SIM is read").isEqualTo("screen-attract");
            assertThat(s.surface().isMouseTransparent()).as("and takes no touch meanwhile").isTrue();
            show(s, new State.CheckingSim());
            show(s, balance());
            assertThat(screenId(s)).isEqualTo("screen-balance");
            assertThat(s.waitHeldBack()).as("the held wait is dropped, not shown later").isFalse();
            assertThat(s.surface().isMouseTransparent()).as("the balance takes touches").isFalse();
        });
        assertThat(attached).as("screens put on the glass").containsExactly("screen-balance");
    }

    @Test
    void aWaitThatLastsIsShownAfterTheBoundAndTheWaitsAfterItAtOnce() throws Exception {
        Fx.run(() -> show(shell.get(), new State.Reading()));
        Fx.waitUntil("'Reading your SIM' on the glass", () -> "screen-reading".equals(screenId(shell.get())));
        Fx.run(() -> {
            KioskShell s = shell.get();
            assertThat(s.surface().isMouseTransparent()).as("Cancel on the wait screen takes touches").isFalse();
            show(s, new State.CheckingSim());
            assertThat(screenId(s)).as("the next wait follows at once").isEqualTo("screen-checkingSim");
            show(s, balance());
        });
        assertThat(attached).containsExactly("screen-reading", "screen-balance");
    }

    @Test
    void anErrorDuringAHeldWaitShowsAtOnce() throws Exception {
        Fx.run(() -> {
            KioskShell s = shell.get();
            show(s, new State.Reading());
            show(s, new State.Error(ErrorKind.NOT_A_SIM, false));
            assertThat(screenId(s)).isEqualTo("screen-error");
            assertThat(s.waitHeldBack()).isFalse();
            assertThat(s.surface().isMouseTransparent()).isFalse();
        });
    }

    private static State balance() {
        return FlowSamples.oneOfEachState().stream().filter(s -> s instanceof State.ShowBalance).findFirst().orElseThrow();
    }

    private static void show(KioskShell s, State state) {
        s.show(new FlowView(state, Language.JA, OptionalInt.empty()));
    }

    private static String screenId(KioskShell s) {
        return Fx.screenPane(s).getChildrenUnmodifiable().get(0).getId();
    }
}
