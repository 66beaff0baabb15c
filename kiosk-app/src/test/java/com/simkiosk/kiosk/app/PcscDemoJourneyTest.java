package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.CardEvent;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.demo.PcscDemo;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.pcsc.PcscdExtension;
import com.simkiosk.mock.reader.InMemorySimReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./kiosk --demo --pcsc} as a customer meets it, on headless Monocle: the demo tray plugs the tourist SIM
 * into vpcd, our own real pcscd reports it, the PC/SC driver reads it, and the kiosk's real flow takes it from
 * there. pcscd is started once for this class (queued on the machine's pcscd lock) and stopped by its PID.
 */
@ExtendWith(PcscdExtension.class)
class PcscDemoJourneyTest {
    private static final String VPCD_SLOT0 = "Virtual PCD 00 00";
    /** Generous waits for the card and the carrier: on a busy test machine a deadline must not decide the journey. */
    private static final FlowConfig PATIENT = KioskDriver.config(Duration.ofMinutes(5), Duration.ofSeconds(30))
            .withWaits(Duration.ofSeconds(20), Duration.ofSeconds(20));
    private KioskDriver kiosk;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start(); // after the class's own pcscd (PcscdExtension)
    }

    @AfterEach
    void closeKiosk() throws Exception {
        if (kiosk != null) {
            kiosk.close(); // closes the vpcd bridge and the PC/SC reader with the demo
        }
    }

    /**
     * Issue 16 through the real stack: the tray's tourist SIM is the line's genuine USIM with PIN1 enabled. The PIN
     * only unlocks the card; then EF.IMSI and AUTHENTICATE go through pcscd + vpcd, the carrier simulator's BSF
     * checks the answer, and the balance follows without anything else typed.
     */
    @Test
    void theTouristSimFromTheTrayIsReadThroughPcscdUnlockedByItsPinCheckedWithItsCarrierAndRemovingItReturnsToAttract()
            throws Exception {
        DemoKiosk demo = DemoKiosk.start();
        PcscDemo.Wiring wiring = PcscDemo.wire(demo, PATIENT, Theme.NORMAL, false);
        kiosk = KioskDriver.open("pcsc-demo", demo, wiring.parts());
        assertThat(wiring.parts().reader()).isInstanceOf(PcscSimReader.class);
        List<CardEvent> heard = new CopyOnWriteArrayList<>();
        wiring.parts().reader().addListener(heard::add);

        DemoLine line = demo.lines().touristData();
        wiring.tray().insertSim(line, 3);
        kiosk.waitForScreen("enterPin");
        Fx.waitUntil("pcscd reported the card in " + VPCD_SLOT0, () -> heard.contains(new CardEvent.Inserted(VPCD_SLOT0)));
        // The in-memory reader of the plain demo never held a card: what the kiosk read came through pcscd.
        assertThat(demo.reader().card(InMemorySimReader.DEFAULT_READER)).isEmpty();

        kiosk.type(line.simPin());
        kiosk.tap("submit");
        kiosk.waitForScreen("balance");
        assertThat(kiosk.shows("method-ID_DOCUMENT")).isFalse();
        long bytes = ((State.ShowBalance) kiosk.runtime().view().state()).balance().dataRemainingBytes();
        assertThat(bytes).isPositive();
        assertThat(kiosk.text("data-left")).matches("[0-9.,]+ (GB|MB)");
        assertThat(kiosk.text("expiry")).endsWith("JST");

        wiring.tray().remove();
        kiosk.waitForScreen("attract");
        Fx.waitUntil("pcscd reported the card gone from " + VPCD_SLOT0, () -> heard.contains(new CardEvent.Removed(VPCD_SLOT0)));
    }

    /** The forged tourist SIM (same ICCID and IMSI, another key) through pcscd: refused calmly, the number offered. */
    @Test
    void aForgedTouristSimThroughPcscdCannotBeConfirmed() throws Exception {
        DemoKiosk demo = DemoKiosk.start();
        PcscDemo.Wiring wiring = PcscDemo.wire(demo, PATIENT, Theme.NORMAL, false);
        kiosk = KioskDriver.open("pcsc-forged", demo, wiring.parts());

        wiring.tray().insertUsim(demo.lines().touristData(), false);
        kiosk.waitForScreen("error");
        assertThat(kiosk.text("error-title")).isEqualTo("This SIM could not be confirmed");
        kiosk.tap("use-number");
        kiosk.waitForScreen("enterNumber");
    }
}
