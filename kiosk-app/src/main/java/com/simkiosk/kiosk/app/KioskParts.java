package com.simkiosk.kiosk.app;

import com.simkiosk.card.SimReader;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.screen.maintenance.GuardedSecret;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.printer.SlipPrinter;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;

/**
 * Everything the kiosk runs on, chosen at start-up: real drivers or simulators. {@code owned} are closed with the
 * kiosk, last first; {@code attachments} watch the running kiosk (telemetry). {@code help} is what the help overlay offers (call staff, carriers' support). {@code demoPanel} builds the demo SIM tray and SMS outbox (FX thread), absent in real runs.
 */
public record KioskParts(
        SimReader reader,
        CarrierBackend carrier,
        SlipPrinter printer,
        FlowConfig flowConfig,
        Theme theme,
        GuardedSecret maintenancePin,
        Optional<DemoPanelFactory> demoPanel,
        List<AutoCloseable> owned,
        List<com.simkiosk.kiosk.flow.Language> languages,
        List<RuntimeAttachment> attachments,
        HelpSettings help) {

    /** Parts without attachments, with the default help: call staff with a notice and a chime, no support contacts. */
    public KioskParts(SimReader reader, CarrierBackend carrier, SlipPrinter printer, FlowConfig flowConfig, Theme theme,
                      GuardedSecret maintenancePin, Optional<DemoPanelFactory> demoPanel, List<AutoCloseable> owned,
                      List<com.simkiosk.kiosk.flow.Language> languages) {
        this(reader, carrier, printer, flowConfig, theme, maintenancePin, demoPanel, owned, languages, List.of());
    }

    /** Parts with attachments (telemetry), with the default help. */
    public KioskParts(SimReader reader, CarrierBackend carrier, SlipPrinter printer, FlowConfig flowConfig, Theme theme,
                      GuardedSecret maintenancePin, Optional<DemoPanelFactory> demoPanel, List<AutoCloseable> owned,
                      List<com.simkiosk.kiosk.flow.Language> languages, List<RuntimeAttachment> attachments) {
        this(reader, carrier, printer, flowConfig, theme, maintenancePin, demoPanel, owned, languages, attachments,
                HelpSettings.defaults());
    }

    public KioskParts withHelp(HelpSettings help) {
        return new KioskParts(reader, carrier, printer, flowConfig, theme, maintenancePin, demoPanel, owned, languages,
                attachments, help);
    }

    public KioskParts {
        owned = List.copyOf(owned);
        attachments = List.copyOf(attachments);
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one language");
        }
    }

    public boolean demo() {
        return demoPanel.isPresent();
    }

    /** Builds the demo side panel once the toolkit runs; it may fire flow events through the given sink. */
    @FunctionalInterface
    public interface DemoPanelFactory {
        Node create(KioskRuntime runtime);
    }

    /** Something that watches the running kiosk (telemetry), attached before its flow starts; FX thread. */
    @FunctionalInterface
    public interface RuntimeAttachment {
        void attach(KioskRuntime runtime);
    }
}
