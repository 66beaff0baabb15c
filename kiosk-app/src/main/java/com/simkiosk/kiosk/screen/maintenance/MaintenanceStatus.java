package com.simkiosk.kiosk.screen.maintenance;

import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.printer.PrinterStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A snapshot of the devices for the maintenance screen, gathered off the FX thread (each device call blocks). */
public record MaintenanceStatus(
        List<ReaderInfo> readers,
        Optional<ReadResult.Failed> readerFault,
        PrinterStatus printer,
        Optional<Instant> lastBackendError,
        List<KioskHealth.SeenError> lastErrors,
        long sessions,
        long balancesShown,
        long errors,
        long slipsPrinted) {
    public MaintenanceStatus {
        readers = List.copyOf(readers);
        lastErrors = List.copyOf(lastErrors);
    }
}
