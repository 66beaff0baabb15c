package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.unattended.OutOfServiceWatch;
import com.simkiosk.kiosk.unattended.PartsHealth;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.testing.MutableClock;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.event.Event;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The out-of-service screen on the real kiosk: the Voice button stays above it, whole and over none of its text, a
 * long press still turns voice on, and then the customer hears that the kiosk is out of service and what to do.
 */
class VoiceOutOfServiceTest {
    private static final Duration BOUND = Duration.ofMinutes(5);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T03:00:00Z"));
    private final OutOfServiceWatch watch = new OutOfServiceWatch(new PartsHealth(clock, BOUND), Optional.empty(),
            Duration.ofHours(1), s -> {});

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty("kiosk.voice.cache", Files.createTempDirectory("voice-oos").toString());
        Fx.start();
    }

    @AfterAll
    static void forgetCache() {
        System.clearProperty("kiosk.voice.cache");
    }

    @Test
    void theVoiceButtonStaysAboveTheOutOfServiceScreenAndItIsSpoken() throws Exception {
        try (KioskDriver kiosk = KioskDriver.open("voice-out-of-service", KioskDriver.config(Duration.ofMinutes(5),
                Duration.ofSeconds(30)), List.of(watch::attach)); watch) {
            List<String> said = new CopyOnWriteArrayList<>();
            kiosk.runtime().voice().onSay(u -> said.add(u.key()));
            ((InMemorySimReader) kiosk.runtime().parts().reader()).setServiceDown(true);
            Fx.waitUntil("the attract screen without the reader",
                    () -> kiosk.runtime().view().state() instanceof State.ReaderUnavailable);
            clock.advance(BOUND);
            Fx.run(watch::check);
            Fx.waitUntil("out of service", () -> kiosk.runtime().shell().surface().lookup("#out-of-service") != null);
            Fx.run(() -> {}); // the voice bar brought to the front
            Fx.run(() -> VoiceControlsFitTest.check(kiosk.runtime().shell(), List.of("voice-on"), "out of service"));
            kiosk.shot("voice-out-of-service");

            Fx.run(() -> Event.fireEvent(kiosk.runtime().shell().surface(), mouse(MouseEvent.MOUSE_PRESSED)));
            Fx.waitUntil("voice on after a long press", () -> kiosk.runtime().voice().on());
            Fx.run(() -> Event.fireEvent(kiosk.runtime().shell().surface(), mouse(MouseEvent.MOUSE_RELEASED)));
            assertThat(said).containsSubsequence("voice.on", "outOfService");
        }
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type) {
        return new MouseEvent(type, 900, 500, 900, 500, MouseButton.PRIMARY, 1, false, false, false, false, true, false,
                false, false, false, false, null);
    }
}
