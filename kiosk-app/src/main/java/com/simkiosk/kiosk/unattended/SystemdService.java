package com.simkiosk.kiosk.unattended;

import com.simkiosk.kiosk.app.KioskRuntime;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.State;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk as a {@code Type=notify} systemd service: {@code READY=1} once the attract screen is on a window that
 * shows, {@code WATCHDOG=1} while the JavaFX thread and the session flow answer ({@link Heartbeat}), a short
 * {@code STATUS=} line (what the kiosk is doing, never who is at it) and {@code STOPPING=1} when it stops, by
 * maintenance or by {@code SIGTERM}. Outside such a unit ({@code NOTIFY_SOCKET} unset) it does nothing.
 */
public final class SystemdService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SystemdService.class);

    static final String WAITING = "Attract screen: waiting for a customer";
    static final String SERVING = "Serving a customer";

    private final Optional<NotifySocket> socket;
    private final Optional<Duration> heartbeatEvery;
    private final Thread stopHook = new Thread(this::stopping, "kiosk-systemd-stopping");
    private Optional<Heartbeat> heartbeat = Optional.empty();
    private volatile String status = WAITING;
    private volatile boolean outOfService;
    private boolean ready;
    private boolean stopped;
    /** Kept: the window's showing state, followed through the surface's scene. */
    private ObservableValue<Boolean> shown;

    SystemdService(Optional<NotifySocket> socket, Optional<Duration> heartbeatEvery) {
        this.socket = socket;
        this.heartbeatEvery = heartbeatEvery;
    }

    /** From systemd's environment ({@code NOTIFY_SOCKET}, {@code WATCHDOG_USEC}, {@code WATCHDOG_PID}). */
    public static SystemdService fromEnvironment(Map<String, String> env) {
        Optional<NotifySocket> socket;
        try {
            socket = NotifySocket.fromEnvironment(env);
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError: junixsocket's native library could not be unpacked or loaded (a noexec java.io.tmpdir).
            log.error("systemd notify socket {} cannot be used ({}): the unit will not see the kiosk ready",
                    env.get("NOTIFY_SOCKET"), e.toString());
            socket = Optional.empty();
        }
        Optional<Duration> every = socket.isPresent() ? Heartbeat.period(env, ProcessHandle.current().pid()) : Optional.empty();
        return new SystemdService(socket, every);
    }

    /** Whether the kiosk runs under systemd's notify protocol. */
    public boolean active() {
        return socket.isPresent();
    }

    /** Follows the running kiosk (FX thread, before its flow starts). */
    public void attach(KioskRuntime runtime) {
        if (socket.isEmpty()) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(stopHook);
        shown = runtime.shell().surface().sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty).orElse(false);
        shown.addListener((o, was, now) -> onView(runtime.view()));
        runtime.flow().addListener(this::onView);
        heartbeat = heartbeatEvery.map(every -> new Heartbeat(socket.get(), every, Heartbeat.boundFor(every), List.of(
                new Heartbeat.Probe("JavaFX thread", Platform::runLater),
                new Heartbeat.Probe("session flow", task -> runtime.flowTimers().schedule(Duration.ZERO, () -> {
                    runtime.flow().view(); // the flow's own thread, reached through the timer that keeps its deadlines
                    task.run();
                }))), () -> status));
    }

    /** Out of service (with a short reason for {@code systemctl status}) or back in service. Any thread. */
    public void outOfService(Optional<String> reason) {
        outOfService = reason.isPresent();
        setStatus(reason.map(r -> "Out of service: " + r).orElse(WAITING));
    }

    private void onView(FlowView view) {
        if (!ready && Boolean.TRUE.equals(shown.getValue()) && view.state() instanceof State.Attract) {
            ready = true;
            socket.get().send("READY=1", "STATUS=" + status);
            log.info("systemd: ready (attract screen shown)");
            heartbeat.ifPresent(Heartbeat::start); // systemd's start timeout covers the time before
        }
        if (!outOfService) {
            setStatus(view.state().inSession() ? SERVING : WAITING);
        }
    }

    private void setStatus(String next) {
        if (!next.equals(status)) {
            status = next;
            if (ready) {
                socket.ifPresent(s -> s.send("STATUS=" + next));
            }
        }
    }

    private synchronized void stopping() {
        if (stopped || socket.isEmpty()) {
            return;
        }
        stopped = true;
        heartbeat.ifPresent(Heartbeat::close);
        socket.get().send("STOPPING=1", "STATUS=Stopping");
    }

    /** Says STOPPING=1 (maintenance → exit) and lets go of the socket. */
    @Override
    public void close() {
        stopping();
        socket.ifPresent(NotifySocket::close);
        try {
            Runtime.getRuntime().removeShutdownHook(stopHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // already shutting down (the hook runs or ran), or never registered
        }
    }
}
