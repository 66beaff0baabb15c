package com.simkiosk.kiosk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.app.Fx;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import java.nio.file.Files;
import java.util.OptionalInt;
import javafx.event.Event;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The long press that turns voice on from the attract screen is a press held for {@link VoiceControls#LONG_PRESS}:
 * a tap, a swipe or a press in a session never starts it (checked by whether the press is still counting, not by
 * waiting), and a press held does turn voice on.
 */
class VoiceControlsTest {
    private final StackPane surface = new StackPane();
    private VoiceGuide guide;
    private VoiceControls controls;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    @BeforeEach
    void attach() throws Exception {
        RecordingSpeechEngine engine = new RecordingSpeechEngine();
        guide = new VoiceGuide(engine, new SpeechCache(Files.createTempDirectory("voice-press"), engine.id()),
                new VoicePlayer(SilentLine.provider(), p -> {}), Runnable::run);
        Fx.run(() -> {
            StackPane overlays = new StackPane();
            surface.getChildren().add(overlays);
            controls = VoiceControls.attach(guide, surface, n -> {
                overlays.getChildren().add(n);
                return () -> overlays.getChildren().remove(n);
            }, Messages::of);
            show(new State.Attract());
        });
    }

    @AfterEach
    void close() {
        guide.close();
    }

    private void show(State state) {
        FlowView view = new FlowView(state, Language.EN, OptionalInt.empty());
        guide.show(view);
        controls.show(view);
    }

    @Test
    void aTapIsNotALongPress() throws Exception {
        Fx.run(() -> {
            press(MouseEvent.MOUSE_PRESSED, 900, 500);
            assertThat(controls.longPressRunning()).as("a press starts counting").isTrue();
            press(MouseEvent.MOUSE_RELEASED, 900, 500);
            assertThat(controls.longPressRunning()).as("released: it never turns voice on").isFalse();
        });
        assertThat(guide.on()).isFalse();
    }

    @Test
    void aSwipeIsNotALongPress() throws Exception {
        Fx.run(() -> {
            press(MouseEvent.MOUSE_PRESSED, 900, 500);
            press(MouseEvent.MOUSE_DRAGGED, 990, 500);
            assertThat(controls.longPressRunning()).isFalse();
        });
    }

    @Test
    void aPressInASessionIsNotCounted() throws Exception {
        Fx.run(() -> {
            show(new State.EnterNumber("", "", false));
            press(MouseEvent.MOUSE_PRESSED, 900, 500);
            assertThat(controls.longPressRunning()).isFalse();
        });
    }

    @Test
    void aPressHeldTurnsVoiceOn() throws Exception {
        Fx.run(() -> press(MouseEvent.MOUSE_PRESSED, 900, 500));
        Fx.waitUntil("voice on after a press held", guide::on);
        Fx.run(() -> press(MouseEvent.MOUSE_RELEASED, 900, 500));
        assertThat(VoiceControls.LONG_PRESS.toMillis()).as("longer than any tap").isGreaterThanOrEqualTo(1000);
    }

    private void press(javafx.event.EventType<MouseEvent> type, double x, double y) {
        Event.fireEvent(surface, new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false,
                true, false, false, false, false, false, null));
    }
}
