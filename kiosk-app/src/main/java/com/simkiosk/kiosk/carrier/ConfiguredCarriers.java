package com.simkiosk.kiosk.carrier;

import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.route.CarrierRoute;
import com.simkiosk.carrier.route.CarrierRouter;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.kiosk.config.KioskConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The carrier back ends of the kiosk's configuration: one {@link TmfCarrierClient} per back end and the aggregator,
 * behind one {@link CarrierRouter}. Built once at start-up and closed at shutdown, all together.
 */
public final class ConfiguredCarriers implements AutoCloseable {
    /** Connecting never takes longer than this, whatever the per-call timeout (docs/carrier-api.md §1). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final List<TmfCarrierClient> clients = new ArrayList<>();
    private final CarrierRouter router;

    public ConfiguredCarriers(KioskConfig config) {
        this(config, (name, client) -> client);
    }

    /** {@code perBackend} may wrap each back end's client, given its configured name (telemetry times the calls). */
    public ConfiguredCarriers(KioskConfig config, java.util.function.BiFunction<String, CarrierBackend, CarrierBackend> perBackend) {
        Duration call = config.timeouts().carrierCall();
        try {
            List<CarrierRoute> routes = new ArrayList<>();
            for (KioskConfig.Backend backend : config.backends()) {
                routes.add(new CarrierRoute(backend.name(), perBackend.apply(backend.name(), client(backend, call)),
                        new HashSet<>(backend.iccidPrefixes())));
            }
            Optional<CarrierRoute> aggregator = config.aggregator()
                    .map(a -> new CarrierRoute(a.name(), perBackend.apply(a.name(), client(a, call)), Set.of()));
            // Asking every back end about a number may take as long as one call, no longer.
            this.router = new CarrierRouter(routes, aggregator, call);
        } catch (RuntimeException e) {
            clients.forEach(TmfCarrierClient::close);
            throw e;
        }
    }

    private TmfCarrierClient client(KioskConfig.Backend backend, Duration call) {
        CarrierEndpoint endpoint = CarrierEndpoint.of(backend.name(), backend.baseUrl(), backend.clientId(), backend.clientSecret())
                .withTimeouts(CONNECT_TIMEOUT.compareTo(call) < 0 ? CONNECT_TIMEOUT : call, call)
                .withTls(pkcs12(backend.trustStore(), backend.trustStorePassword()),
                        pkcs12(backend.clientKeyStore(), backend.clientKeyStorePassword()))
                .withProfile(backend.profile())
                .withOAuth(backend.oauth())
                .withSimAuth(backend.simAuth());
        TmfCarrierClient client = new TmfCarrierClient(endpoint);
        clients.add(client);
        return client;
    }

    private static Optional<CarrierEndpoint.KeyStoreFile> pkcs12(Optional<Path> file, Optional<String> password) {
        return file.map(path -> new CarrierEndpoint.KeyStoreFile(path, password.orElse("").toCharArray(), "PKCS12"));
    }

    /** What the session flow talks to. */
    public CarrierBackend backend() {
        return router;
    }

    /** Forgets the numbers, codes and lines remembered for routing: call it when a session is wiped. */
    public void forgetSessions() {
        router.forgetSessions();
    }

    @Override
    public void close() {
        router.close();
        clients.forEach(TmfCarrierClient::close);
    }
}
