package com.simkiosk.kiosk.launcher;

import com.simkiosk.card.SimReader;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.card.pcsc.RealReadersOnly;
import com.simkiosk.card.serial.AtModemSimReader;
import com.simkiosk.kiosk.app.EarlyShell;
import com.simkiosk.kiosk.app.KioskApp;
import com.simkiosk.kiosk.app.KioskParts;
import com.simkiosk.kiosk.config.ConfigException;
import com.simkiosk.kiosk.carrier.ConfiguredCarriers;
import com.simkiosk.kiosk.config.KioskConfig;
import com.simkiosk.kiosk.screen.maintenance.GuardedSecret;
import com.simkiosk.kiosk.telemetry.KioskTelemetry;
import com.simkiosk.kiosk.telemetry.Topics;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.kiosk.unattended.UnattendedKiosk;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.printer.SlipPrinter;
import com.simkiosk.printer.escpos.EscPosPrinter;
import com.simkiosk.printer.escpos.JapaneseTextMode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A real kiosk from a configuration file: the configured reader (PC/SC or AT modem), carrier back ends and printer. */
final class RealKiosk {
    private RealKiosk() {}

    static int run(Path file, Theme theme, boolean windowed, PrintStream err) throws Exception {
        KioskConfig config;
        try {
            config = KioskConfig.load(file);
        } catch (ConfigException e) {
            err.println("kiosk: " + file + ": " + e.getMessage());
            return 2;
        }
        Path stateDirectory = config.stateDirectory(System.getenv());
        GuardedSecret maintenancePin;
        try {
            maintenancePin = GuardedSecret.persistent("maintenance-pin", "maintenance PIN",
                    pin -> config.maintenancePin().matches(pin.toCharArray()), stateDirectory, Clock.systemUTC());
        } catch (IOException e) {
            err.println("kiosk: the state directory " + stateDirectory + " cannot be used (" + e.getMessage()
                    + "): set \"stateDirectory\" in " + file + " to a folder the kiosk may write");
            return 2;
        }
        // The attract screen is shown while the devices and back ends are set up (issue 17, cold start): it needs only
        // what the configuration says the kiosk looks like. Devices the drivers refuse still end the kiosk with exit 2.
        var face = new EarlyShell.Face(false, theme, config.languages(), config.helpSettings(),
                config.flowConfig().defaultLanguage());
        try {
            KioskApp.run(() -> parts(config, theme, maintenancePin), Optional.of(face), windowed);
        } catch (Refused e) {
            err.println(e.getMessage());
            return 2;
        }
        return 0;
    }

    /** The configured devices and back ends could not be set up: what to tell the operator. */
    private static final class Refused extends Exception {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The configured parts (on the parts thread, while the attract screen is shown). */
    private static KioskParts parts(KioskConfig config, Theme theme, GuardedSecret maintenancePin) throws Exception {
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            // The serial drivers open their lines lazily (and report trouble as device status), so this only fails
            // on a configuration the drivers refuse outright.
            SlipPrinter printer = printer(config.printer());
            owned.add(printer);
            SimReader reader = reader(config.reader(), config.testRig());
            owned.add(reader);
            Optional<KioskTelemetry> telemetry = Optional.empty();
            if (config.telemetry().isPresent()) {
                telemetry = Optional.of(KioskTelemetry.start(config.telemetry().get(),
                        new Topics(config.storeId(), config.kioskId()), reader, printer, System.getenv(), Clock.systemUTC()));
                owned.add(telemetry.get());
            }
            Optional<KioskTelemetry> metered = telemetry;
            ConfiguredCarriers carriers = new ConfiguredCarriers(config,
                    (name, client) -> metered.map(t -> t.meter(name, client)).orElse(client));
            owned.add(carriers);
            List<KioskParts.RuntimeAttachment> attachments = new ArrayList<>();
            telemetry.ifPresent(t -> attachments.add(t::attach));
            UnattendedKiosk unattended = UnattendedKiosk.start(System.getenv(), Clock.systemUTC(),
                    config.timeouts().outOfService(), config.backendUrls());
            owned.add(unattended); // closed first: STOPPING=1 before the devices go
            attachments.add(unattended::attach);
            attachments.add(runtime -> runtime.flow().useNetworkRoutes(config.networkBalance())); // issue 14
            return new KioskParts(reader, carriers.backend(), printer, config.flowConfig(), theme,
                    maintenancePin, Optional.empty(), owned, config.languages(), attachments)
                    .withHelp(config.helpSettings());
        } catch (IOException e) {
            for (AutoCloseable c : owned) {
                c.close();
            }
            throw new Refused("kiosk: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            for (AutoCloseable c : owned) {
                c.close();
            }
            throw new Refused("kiosk: could not set up the configured devices: " + e.getMessage(), e);
        }
    }

    /** Outside a test rig PC/SC never offers vpcd's network-fed virtual readers, named in the config or not. */
    private static SimReader reader(KioskConfig.ReaderChoice choice, boolean testRig) {
        if (choice instanceof KioskConfig.ReaderChoice.Pcsc) {
            return testRig ? new PcscSimReader() : new RealReadersOnly(new PcscSimReader());
        }
        if (choice instanceof KioskConfig.ReaderChoice.Memory) {
            return new InMemorySimReader();
        }
        KioskConfig.ReaderChoice.Serial serial = (KioskConfig.ReaderChoice.Serial) choice;
        return AtModemSimReader.open(serial.device(), serial.baud());
    }

    private static SlipPrinter printer(KioskConfig.PrinterChoice choice) {
        if (choice instanceof KioskConfig.PrinterChoice.Memory) {
            return new InMemoryPrinter();
        }
        KioskConfig.PrinterChoice.EscPosSerial serial = (KioskConfig.PrinterChoice.EscPosSerial) choice;
        // Slips carry Chinese and Korean too, which a Japanese printer's kanji font lacks: draw text as raster.
        return EscPosPrinter.open(serial.device(), serial.baud(), JapaneseTextMode.RASTER);
    }
}
