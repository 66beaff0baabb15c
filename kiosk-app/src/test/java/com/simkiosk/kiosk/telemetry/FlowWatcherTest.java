package com.simkiosk.kiosk.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What the watcher makes of sequences of screens, as the flow publishes them. */
class FlowWatcherTest {
    private final KioskMetrics metrics = new KioskMetrics(false);
    private final List<String> events = new ArrayList<>();
    private final FlowWatcher watcher = new FlowWatcher(metrics, (kind, detail) -> events.add(kind + " " + detail),
            Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC));

    private void show(State state, OptionalInt idle) {
        watcher.accept(new FlowView(state, Language.JA, idle));
    }

    private void show(State state) {
        show(state, OptionalInt.empty());
    }

    @Test
    void aSessionNobodyAnsweredEndsAsAnIdleWipeWhenTheCountdownRunsOut() {
        show(new State.Attract());
        show(new State.EnterPin(3, Optional.empty()));
        show(new State.EnterPin(3, Optional.empty()), OptionalInt.of(2));
        show(new State.EnterPin(3, Optional.empty()), OptionalInt.of(1));
        show(new State.TakeSim());

        assertThat(metrics.countsBy(KioskMetrics.SESSIONS_FINISHED, "outcome")).containsEntry("IDLE_WIPED", 1L);
        assertThat(metrics.count(KioskMetrics.IDLE_WIPES)).isEqualTo(1);
        assertThat(watcher.lastSession()).map(Payloads.LastSession::outcome).contains("IDLE_WIPED");
    }

    @Test
    void aCustomerWhoTouchesDuringTheWarningAndThenCancelsAbandonedTheSession() {
        show(new State.Attract());
        show(new State.EnterPin(3, Optional.empty()), OptionalInt.of(1));
        show(new State.EnterPin(3, Optional.empty())); // "I'm still here"
        show(new State.Attract()); // Cancel

        assertThat(metrics.countsBy(KioskMetrics.SESSIONS_FINISHED, "outcome")).containsOnlyKeys("ABANDONED");
        assertThat(metrics.count(KioskMetrics.IDLE_WIPES)).isZero();
    }

    @Test
    void errorScreensAreEventsAndTheReaderServiceGoingAwayIsOutOfService() {
        show(new State.Reading());
        show(new State.Error(ErrorKind.CARD_TIMEOUT, true));
        show(new State.Attract());
        show(new State.ReaderUnavailable());
        show(new State.Attract());

        assertThat(events).containsExactly("ERROR CARD_TIMEOUT", "OUT_OF_SERVICE READER_SERVICE_LOST",
                "IN_SERVICE READER_SERVICE_BACK");
        assertThat(watcher.errorsLastHour()).isEqualTo(1);
        assertThat(watcher.sessionsToday()).isEqualTo(1);
        assertThat(metrics.countsBy(KioskMetrics.SESSIONS_FINISHED, "outcome")).containsEntry("ERROR", 1L);
    }
}
