package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.screen.maintenance.MaintenanceScreen;
import com.simkiosk.kiosk.theme.Look;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With voice guidance on, what the customer opens over a screen is spoken (help, the Display menu and each switch
 * turned), closing it says where they are, the out-of-service screen says what to do, "Voice off" and the end of
 * the session say so, and maintenance, which is for staff, is never spoken, its PIN pad least of all.
 */
class VoiceOverlaysTest {
    private static Path cache;
    private VoiceHarness kiosk;

    @BeforeAll
    static void toolkit() throws Exception {
        cache = Files.createTempDirectory("voice-overlays");
        Fx.start();
    }

    @BeforeEach
    void open() throws Exception {
        kiosk = Fx.call(() -> new VoiceHarness(cache, Look.NORMAL, HelpSettings.defaults()));
    }

    @AfterEach
    void close() throws Exception {
        Fx.run(kiosk::close);
    }

    private void onScreen(State state) throws Exception {
        Fx.run(() -> {
            kiosk.show(state, Language.EN);
            kiosk.guide.setOn(true);
            kiosk.said.clear();
        });
    }

    private void tap(String id) throws Exception {
        Fx.run(() -> {
            Node n = kiosk.shell.surface().lookup("#" + id);
            assertThat(n).as("#%s on the glass", id).isInstanceOf(Button.class);
            ((Button) n).fire();
            kiosk.layout();
        });
        Fx.run(() -> {}); // what the controls left for later (the bar brought to the front)
    }

    private List<String> said() {
        return List.copyOf(kiosk.said);
    }

    @Test
    void helpSaysEachSectionThenClosingSaysWhereTheCustomerIs() throws Exception {
        onScreen(new State.EnterPin(3, Optional.empty()));
        tap("help");
        boolean callStaff = Fx.call(() -> kiosk.shell.surface().lookup("#help-call-staff") != null);
        assertThat(said()).startsWith("help.intro", "help.topic.pin").endsWith("help.close");
        assertThat(said().contains("help.callStaff")).as("Call staff said when the overlay offers it").isEqualTo(callStaff);
        kiosk.said.clear();
        tap("help-close");
        assertThat(said()).containsExactly("overlay.closed", "enterPin");
    }

    @Test
    void theDisplayMenuSaysItsSwitchesAndEachChange() throws Exception {
        onScreen(new State.Attract());
        tap("display");
        assertThat(said()).containsExactly("display.intro", "display.largeText.off", "display.highContrast.off",
                "display.voiceOn", "display.howTo");
        kiosk.said.clear();
        tap("display-large-text");
        assertThat(said()).as("a switch turned says just that").containsExactly("display.largeText.on");
        assertThat(Fx.call(() -> kiosk.shell.look().largeText())).isTrue();
        kiosk.said.clear();
        Fx.run(kiosk.guide::again);
        assertThat(said()).as("say it again: the menu as it is now").contains("display.largeText.on", "display.howTo");
        kiosk.said.clear();
        tap("display-close");
        assertThat(said()).containsExactly("overlay.closed", "attract");
    }

    @Test
    void voiceOffSaysSoAndTheEndOfTheSessionSaysHowToTurnItOnAgain() throws Exception {
        onScreen(new State.EnterPin(3, Optional.empty()));
        tap("voice-off");
        assertThat(said()).containsExactly("voice.off");
        assertThat(kiosk.guide.on()).isFalse();

        onScreen(new State.TakeSim(false));
        Fx.run(() -> kiosk.show(new State.Attract(), Language.EN));
        assertThat(said()).containsExactly("session.end");
        assertThat(kiosk.guide.on()).as("the next customer starts without it").isFalse();
    }

    @Test
    void theOutOfServiceScreenSpeaksWithTheVoiceControlsAboveIt() throws Exception {
        onScreen(new State.Attract());
        Runnable[] remove = new Runnable[1];
        Fx.run(() -> {
            StackPane oos = new StackPane();
            oos.setId("out-of-service");
            remove[0] = kiosk.shell.overlay(oos);
        });
        Fx.run(() -> {});
        assertThat(said()).containsExactly("outOfService");
        Fx.run(() -> {
            var overlays = kiosk.shell.surface().lookup("#voice-bar").getParent().getChildrenUnmodifiable();
            assertThat(overlays.get(overlays.size() - 1).getId()).as("the voice controls on top").isEqualTo("voice-bar");
        });
        kiosk.said.clear();
        Fx.run(remove[0]);
        assertThat(said()).as("back in service: the attract screen again").containsExactly("attract");
    }

    @Test
    void maintenanceIsForStaffAndItsPinPadIsNeverReadOut() throws Exception {
        onScreen(new State.EnterNumber("", "", false));
        tap("key-5");
        assertThat(said()).as("the customer's own keypad reads its digits").containsExactly("digit.5");
        kiosk.said.clear();
        Runnable[] remove = new Runnable[1];
        Fx.run(() -> {
            Parent pad = MaintenanceScreen.pinPad(Messages.of(Language.JA), (pin, say) -> {}, " ", () -> {});
            remove[0] = kiosk.shell.overlay(pad);
        });
        Fx.run(() -> {
            var pad = kiosk.shell.surface().lookup("#maintenance-pin");
            ((Button) pad.lookup("#key-5")).fire();
            ((Button) pad.lookup("#key-7")).fire();
        });
        assertThat(said()).as("nothing of the maintenance PIN").isEmpty();
        Fx.run(() -> {
            var overlays = kiosk.shell.surface().lookup("#voice-bar").getParent().getChildrenUnmodifiable();
            assertThat(overlays.get(overlays.size() - 1).getId()).as("maintenance stays on top").isEqualTo("maintenance-pin");
        });
        Fx.run(remove[0]);
        tap("key-5");
        assertThat(said()).as("maintenance closed: the customer's keypad speaks again").containsExactly("digit.5");
    }
}
