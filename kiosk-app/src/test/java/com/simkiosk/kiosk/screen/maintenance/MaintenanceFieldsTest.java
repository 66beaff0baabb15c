package com.simkiosk.kiosk.screen.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.ReaderInfo;
import com.simkiosk.kiosk.app.Fx;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.printer.PrinterStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a technician reads in maintenance: version, kiosk, paper in words, readers by model, errors with their JST time. */
class MaintenanceFieldsTest {
    private static final Instant TEN_JST = Instant.parse("2026-11-26T01:00:00Z");

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    @Test
    void theStatusScreenSaysWhatATechnicianNeedsInWords() throws Exception {
        MaintenanceStatus status = new MaintenanceStatus("1.4.0", "kiosk-07",
                List.of(new ReaderInfo("ACS ACR39U ICC Reader 00 00", true), new ReaderInfo("ACS ACR39U ICC Reader 01 00", false)),
                Optional.empty(), PrinterStatus.PAPER_OUT, Optional.empty(),
                List.of(new KioskHealth.SeenError(ErrorKind.BACKEND_DOWN, TEN_JST),
                        new KioskHealth.SeenError(ErrorKind.LINE_SUSPENDED, TEN_JST.minusSeconds(3600))),
                12, 10, 2, 3, 2, Optional.of(TEN_JST.plusSeconds(90)));
        Messages en = Messages.of(Language.EN);
        Fx.run(() -> {
            Parent view = MaintenanceScreen.status(en, status, new MaintenanceScreen.Actions() {
                @Override
                public void testPrint() {}

                @Override
                public void close() {}

                @Override
                public void exitKiosk() {}
            }, " ");
            assertThat(text(view, "maintenance-version")).isEqualTo("1.4.0");
            assertThat(text(view, "maintenance-kiosk-id")).isEqualTo("kiosk-07");
            assertThat(text(view, "maintenance-paper")).isEqualTo("Out of paper: load a new roll").doesNotContain("PAPER_OUT");
            assertThat(text(view, "maintenance-readers")).isEqualTo(
                    "ACS ACR39U ICC Reader: SIM inside  (ACS ACR39U ICC Reader 00 00)\n"
                            + "ACS ACR39U ICC Reader #2: empty  (ACS ACR39U ICC Reader 01 00)");
            assertThat(text(view, "maintenance-errors")).isEqualTo(
                    "11-26 10:00:00 JST  BACKEND_DOWN\n11-26 09:00:00 JST  LINE_SUSPENDED");
            assertThat(text(view, "maintenance-staff-calls")).isEqualTo("2 (last 11-26 10:01:30 JST)");
        });
    }

    @Test
    void everyPrinterStateHasWordsInEveryLanguage() {
        for (Language l : Language.values()) {
            for (PrinterStatus p : PrinterStatus.values()) {
                assertThat(MaintenanceScreen.paper(Messages.of(l), p)).as("%s in %s", p, l).doesNotContain(p.name())
                        .doesNotStartWith("maint.");
            }
        }
    }

    @Test
    void readerNamesLoseTheirPcscNumbersButKeepWhichOne() {
        assertThat(ReaderNames.readable("ACS ACR39U ICC Reader 00 00")).isEqualTo("ACS ACR39U ICC Reader");
        assertThat(ReaderNames.readable("Identiv uTrust 2700 R Smart Card Reader [CCID Interface] (55041514) 01 00"))
                .isEqualTo("Identiv uTrust 2700 R Smart Card Reader [CCID Interface] (55041514) #2");
        assertThat(ReaderNames.readable("Gemalto Dual 00 01")).isEqualTo("Gemalto Dual, slot 2");
        assertThat(ReaderNames.readable("/dev/ttyUSB0")).isEqualTo("/dev/ttyUSB0");
    }

    @Test
    void theVersionIsKnownOrSaidToBeADevelopmentBuild() {
        assertThat(SoftwareVersion.current()).isNotBlank();
    }

    private static String text(Parent root, String id) {
        return ((Labeled) root.lookup("#" + id)).getText();
    }
}
