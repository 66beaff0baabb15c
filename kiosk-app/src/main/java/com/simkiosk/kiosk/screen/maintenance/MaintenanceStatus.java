package com.simkiosk.kiosk.screen.maintenance;

import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.printer.PrinterStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of the devices for the maintenance screen, gathered off the FX thread (each device call blocks), with
 * the software's version, the kiosk's id and how often customers called staff. Nothing personal.
 */
public record MaintenanceStatus(
        String version,
        String kioskId,
        List<ReaderInfo> readers,
        Optional<ReadResult.Failed> readerFault,
        PrinterStatus printer,
        Optional<Instant> lastBackendError,
        List<KioskHealth.SeenError> lastErrors,
        long sessions,
        long balancesShown,
        long errors,
        long slipsPrinted,
        long staffCalls,
        Optional<Instant> lastStaffCall) {
    public MaintenanceStatus {
        readers = List.copyOf(readers);
        lastErrors = List.copyOf(lastErrors);
    }
}
