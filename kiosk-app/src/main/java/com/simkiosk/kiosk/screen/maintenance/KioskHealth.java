package com.simkiosk.kiosk.screen.maintenance;

import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.State;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Counters and the last errors (a bounded ring of kinds and times) for the maintenance screen, learnt by watching the flow's views. Holds no personal
 * data: only error kinds, times and counts. Flow thread only.
 */
public final class KioskHealth {
    static final int KEPT_ERRORS = 5;

    /** One error a customer met, without anything about the customer. */
    public record SeenError(ErrorKind kind, Instant at) {}

    private final Clock clock;
    private final Deque<SeenError> lastErrors = new ArrayDeque<>();
    private State last = new State.Attract();
    private long sessions;
    private long balancesShown;
    private long errors;
    private long slipsPrinted;
    private Optional<Instant> lastBackendError = Optional.empty();

    public KioskHealth(Clock clock) {
        this.clock = clock;
    }

    public void observe(FlowView view) {
        State s = view.state();
        if (s.equals(last)) {
            return;
        }
        if (!last.inSession() && s.inSession()) {
            sessions++;
        }
        if (s instanceof State.ShowBalance && !(last instanceof State.ShowBalance)) {
            balancesShown++;
        }
        if (s instanceof State.TopUpSlip slip && slip.print() == State.PrintStatus.PRINTED
                && !(last instanceof State.TopUpSlip l && l.print() == State.PrintStatus.PRINTED)) {
            slipsPrinted++;
        }
        Optional<ErrorKind> kind = Optional.empty();
        if (s instanceof State.Error e) {
            kind = Optional.of(e.kind());
        } else if (s instanceof State.TopUpSlip slip && slip.print() == State.PrintStatus.PRINTER_UNAVAILABLE) {
            kind = Optional.of(ErrorKind.PRINTER_UNAVAILABLE);
        }
        kind.ifPresent(k -> {
            errors++;
            lastErrors.addFirst(new SeenError(k, clock.instant()));
            while (lastErrors.size() > KEPT_ERRORS) {
                lastErrors.removeLast();
            }
            if (k == ErrorKind.BACKEND_DOWN) {
                lastBackendError = Optional.of(clock.instant());
            }
        });
        last = s;
    }

    public long sessions() {
        return sessions;
    }

    public long balancesShown() {
        return balancesShown;
    }

    public long errors() {
        return errors;
    }

    public long slipsPrinted() {
        return slipsPrinted;
    }

    public List<SeenError> lastErrors() {
        return List.copyOf(lastErrors);
    }

    public Optional<Instant> lastBackendError() {
        return lastBackendError;
    }
}
