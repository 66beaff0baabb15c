package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.network.NetworkQuery;
import com.simkiosk.card.network.NetworkSession;
import com.simkiosk.card.network.UssdMenu;
import com.simkiosk.card.serial.AtModemSimReader;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.NetworkRoutes;
import com.simkiosk.kiosk.flow.NetworkRoutes.DomesticCost;
import com.simkiosk.kiosk.flow.NetworkRoutes.Route;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.mock.serial.ModemDialect;
import com.simkiosk.mock.serial.PtyPair;
import com.simkiosk.mock.serial.SimulatedModem;
import com.simkiosk.mock.serial.SimulatedNetwork;
import com.simkiosk.mock.serial.SimulatedNetwork.Registration;
import com.simkiosk.mock.serial.SimulatedNetwork.UssdReply;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.testing.LogCapture;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's kiosk journey on headless Monocle, the whole way down: a foreign SIM in a cellular module's slot (the
 * simulated modem on a socat pty pair, with a simulated roaming network behind it), read by the kiosk's AT modem
 * reader → consent in the customer's language, saying roaming may cost → USSD → the carrier's own words on the
 * balance screen with the source and the time in Japan → SIM taken back, radio off, nothing left on the SIM.
 */
class NetworkBalanceJourneyTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String FOREIGN = "8944100000000000012";
    private static final String WORDS = "Dear customer, your balance is 7.80 GBP. Your bundle renews on 12 Dec 2026.";

    private final SimulatedNetwork network = new SimulatedNetwork();
    private PtyPair pty;
    private SimulatedModem modem;
    private KioskDriver kiosk;

    /** The kiosk first (it owns the reader), then the modem, then the pseudo-terminal under both. */
    @AfterEach
    void closeKioskModemAndPty() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {kiosk == null ? null : kiosk::close, modem, pty}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @BeforeAll
    static void headlessToolkit() throws Exception {
        Fx.start();
    }

    private void kioskWithForeignSimInModem(String journey) throws Exception {
        pty = PtyPair.open(TestTime.bound(BOUND));
        modem = SimulatedModem.start(JsscSerialLink.open(pty.b().toString(), 115200), ModemDialect.QUECTEL,
                new VirtualSim(VirtualSimSpec.uicc(FOREIGN)), SimulatedModem.Options.PLAIN, network);
        modem.preloadMessage("the customer's own message");
        modem.removeSim(); // the customer puts it in once the kiosk waits on its attract screen
        AtModemSimReader reader = AtModemSimReader.open(pty.a().toString(), 115200,
                new AtModemSimReader.Settings(TestTime.bound(Duration.ofSeconds(2)), Duration.ofMillis(100)));
        NetworkRoutes routes = new NetworkRoutes(List.of(new Route("8944", Optional.empty(),
                Optional.of(new NetworkQuery.Ussd("*100#", UssdMenu.NONE)), Optional.empty(), DomesticCost.ASK)),
                NetworkSession.Settings.DEFAULT);
        FlowConfig config = KioskDriver.config(Duration.ofMinutes(5), Duration.ofSeconds(30));
        DemoKiosk demo = DemoKiosk.start();
        KioskParts p = demo.parts(reader, demo.tray(), config, Theme.NORMAL, false, List.of(reader));
        kiosk = KioskDriver.open(journey, demo, new KioskParts(p.reader(), p.carrier(), p.printer(), p.flowConfig(),
                p.theme(), p.maintenancePin(), p.demoPanel(), p.owned(), p.languages(),
                List.of(runtime -> runtime.flow().useNetworkRoutes(routes)), p.help()));
        modem.insertSim(new VirtualSim(VirtualSimSpec.uicc(FOREIGN)));
    }

    @Test
    void foreignSimInTheModemSlotConsentsThenGetsItsCarriersOwnWordsByUssd() throws Exception {
        network.registration(Registration.ROAMING, "NTT DOCOMO").ussd("*100#", UssdReply.answer(WORDS));
        kioskWithForeignSimInModem("network-ussd");
        kiosk.waitForScreen("networkConsent");
        assertThat(kiosk.text("network-consent-cost")).contains("home carrier may charge").contains("roaming");
        assertThat(kiosk.text("network-consent-what")).contains("USSD");

        kiosk.tap("go-ahead");
        kiosk.waitForScreen("networkBalance");
        assertThat(kiosk.text("carrier-words")).isEqualTo(WORDS);
        assertThat(kiosk.text("network-source")).startsWith("From your carrier by USSD").endsWith("JST");
        assertThat(kiosk.text("network-amount")).isEqualTo("7.80 GBP"); // as the carrier wrote it, never converted
        assertThat(kiosk.shows("network-yen")).isFalse();
        assertThat(kiosk.shows("network-data")).as("GBP is money, not gigabytes").isFalse();
        radioOffAndSimAsItWas();

        kiosk.tap("done");
        kiosk.waitForScreen("takeSim");
        assertThat(kiosk.texts()).noneMatch(t -> t.contains("7.80"));
        assertThat(kiosk.runtime().view().state()).isInstanceOf(State.TakeSim.class);
    }

    @Test
    void cancelAtConsentSendsNothing() throws Exception {
        network.registration(Registration.ROAMING, "NTT DOCOMO").ussd("*100#", UssdReply.answer(WORDS));
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk.card.network")) {
            kioskWithForeignSimInModem("network-cancel");
            kiosk.waitForScreen("networkConsent");
            kiosk.tap("cancel");
            kiosk.waitForScreen("takeSim");
            assertThat(logs.messages()).as("no network session opened").isEmpty();
        }
        radioOffAndSimAsItWas();
    }

    @Test
    void noCoverageSaysSoInTheCustomersLanguageWithAWayForward() throws Exception {
        network.registration(Registration.NO_COVERAGE, "");
        kioskWithForeignSimInModem("network-no-coverage");
        kiosk.waitForScreen("networkConsent");
        kiosk.tap("lang-ko");
        assertThat(kiosk.text("network-consent-cost")).contains("로밍");
        kiosk.tap("go-ahead");
        kiosk.waitForScreen("networkUnanswered");
        assertThat(kiosk.text("network-error-body")).contains("신호");
        assertThat(kiosk.shows("retry")).isTrue();
        assertThat(kiosk.shows("done")).isTrue();
        radioOffAndSimAsItWas();
    }

    private void radioOffAndSimAsItWas() {
        assertThat(modem.radioOn()).as("radio off").isFalse();
        assertThat(modem.ussdOpen()).as("no USSD dialogue left open").isFalse();
        assertThat(modem.storedMessages()).as("only the customer's own SMS on the SIM").isEqualTo(1);
    }
}
