package com.simkiosk.kiosk.unattended;

import com.simkiosk.card.CardEvent;
import com.simkiosk.kiosk.app.KioskRuntime;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.unattended.PartsHealth.Part;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the kiosk out of service when a part every customer needs (the SIM reader, every carrier back end) has not
 * worked for the bound, and back by itself when it works again. The screen covers the attract screen only: a
 * customer mid-way keeps their session (it ends as it would, with a classified error); the kiosk goes out of service
 * when they have gone, and a SIM inserted meanwhile is handled by the flow as usual (the screen steps aside until
 * the session is over). Maintenance says which part and what to check; systemd's status line too.
 */
public final class OutOfServiceWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutOfServiceWatch.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(BalanceView.JST);

    private final PartsHealth health;
    private final Optional<BackendReachability> backends;
    private final Duration checkEvery;
    private final Consumer<Optional<String>> status;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiosk-service-watch");
        t.setDaemon(true);
        return t;
    });
    private KioskRuntime runtime;
    private boolean inSession;
    private Map<Part, Instant> out = Map.of();
    private Optional<Runnable> shown = Optional.empty();
    private final Consumer<CardEvent> cardListener = this::onCard;

    /**
     * {@code backends} is checked every {@code checkEvery} off the FX thread; {@code status} hears a short reason
     * while out of service and empty when back (systemd's STATUS line).
     */
    public OutOfServiceWatch(PartsHealth health, Optional<BackendReachability> backends, Duration checkEvery,
                             Consumer<Optional<String>> status) {
        this.health = health;
        this.backends = backends;
        this.checkEvery = checkEvery;
        this.status = status;
    }

    /** Follows the running kiosk (FX thread, before its flow starts). */
    public void attach(KioskRuntime runtime) {
        this.runtime = runtime;
        runtime.parts().reader().addListener(cardListener);
        runtime.flow().addListener(this::onView);
        runtime.addMaintenanceNote(this::maintenanceNote);
        thread.scheduleWithFixedDelay(() -> {
            backends.ifPresent(b -> health.report(Part.BACKEND, b.anyReachable()));
            Platform.runLater(this::check);
        }, 0, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onCard(CardEvent event) {
        if (event instanceof CardEvent.ServiceLost) {
            health.report(Part.READER, false);
        } else if (event instanceof CardEvent.ReadersChanged changed) {
            health.report(Part.READER, !changed.readers().isEmpty());
        }
        Platform.runLater(this::check);
    }

    private void onView(FlowView view) {
        inSession = view.state().inSession();
        check();
    }

    /** Shows or removes the screen as the parts and the session now stand. FX thread. */
    public void check() {
        if (runtime == null) {
            return;
        }
        Map<Part, Instant> now = health.outOfService();
        if (!now.keySet().equals(out.keySet())) {
            if (now.isEmpty()) {
                log.info("back in service: every part works again");
            } else {
                log.warn("out of service: {} not working for {} s or more", now.keySet(), health.bound().toSeconds());
            }
            status.accept(now.isEmpty() ? Optional.empty() : Optional.of(reason(now)));
        }
        out = now;
        boolean show = !out.isEmpty() && !inSession;
        if (show && shown.isEmpty()) {
            shown = Optional.of(runtime.shell().overlay(OutOfServiceScreen.view(runtime.parts().languages())));
        } else if (!show && shown.isPresent()) {
            shown.get().run();
            shown = Optional.empty();
        }
    }

    /** Whether the out-of-service screen is up. FX thread. */
    public boolean showing() {
        return shown.isPresent();
    }

    private static String reason(Map<Part, Instant> parts) {
        return parts.keySet().stream().map(p -> p == Part.READER ? "no SIM reader" : "no carrier back end reachable")
                .collect(Collectors.joining(", "));
    }

    private Optional<String> maintenanceNote(Messages m) {
        if (out.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(out.entrySet().stream()
                .map(e -> m.get(e.getKey() == Part.READER ? "unattended.maint.reader" : "unattended.maint.backend",
                        HH_MM.format(e.getValue())))
                .collect(Collectors.joining("\n", m.get("unattended.outOfService.title") + "\n", "")));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        if (runtime != null) {
            runtime.parts().reader().removeListener(cardListener);
        }
    }
}
