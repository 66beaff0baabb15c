package com.simkiosk.kiosk.screen.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.FlowSamples;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class KioskHealthTest {
    private final KioskHealth health = new KioskHealth(Clock.fixed(FlowSamples.NOW, ZoneOffset.UTC));

    private void see(State s) {
        health.observe(new FlowView(s, Language.JA, OptionalInt.empty()));
    }

    @Test
    void countsSessionsBalancesAndErrorsFromWhatTheFlowShows() {
        see(new State.Attract());
        see(new State.Reading());
        see(new State.ShowBalance(FlowSamples.balance()));
        see(new State.ShowBalance(FlowSamples.balance())); // the same screen again is not a second balance
        see(new State.TakeSim());
        see(new State.Attract());
        see(new State.Reading());
        see(new State.Error(ErrorKind.BACKEND_DOWN, true));
        see(new State.Attract());
        assertThat(health.sessions()).isEqualTo(2);
        assertThat(health.balancesShown()).isEqualTo(1);
        assertThat(health.errors()).isEqualTo(1);
        assertThat(health.lastErrors()).extracting(KioskHealth.SeenError::kind).containsExactly(ErrorKind.BACKEND_DOWN);
        assertThat(health.lastBackendError()).contains(FlowSamples.NOW);
    }

    @Test
    void keepsOnlyTheLastFiveErrorsNewestFirst() {
        ErrorKind[] kinds = {ErrorKind.NOT_A_SIM, ErrorKind.FOREIGN_SIM, ErrorKind.CARD_REMOVED, ErrorKind.READER_PROBLEM,
            ErrorKind.BACKEND_DOWN, ErrorKind.LINE_SUSPENDED};
        for (ErrorKind k : kinds) {
            see(new State.Reading());
            see(new State.Error(k, false));
        }
        assertThat(health.lastErrors()).extracting(KioskHealth.SeenError::kind)
                .containsExactly(ErrorKind.LINE_SUSPENDED, ErrorKind.BACKEND_DOWN, ErrorKind.READER_PROBLEM,
                        ErrorKind.CARD_REMOVED, ErrorKind.FOREIGN_SIM);
    }

    @Test
    void aPrintedSlipIsCountedOnce() {
        State.TopUpSlip printing = (State.TopUpSlip) FlowSamples.oneOfEachState().get(12);
        see(new State.TopUpSlip(printing.order(), printing.offer(), State.PrintStatus.PRINTING));
        see(new State.TopUpSlip(printing.order(), printing.offer(), State.PrintStatus.PRINTED));
        see(new State.TakeSim());
        assertThat(health.slipsPrinted()).isEqualTo(1);
    }
}
