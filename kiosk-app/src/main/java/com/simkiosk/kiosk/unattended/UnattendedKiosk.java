package com.simkiosk.kiosk.unattended;

import com.simkiosk.kiosk.app.KioskRuntime;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a kiosk left alone in a store needs from its own process: systemd's notify protocol and watchdog
 * ({@link SystemdService}) and "temporarily out of service" while the reader or every back end is gone
 * ({@link OutOfServiceWatch}). Attach it to the running kiosk; close it with the kiosk, first.
 */
public final class UnattendedKiosk implements AutoCloseable {
    /** How often the back ends' reachability is checked (a bounded TCP connection each). */
    static final Duration CHECK_EVERY = Duration.ofSeconds(15);
    static final Duration CONNECT_BOUND = Duration.ofSeconds(3);

    private final SystemdService systemd;
    private final OutOfServiceWatch outOfService;

    private UnattendedKiosk(SystemdService systemd, OutOfServiceWatch outOfService) {
        this.systemd = systemd;
        this.outOfService = outOfService;
    }

    /** {@code backends}: the configured back ends' base addresses; {@code outOfServiceAfter}: the bound. */
    public static UnattendedKiosk start(Map<String, String> env, Clock clock, Duration outOfServiceAfter, List<URI> backends) {
        SystemdService systemd = SystemdService.fromEnvironment(env);
        OutOfServiceWatch watch = new OutOfServiceWatch(new PartsHealth(clock, outOfServiceAfter),
                Optional.of(new BackendReachability(backends, CONNECT_BOUND)), CHECK_EVERY, systemd::outOfService);
        return new UnattendedKiosk(systemd, watch);
    }

    /** FX thread, before the kiosk's flow starts. */
    public void attach(KioskRuntime runtime) {
        outOfService.attach(runtime);
        systemd.attach(runtime);
    }

    @Override
    public void close() {
        outOfService.close();
        systemd.close();
    }
}
