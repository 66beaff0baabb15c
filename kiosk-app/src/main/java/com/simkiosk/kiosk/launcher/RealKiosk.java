package com.simkiosk.kiosk.launcher;

import com.simkiosk.card.SimReader;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.carrier.route.CarrierRoute;
import com.simkiosk.carrier.route.CarrierRouter;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.kiosk.app.KioskApp;
import com.simkiosk.kiosk.app.KioskParts;
import com.simkiosk.kiosk.config.ConfigException;
import com.simkiosk.kiosk.config.KioskConfig;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.printer.SlipPrinter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A real kiosk from a configuration file: the configured reader, carrier back ends (routed) and printer. */
final class RealKiosk {
    /** Asking every back end about a number (no aggregator) must not take longer than this. */
    static final Duration FAN_OUT_BOUND = Duration.ofSeconds(8);

    private RealKiosk() {}

    static int run(Path file, Theme theme, boolean windowed, PrintStream err) throws Exception {
        KioskConfig config;
        try {
            config = KioskConfig.load(file);
        } catch (ConfigException e) {
            err.println("kiosk: " + file + ": " + e.getMessage());
            return 2;
        }
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            SlipPrinter printer = printer(config.printer(), err);
            owned.add(printer);
            SimReader reader = reader(config.reader(), err);
            owned.add(reader);
            CarrierRouter carrier = carrier(config, owned);
            owned.add(carrier);
            KioskParts parts = new KioskParts(reader, carrier, printer, config.flowConfig(), theme,
                    pin -> config.maintenancePin().matches(pin.toCharArray()), Optional.empty(), owned);
            KioskApp.run(parts, windowed);
            return 0;
        } catch (UnsupportedDevice e) {
            err.println("kiosk: " + e.getMessage());
            for (AutoCloseable c : owned) {
                c.close();
            }
            return 2;
        }
    }

    private static SimReader reader(KioskConfig.ReaderChoice choice, PrintStream err) {
        if (choice instanceof KioskConfig.ReaderChoice.Pcsc) {
            return new PcscSimReader();
        }
        if (choice instanceof KioskConfig.ReaderChoice.Memory) {
            return new InMemorySimReader();
        }
        throw new UnsupportedDevice("reader " + choice + " (an AT+CSIM modem) is not built into this kiosk yet; use \"pcsc\"");
    }

    private static SlipPrinter printer(KioskConfig.PrinterChoice choice, PrintStream err) {
        if (choice instanceof KioskConfig.PrinterChoice.Memory) {
            return new InMemoryPrinter();
        }
        throw new UnsupportedDevice("printer " + choice + " (ESC/POS on a serial line) is not built into this kiosk yet; use \"memory\"");
    }

    private static CarrierRouter carrier(KioskConfig config, List<AutoCloseable> owned) {
        List<CarrierRoute> routes = new ArrayList<>();
        for (KioskConfig.Backend b : config.backends()) {
            routes.add(new CarrierRoute(b.name(), client(b, config, owned), java.util.Set.copyOf(b.iccidPrefixes())));
        }
        Optional<CarrierRoute> aggregator = config.aggregator()
                .map(b -> new CarrierRoute(b.name(), client(b, config, owned), java.util.Set.of()));
        return new CarrierRouter(routes, aggregator, FAN_OUT_BOUND);
    }

    private static TmfCarrierClient client(KioskConfig.Backend b, KioskConfig config, List<AutoCloseable> owned) {
        CarrierEndpoint endpoint = CarrierEndpoint.of(b.name(), b.baseUrl(), b.clientId(), b.clientSecret())
                .withTimeouts(CarrierEndpoint.DEFAULT_CONNECT_TIMEOUT, config.timeouts().carrierCall());
        if (b.trustStore().isPresent()) {
            endpoint = endpoint.withTls(Optional.of(CarrierEndpoint.KeyStoreFile.pkcs12(b.trustStore().get(),
                    b.trustStorePassword().orElse(""))), Optional.empty());
        }
        TmfCarrierClient client = new TmfCarrierClient(endpoint);
        owned.add(client);
        return client;
    }

    /** A device the configuration names that this build cannot drive. */
    private static final class UnsupportedDevice extends RuntimeException {
        UnsupportedDevice(String message) {
            super(message);
        }
    }
}
