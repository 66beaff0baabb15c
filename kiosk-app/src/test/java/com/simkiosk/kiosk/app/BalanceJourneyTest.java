package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.Situation;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.DisplayDates;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.mock.reader.DemoCard;
import java.time.Duration;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Journeys where the balance screen must say what matters and what to do, against the carrier simulator's demo
 * lines (dated from now): the tourist SIM that expires in two days, a line whose data ends before its expiry, and a
 * foreign SIM. Screenshots of each step land in target/screenshots.
 */
class BalanceJourneyTest {
    private static final FlowConfig PATIENT = KioskDriver.config(Duration.ofMinutes(5), Duration.ofSeconds(30));
    private KioskDriver kiosk;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    @AfterEach
    void close() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    private BalanceView shown() {
        return ((State.ShowBalance) kiosk.runtime().view().state()).balance();
    }

    private boolean isPrimary(String id) throws Exception {
        return Fx.call(() -> {
            Node n = kiosk.runtime().shell().surface().lookup("#" + id);
            return n != null && n.getStyleClass().contains("primary");
        });
    }

    @Test
    void expiresSoonThenAddDataIsTheFilledButtonAndLeadsToTheSlip() throws Exception {
        kiosk = KioskDriver.open("expires-soon", PATIENT);
        DemoLine line = kiosk.demo().lines().touristData();
        kiosk.demo().reader().insert(DemoKiosk.cardFor(line, 3));
        kiosk.waitForScreen("chooseVerification");
        kiosk.tap("method-ORDER_NUMBER");
        kiosk.waitForScreen("enterDetail");
        kiosk.typeDetail(line.orderNumber());
        kiosk.tap("submit");
        kiosk.waitForScreen("balance");

        BalanceView b = shown();
        assertThat(b.situation()).isEqualTo(Situation.EXPIRES_SOON);
        assertThat(b.daysLeft()).contains(2L);
        String until = DisplayDates.moment(b.expires().orElseThrow(), Language.EN);
        assertThat(kiosk.text("headline")).isEqualTo("Your SIM expires in 2 days: it works until " + until + ".")
                .endsWith("23:59 JST.");
        assertThat(kiosk.text("next-step")).isEqualTo("Tap “Add data” to keep using your SIM.");
        assertThat(kiosk.text("expiry")).startsWith("until ").endsWith("23:59 JST");
        assertThat(kiosk.text("as-of")).matches("as of \\d\\d:\\d\\d");
        // The data-only tourist SIM: no tiles for yen, calls, SMS or a number, and never a bare dash.
        assertThat(kiosk.shows("yen") || kiosk.shows("voice") || kiosk.shows("sms") || kiosk.shows("number")).isFalse();
        assertThat(kiosk.texts()).doesNotContain("—");
        assertThat(kiosk.shows("bar-today")).isTrue();
        assertThat(kiosk.text("chart-today-label")).isEqualTo(DisplayDates.shortDay(b.today()) + " today so far");
        assertThat(kiosk.text("topup")).isEqualTo("Add data");
        assertThat(isPrimary("topup")).isTrue();
        assertThat(isPrimary("done")).isFalse();

        kiosk.tap("topup");
        kiosk.waitForScreen("topUpOffers");
        String offer = Fx.call(() -> kiosk.runtime().shell().surface().lookupAll(".button").stream()
                .map(Node::getId).filter(id -> id != null && id.startsWith("offer-")).findFirst().orElseThrow());
        kiosk.tap(offer);
        kiosk.waitForScreen("topUpConfirm");
        kiosk.tap("confirm");
        kiosk.waitForScreen("topUpSlip");
        assertThat(kiosk.demo().printer().awaitPrinted(1, Fx.PATIENCE)).isTrue();
        kiosk.tap("done");
        kiosk.waitForScreen("takeSim");
        kiosk.demo().reader().remove();
        kiosk.waitForScreen("attract");
    }

    @Test
    void dataThatRunsOutBeforeTheExpirySaysWhenAndDrawsIt() throws Exception {
        kiosk = KioskDriver.open("runs-out", PATIENT);
        DemoLine line = kiosk.demo().lines().staggeredTopUps();
        kiosk.demo().reader().insert(DemoKiosk.cardFor(line, 3));
        kiosk.waitForScreen("enterDetail"); // ID_DOCUMENT is the only method for this line with its SIM inserted
        kiosk.typeDetail(line.idDocument());
        kiosk.tap("submit");
        kiosk.waitForScreen("balance");

        BalanceView b = shown();
        assertThat(b.situation()).isEqualTo(Situation.RUNS_OUT_BEFORE_EXPIRY);
        String day = DisplayDates.day(b.dataRunsOut().orElseThrow(), Language.EN);
        assertThat(kiosk.text("headline"))
                .isEqualTo("At your recent pace, your data runs out around " + day + ", before your SIM expires.");
        assertThat(b.dataRunsOut().get()).isBefore(b.expires().map(com.simkiosk.kiosk.flow.BalanceViews::lastDay).orElseThrow());
        assertThat(kiosk.text("topup")).isEqualTo("Add data");
        assertThat(isPrimary("topup")).isTrue();
        // Drawn on the chart, not only written: the pace line and the run-out marker with its day.
        assertThat(kiosk.shows("chart-pace-label")).isTrue();
        assertThat(kiosk.shows("chart-runout")).isTrue();
        assertThat(kiosk.text("chart-runout-label")).contains(DisplayDates.shortDay(b.dataRunsOut().get()));
        // A line with SMS and a number: those tiles are there, the yen and call tiles it lacks are not.
        assertThat(kiosk.shows("sms")).isTrue();
        assertThat(kiosk.shows("number")).isTrue();
        assertThat(kiosk.shows("yen")).isFalse();

        kiosk.tap("done");
        kiosk.waitForScreen("takeSim");
        kiosk.demo().reader().remove();
        kiosk.waitForScreen("attract");
    }

    @Test
    void aForeignSimIsExplainedAndAskedBackWithoutAKeypad() throws Exception {
        kiosk = KioskDriver.open("foreign-sim", PATIENT);
        kiosk.demo().reader().insert(DemoCard.sim(DemoLines.FOREIGN_ICCID));
        kiosk.waitForScreen("error");

        assertThat(kiosk.text("error-title")).isEqualTo("Only Japanese SIM cards can be checked here");
        assertThat(kiosk.text("error-body")).contains("carrier");
        assertThat(kiosk.shows("use-number")).isFalse(); // the keypad takes Japanese numbers only
        kiosk.tap("done");
        kiosk.waitForScreen("takeSim");
        kiosk.demo().reader().remove();
        kiosk.waitForScreen("attract");
    }
}
