package com.simkiosk.kiosk.telemetry;

import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Learns what happens at the kiosk by watching the flow's views, as the maintenance screen's health does: sessions
 * started and how they ended, the verification method chosen, errors by kind, idle wipes, slips printed, card read
 * times and the reader service going away. It sees only screen types, enum values and times; it keeps no view.
 * Views arrive on the flow's thread; the snapshot methods may be called from any thread.
 */
public final class FlowWatcher implements Consumer<FlowView> {
    /** Errors remembered for "errors in the last hour"; beyond this many the count says "at least". */
    static final int KEPT_ERROR_TIMES = 10_000;

    private final KioskMetrics metrics;
    private final BiConsumer<EventKind, String> events;
    private final Clock clock;

    private State last = new State.Attract();
    private OptionalInt lastIdle = OptionalInt.empty();
    private Instant lastChange;
    private boolean open;
    private Outcome outcome = Outcome.ABANDONED;
    private final Set<VerificationMethod> methodsChosen = EnumSet.noneOf(VerificationMethod.class);
    private Optional<Payloads.LastSession> lastSession = Optional.empty();
    private LocalDate today;
    private long sessionsToday;
    private final Deque<Instant> errorTimes = new ArrayDeque<>();

    public FlowWatcher(KioskMetrics metrics, BiConsumer<EventKind, String> events, Clock clock) {
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
        this.lastChange = clock.instant();
        this.today = LocalDate.ofInstant(lastChange, BalanceView.JST);
    }

    @Override
    public synchronized void accept(FlowView view) {
        State s = view.state();
        Instant now = clock.instant();
        // The countdown ran out: the last warning said 1 s and the session is gone.
        boolean idleWipe = open && lastIdle.isPresent() && lastIdle.getAsInt() <= 1 && !view.idleWarning()
                && (s instanceof State.TakeSim || !s.inSession());
        lastIdle = view.idleSecondsLeft();
        if (s.equals(last)) {
            return;
        }
        if (last instanceof State.Reading) {
            metrics.cardRead(Duration.between(lastChange, now), s instanceof State.Error e ? e.kind().name() : "SIM");
        }
        if (!open && s.inSession() && !(s instanceof State.TakeSim)) {
            open = true;
            outcome = Outcome.ABANDONED;
            methodsChosen.clear();
            metrics.sessionStarted();
            LocalDate day = LocalDate.ofInstant(now, BalanceView.JST);
            if (!day.equals(today)) {
                today = day;
                sessionsToday = 0;
            }
            sessionsToday++;
        }
        if (open) {
            during(s);
        }
        if (s instanceof State.ReaderUnavailable && !(last instanceof State.ReaderUnavailable)) {
            events.accept(EventKind.OUT_OF_SERVICE, "READER_SERVICE_LOST");
        } else if (last instanceof State.ReaderUnavailable && !(s instanceof State.ReaderUnavailable)) {
            events.accept(EventKind.IN_SERVICE, "READER_SERVICE_BACK");
        }
        if (open && (s instanceof State.TakeSim || !s.inSession())) {
            open = false;
            if (idleWipe) {
                outcome = Outcome.IDLE_WIPED;
                metrics.idleWipe();
            }
            metrics.sessionFinished(outcome);
            lastSession = Optional.of(new Payloads.LastSession(outcome.name(), now.toString()));
        }
        last = s;
        lastChange = now;
    }

    private void during(State s) {
        method(s).filter(methodsChosen::add).ifPresent(metrics::verificationChosen);
        notice(s).filter(kind -> !notice(last).equals(Optional.of(kind))).ifPresent(this::countError);
        if (s instanceof State.ShowBalance && outcome != Outcome.TOP_UP_ORDERED) {
            outcome = Outcome.BALANCE_SHOWN;
        } else if (s instanceof State.TopUpSlip slip) {
            outcome = Outcome.TOP_UP_ORDERED;
            boolean wasPrinted = last instanceof State.TopUpSlip l && l.print() == State.PrintStatus.PRINTED;
            boolean wasUnavailable = last instanceof State.TopUpSlip l && l.print() == State.PrintStatus.PRINTER_UNAVAILABLE;
            if (slip.print() == State.PrintStatus.PRINTED && !wasPrinted) {
                metrics.slipPrinted();
            } else if (slip.print() == State.PrintStatus.PRINTER_UNAVAILABLE && !wasUnavailable) {
                countError(ErrorKind.PRINTER_UNAVAILABLE);
                events.accept(EventKind.ERROR, ErrorKind.PRINTER_UNAVAILABLE.name());
            }
        } else if (s instanceof State.Error e) {
            countError(e.kind());
            events.accept(EventKind.ERROR, e.kind().name());
            if (outcome == Outcome.ABANDONED) {
                outcome = Outcome.ERROR;
            }
        }
    }

    private static Optional<VerificationMethod> method(State s) {
        if (s instanceof State.EnterCode) {
            return Optional.of(VerificationMethod.SMS_CODE);
        }
        if (s instanceof State.EnterPin) {
            return Optional.of(VerificationMethod.SIM_PIN);
        }
        if (s instanceof State.EnterDetail d) {
            return Optional.of(d.method());
        }
        return Optional.empty();
    }

    /** The notice an input screen shows (a wrong code, PIN or detail): counted once each time it appears. */
    private static Optional<ErrorKind> notice(State s) {
        if (s instanceof State.EnterCode c) {
            return c.notice();
        }
        if (s instanceof State.EnterPin p) {
            return p.notice();
        }
        if (s instanceof State.EnterDetail d) {
            return d.notice();
        }
        return Optional.empty();
    }

    private void countError(ErrorKind kind) {
        metrics.error(kind);
        errorTimes.addLast(clock.instant());
        while (errorTimes.size() > KEPT_ERROR_TIMES) {
            errorTimes.removeFirst();
        }
    }

    public synchronized Optional<Payloads.LastSession> lastSession() {
        return lastSession;
    }

    public synchronized long sessionsToday() {
        return LocalDate.ofInstant(clock.instant(), BalanceView.JST).equals(today) ? sessionsToday : 0;
    }

    public synchronized long errorsLastHour() {
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        while (!errorTimes.isEmpty() && errorTimes.peekFirst().isBefore(hourAgo)) {
            errorTimes.removeFirst();
        }
        return errorTimes.size();
    }

    /** Whether the flow shows the reader-service-lost screen now. */
    public synchronized boolean readerServiceLost() {
        return last instanceof State.ReaderUnavailable;
    }

    /** When the flow last published a view (the display's sign of life). */
    public synchronized Instant lastViewAt() {
        return lastChange;
    }
}
