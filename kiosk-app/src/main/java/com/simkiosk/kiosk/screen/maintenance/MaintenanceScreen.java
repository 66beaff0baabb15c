package com.simkiosk.kiosk.screen.maintenance;

import com.simkiosk.card.ReaderInfo;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.Keypad;
import com.simkiosk.kiosk.screen.common.Ui;
import com.simkiosk.printer.PrinterStatus;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The operator's screens: a PIN pad, then each device's health (UnifiedPOS style), counters, test print, exit. */
public final class MaintenanceScreen {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss 'JST'").withZone(BalanceView.JST);
    static final int PIN_MAX = 12;

    /** What the operator can ask for. */
    public interface Actions {
        void testPrint();

        void close();

        void exitKiosk();
    }

    private MaintenanceScreen() {}

    /**
     * The PIN pad. {@code onPin} gets the typed PIN and a way to say why it did not open (wrong, or wait): checking
     * a PBKDF2 hash takes a moment, so the caller does it off the FX thread and answers later. {@code note} is
     * shown from the start (a back-off still running), or " ".
     */
    public static Parent pinPad(Messages m, java.util.function.BiConsumer<String, Consumer<String>> onPin, String note,
                                Runnable cancel) {
        StringBuilder typed = new StringBuilder();
        Label field = Ui.label(" ", "entry-field");
        field.setId("maintenance-pin-field");
        Label wrong = Ui.label(note, "message-error");
        wrong.setId("maintenance-pin-wrong");
        Consumer<Keypad.Key> onKey = k -> {
            Keypad.edit(typed, k, PIN_MAX);
            field.setText(typed.length() == 0 ? " " : "●".repeat(typed.length()));
        };
        Button ok = Ui.primary("maintenance-pin-ok", m.get("common.ok"), () -> {
            String pin = typed.toString();
            typed.setLength(0);
            field.setText(" ");
            wrong.setText(" ");
            onPin.accept(pin, wrong::setText);
        });
        VBox box = new VBox(20, Ui.title(m.get("maint.pin.title")), field, wrong, new Keypad(m, onKey),
                Ui.actions(Ui.button("maintenance-cancel", m.get("common.cancel"), cancel), ok));
        return overlay("maintenance-pin", box);
    }

    public static Parent status(Messages m, MaintenanceStatus s, Actions actions, String note) {
        GridPane grid = new GridPane();
        grid.setHgap(32);
        grid.setVgap(12);
        int r = 0;
        r = row(grid, r, m.get("maint.version"), s.version(), true, "maintenance-version");
        r = row(grid, r, m.get("maint.kioskId"), s.kioskId(), true, "maintenance-kiosk-id");
        String readers = s.readers().isEmpty() ? s.readerFault().map(f -> readerFault(m, f)).orElse(m.get("maint.none"))
                : String.join("\n", s.readers().stream().map(reader -> reader(m, reader)).toList());
        r = row(grid, r, m.get("maint.readers"), readers, !s.readers().isEmpty(), "maintenance-readers");
        r = row(grid, r, m.get("maint.paper"), paper(m, s.printer()), s.printer() == PrinterStatus.READY,
                "maintenance-paper");
        r = row(grid, r, m.get("maint.backend"), s.lastBackendError().map(t -> m.get("maint.state.fault") + " " + TIME.format(t))
                .orElse(m.get("maint.state.ok")), s.lastBackendError().isEmpty());
        String errors = s.lastErrors().isEmpty() ? m.get("maint.none")
                : String.join("\n", s.lastErrors().stream().map(e -> TIME.format(e.at()) + "  " + e.kind().name()).toList());
        r = row(grid, r, m.get("maint.lastErrors"), errors, true, "maintenance-errors");
        String calls = s.staffCalls() == 0 ? "0" : m.get("maint.staffCalls.last", s.staffCalls(),
                s.lastStaffCall().map(TIME::format).orElse(""));
        GridPane counters = new GridPane();
        counters.setHgap(32);
        counters.setVgap(12);
        int c = 0;
        c = row(counters, c, m.get("maint.staffCalls"), calls, true, "maintenance-staff-calls");
        c = row(counters, c, m.get("maint.counter.sessions"), String.valueOf(s.sessions()), true);
        c = row(counters, c, m.get("maint.counter.balances"), String.valueOf(s.balancesShown()), true);
        c = row(counters, c, m.get("maint.counter.errors"), String.valueOf(s.errors()), true);
        row(counters, c, m.get("maint.counter.slips"), String.valueOf(s.slipsPrinted()), true);
        Label noteLabel = Ui.label(note, "message-info");
        noteLabel.setId("maintenance-note");
        javafx.scene.layout.HBox both = new javafx.scene.layout.HBox(64, grid, counters);
        VBox box = new VBox(20, Ui.title(m.get("maint.title")), both, noteLabel,
                Ui.actions(Ui.button("maintenance-exit", m.get("maint.exit"), actions::exitKiosk),
                        Ui.button("maintenance-test-print", m.get("maint.testPrint"), actions::testPrint),
                        Ui.primary("maintenance-close", m.get("maint.close"), actions::close)));
        return overlay("maintenance-status", box);
    }

    /** The printer's state in words for the operator ("Out of paper: load a new roll"), never the enum's name. */
    public static String paper(Messages m, PrinterStatus status) {
        return m.get("maint.paper." + status.name());
    }

    /** Port missing, modem silent, modem garbled: each sends the technician somewhere else. */
    static String readerFault(Messages m, com.simkiosk.card.ReadResult.Failed fault) {
        String key = "maint.readerFault." + fault.error().name();
        return m.has(key) ? m.get(key) : m.get("maint.state.fault") + " (" + fault.error().name() + ")";
    }

    /** "ACS ACR39U ICC Reader: SIM inside", then the exact PC/SC name to match against the configuration. */
    static String reader(Messages m, ReaderInfo r) {
        String readable = ReaderNames.readable(r.name());
        String state = m.get(r.cardPresent() ? "maint.reader.card" : "maint.reader.empty");
        return readable + ": " + state + (readable.equals(r.name()) ? "" : "  (" + r.name() + ")");
    }

    private static int row(GridPane grid, int r, String label, String value, boolean ok) {
        return row(grid, r, label, value, ok, null);
    }

    private static int row(GridPane grid, int r, String label, String value, boolean ok, String id) {
        Label v = Ui.label(value, "body", ok ? "message-info" : "message-error");
        if (id != null) {
            v.setId(id);
        }
        grid.add(Ui.label(label, "card-label"), 0, r);
        grid.add(v, 1, r);
        return r + 1;
    }

    private static Parent overlay(String id, VBox box) {
        return com.simkiosk.kiosk.screen.help.Overlays.scrim(id, box, Pos.TOP_CENTER, 1500, 1000);
    }
}
