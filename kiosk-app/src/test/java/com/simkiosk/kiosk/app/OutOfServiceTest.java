package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.unattended.OutOfServiceWatch;
import com.simkiosk.kiosk.unattended.PartsHealth;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A part every customer needs gone for longer than the bound: the kiosk says "temporarily out of service" in every
 * language, and returns to its attract screen by itself when the part is back. A customer mid-way is never
 * interrupted. The bound runs on a clock the test moves; the watch is asked to look again as its timer would.
 */
class OutOfServiceTest {
    private static final Duration BOUND = Duration.ofMinutes(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T03:00:00Z"));
    private final PartsHealth health = new PartsHealth(clock, BOUND);
    private final List<Optional<String>> statuses = new CopyOnWriteArrayList<>();
    /** Its own timer looks only hourly here: the test says when to look. */
    private final OutOfServiceWatch watch = new OutOfServiceWatch(health, Optional.empty(), Duration.ofHours(1), statuses::add);

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    private KioskDriver open() throws Exception {
        return KioskDriver.open("out-of-service", KioskDriver.config(Duration.ofMinutes(5), Duration.ofSeconds(30)),
                List.of(watch::attach));
    }

    private boolean outOfService(KioskDriver kiosk) throws Exception {
        Fx.run(watch::check);
        return kiosk.shows("out-of-service");
    }

    @Test
    void readerGoneLongerThanTheBoundShowsOutOfServiceInEveryLanguageAndBackByItself() throws Exception {
        try (KioskDriver kiosk = open(); watch) {
            InMemorySimReader reader = (InMemorySimReader) kiosk.runtime().parts().reader();

            reader.setServiceDown(true);
            Fx.waitUntil("the attract screen without the reader", // the flow's own answer: the number path, at once
                    () -> kiosk.runtime().view().state() instanceof State.ReaderUnavailable);
            clock.advance(BOUND.minusSeconds(1));
            assertThat(outOfService(kiosk)).as("not before the bound").isFalse();

            clock.advance(Duration.ofSeconds(1));
            assertThat(outOfService(kiosk)).isTrue();
            List<String> texts = kiosk.texts();
            for (Language l : Language.values()) {
                assertThat(texts).contains(Messages.of(l).get("unattended.outOfService.title"),
                        Messages.of(l).get("unattended.outOfService.body"));
            }
            assertThat(texts).contains("ただいま休止中です", "Temporarily out of service", "暂停服务", "暫停服務", "일시 중지 중");
            assertThat(statuses).containsExactly(Optional.of("no SIM reader"));
            kiosk.shot("out-of-service");
            // nothing under the screen can be tapped: it covers the whole surface
            Node screen = Fx.call(() -> kiosk.runtime().shell().surface().lookup("#out-of-service"));
            assertThat(Fx.call(() -> screen.getBoundsInParent().getWidth())).isEqualTo(KioskShell.WIDTH);

            // Staff open maintenance through the out-of-service screen and read what to check, since when (JST).
            for (int i = 0; i < 5; i++) {
                kiosk.tap("maintenance-corner");
            }
            kiosk.type(DemoKiosk.DEMO_MAINTENANCE_PIN);
            kiosk.tap("maintenance-pin-ok");
            Fx.waitUntil("maintenance", () -> kiosk.runtime().shell().surface().lookup("#maintenance-staff-calls") != null);
            assertThat(String.join("\n", kiosk.texts())).contains("No SIM reader has answered since 12:00: check its USB "
                    + "cable and the smart card service (pcscd).");
            kiosk.shot("out-of-service-maintenance");

            reader.setServiceDown(false);
            Fx.waitUntil("the attract screen with the reader", () -> kiosk.runtime().view().state() instanceof State.Attract);
            Fx.waitUntil("the out-of-service screen gone", () -> kiosk.runtime().shell().surface().lookup("#out-of-service") == null);
            assertThat(statuses).containsExactly(Optional.of("no SIM reader"), Optional.empty());
        }
    }

    @Test
    void aCustomerMidWayFinishesTheirSessionAndTheKioskGoesOutOfServiceWhenTheyLeave() throws Exception {
        try (KioskDriver kiosk = open(); watch) {
            kiosk.tap("start-number");
            kiosk.waitForScreen("enterNumber");

            health.report(PartsHealth.Part.BACKEND, false);
            clock.advance(BOUND.plusMinutes(1));
            assertThat(outOfService(kiosk)).as("never over a customer's session").isFalse();
            assertThat(statuses).containsExactly(Optional.of("no carrier back end reachable"));

            Fx.run(() -> kiosk.runtime().flow().fire(new Event.Cancel()));
            kiosk.waitForScreen("attract");
            assertThat(outOfService(kiosk)).as("once the customer has gone").isTrue();

            health.report(PartsHealth.Part.BACKEND, true);
            assertThat(outOfService(kiosk)).as("back as soon as the part is").isFalse();
            assertThat(kiosk.shows("screen-attract")).isTrue();
        }
    }
}
