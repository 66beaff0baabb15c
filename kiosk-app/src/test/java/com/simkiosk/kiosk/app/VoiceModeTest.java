package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.event.Event;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Voice mode on the real kiosk (espeak-ng, and Java Sound, which on a machine without a sound device reports so to
 * maintenance): off by default, on from the attract screen's button, the Display menu or a long press, its
 * controls on every screen, off again when the session ends.
 */
class VoiceModeTest {
    private static final FlowConfig PATIENT = KioskDriver.config(Duration.ofMinutes(5), Duration.ofSeconds(30));
    private static Path cache;
    private KioskDriver kiosk;

    @BeforeAll
    static void toolkit() throws Exception {
        cache = Files.createTempDirectory("voice-cache");
        System.setProperty("kiosk.voice.cache", cache.toString());
        Fx.start();
    }

    @AfterAll
    static void forgetCache() {
        System.clearProperty("kiosk.voice.cache");
    }

    @AfterEach
    void close() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void offByDefaultOnFromTheAttractButtonWithControlsOnEveryScreenAndOffAtSessionEnd() throws Exception {
        kiosk = KioskDriver.open("voice", PATIENT);
        Messages en = Messages.of(Language.EN);
        assertThat(kiosk.runtime().voice().on()).isFalse();
        assertThat(kiosk.text("voice-on")).contains(en.get("voice.button"));
        kiosk.tap("voice-on");
        Fx.waitUntil("voice on", () -> kiosk.runtime().voice().on());
        Fx.waitUntil("the voice controls", () -> kiosk.runtime().root().lookup("#voice-again") != null);
        kiosk.shot("voice-on");
        kiosk.tap("start-number");
        kiosk.waitForScreen("enterNumber");
        assertThat(kiosk.shows("voice-louder")).isTrue();
        assertThat(kiosk.shows("voice-quieter")).isTrue();
        int before = kiosk.runtime().voice().volume();
        kiosk.tap("voice-louder");
        Fx.waitUntil("louder", () -> kiosk.runtime().voice().volume() == before + 1);
        kiosk.tap("back");
        kiosk.waitForScreen("attract");
        Fx.waitUntil("voice off for the next customer", () -> !kiosk.runtime().voice().on());
        assertThat(kiosk.shows("voice-again")).isFalse();
        assertThat(kiosk.shows("voice-on")).isTrue();
    }

    @Test
    void aLongPressAnywhereOnTheAttractScreenTurnsItOn() throws Exception {
        kiosk = KioskDriver.open("voice-press", PATIENT);
        Fx.run(() -> Event.fireEvent(kiosk.runtime().shell().surface(), mouse(MouseEvent.MOUSE_PRESSED)));
        Fx.waitUntil("voice on after a long press", () -> kiosk.runtime().voice().on());
        Fx.run(() -> Event.fireEvent(kiosk.runtime().shell().surface(), mouse(MouseEvent.MOUSE_RELEASED)));
    }

    @Test
    void theDisplayMenuHasAVoiceSwitch() throws Exception {
        kiosk = KioskDriver.open("voice-menu", PATIENT);
        kiosk.tap("display");
        assertThat(kiosk.text("display-voice")).contains(Messages.of(Language.EN).get("voice.menu"));
        kiosk.tap("display-voice");
        Fx.waitUntil("voice on from the menu", () -> kiosk.runtime().voice().on());
        kiosk.shot("display-menu-voice");
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type) {
        return new MouseEvent(type, 900, 500, 900, 500, MouseButton.PRIMARY, 1, false, false, false, false, true, false,
                false, false, false, false, null);
    }
}
