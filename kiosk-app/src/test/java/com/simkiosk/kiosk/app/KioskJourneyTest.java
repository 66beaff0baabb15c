package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.Endpoint;
import com.simkiosk.mock.carrier.Fault;
import com.simkiosk.mock.carrier.SmsOutbox;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.printer.Slip;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole customer journeys on headless Monocle: the real flow, the in-memory reader, the carrier simulator over
 * loopback HTTP through the TMF client, the in-memory printer. Screenshots of each step land in target/screenshots.
 */
class KioskJourneyTest {
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

    @Test
    void insertedSimWithRegisteredDocumentShowsTheBalance() throws Exception {
        kiosk = KioskDriver.open("sim-balance", PATIENT);
        DemoLine line = kiosk.demo().lines().touristData();
        kiosk.demo().reader().insert(com.simkiosk.mock.reader.DemoCard.sim(line.iccid()));
        kiosk.waitForScreen("chooseVerification");
        kiosk.tap("method-ID_DOCUMENT");
        kiosk.waitForScreen("enterDetail");
        kiosk.typeDetail(line.idDocument());
        kiosk.tap("submit");
        kiosk.waitForScreen("balance");
        long bytes = ((State.ShowBalance) kiosk.runtime().view().state()).balance().dataRemainingBytes();
        assertThat(bytes).isPositive();
        assertThat(kiosk.text("data-left")).isEqualTo(com.simkiosk.kiosk.i18n.Messages.of(com.simkiosk.kiosk.flow.Language.EN).data(bytes))
                .matches("[0-9.,]+ (GB|MB)");
        assertThat(kiosk.text("plan")).isNotBlank();
        assertThat(kiosk.text("expiry")).contains("Japan time");
        assertThat(kiosk.texts()).contains("Data left", "Balance", "Expires");
        // A data-only SIM: no yen, no calls, no SMS, no number, each said with a dash rather than a misleading 0.
        assertThat(List.of(kiosk.text("yen"), kiosk.text("voice"), kiosk.text("sms"), kiosk.text("number")))
                .containsOnly("—");
    }

    @Test
    void numberThenTwoWrongCodesThenTheRightCodeShowsTheBalance() throws Exception {
        kiosk = KioskDriver.open("number-code", PATIENT);
        DemoLine line = kiosk.demo().lines().auPrepaid();
        String national = "0" + line.msisdn().orElseThrow().e164().substring(3);
        kiosk.tap("start-number");
        kiosk.waitForScreen("enterNumber");
        kiosk.type(national);
        assertThat(kiosk.text("number-field")).isEqualTo("090-1234-0002");
        kiosk.tap("submit");
        kiosk.waitForScreen("enterCode");
        String code = sentCode(kiosk, line);
        String wrong = code.equals("111111") ? "222222" : "111111";
        assertThat(kiosk.text("attempts-left")).isEqualTo("3 tries left");

        kiosk.type(wrong);
        kiosk.tap("submit");
        Fx.waitUntil("2 tries left", () -> textNow("attempts-left").equals("2 tries left"));
        assertThat(kiosk.text("notice")).contains("not right");
        kiosk.shot("wrong-once");
        kiosk.type(wrong);
        kiosk.tap("submit");
        Fx.waitUntil("1 try left", () -> textNow("attempts-left").equals("1 try left"));
        kiosk.shot("wrong-twice");
        kiosk.type(code);
        kiosk.tap("submit");
        kiosk.waitForScreen("balance");
        assertThat(kiosk.text("number")).isEqualTo("090-****-0002");
        assertThat(kiosk.text("yen")).startsWith("¥");
        assertThat(kiosk.text("voice")).matches("[0-9,]+ min.*");
    }

    @Test
    void kioskRefusesThePinWhenOnlyOneTryIsLeftAndNeverTouchesTheCounter() throws Exception {
        kiosk = KioskDriver.open("pin-refused", PATIENT);
        DemoLine line = kiosk.demo().lines().touristData();
        kiosk.demo().reader().insert(DemoKiosk.cardFor(line, 1));
        kiosk.waitForScreen("chooseVerification");
        kiosk.tap("method-SIM_PIN");
        kiosk.waitForScreen("pinRefused");
        assertThat(kiosk.text("refusal-reason")).contains("Only one PIN try is left");
        assertThat(kiosk.shows("method-ID_DOCUMENT")).isTrue();
        assertThat(kiosk.demo().reader().card(InMemorySimReader.DEFAULT_READER).orElseThrow().pinTriesLeft()).isEqualTo(1);
    }

    @Test
    void backEndDownShowsACalmErrorAndRetrySucceedsOnceItIsBack() throws Exception {
        kiosk = KioskDriver.open("backend-down", PATIENT);
        kiosk.demo().simulator().faults().inject(Endpoint.PRODUCT, new Fault.ServerError(), 100);
        kiosk.demo().reader().insert(DemoKiosk.cardFor(kiosk.demo().lines().touristData(), 3));
        kiosk.waitForScreen("error");
        assertThat(kiosk.text("error-title")).isEqualTo("We cannot reach your carrier right now");
        assertThat(kiosk.texts()).noneMatch(t -> t.contains("Exception") || t.contains("500"));
        kiosk.demo().simulator().faults().clear();
        kiosk.tap("retry");
        kiosk.waitForScreen("chooseVerification");
    }

    @Test
    void aBankCardShowsNotASimFromWhichTheCustomerTypesTheirNumberInstead() throws Exception {
        kiosk = KioskDriver.open("not-a-sim-to-number", PATIENT);
        kiosk.demo().tray().insertBankCard();
        kiosk.waitForScreen("error");
        assertThat(kiosk.text("use-number")).isEqualTo("Use my phone number");
        kiosk.shot("not-a-sim");
        DemoLine line = kiosk.demo().lines().auPrepaid();
        kiosk.tap("use-number");
        submitNumberOf(line);
        kiosk.type(sentCode(kiosk, line));
        kiosk.tap("submit");
        kiosk.waitForScreen("balance");
        kiosk.tap("done");
        kiosk.waitForScreen("takeSim"); // the bank card is still in the reader
    }

    @Test
    void idleKioskWarnsCountsDownAndWipesTheSession() throws Exception {
        kiosk = KioskDriver.open("idle", KioskDriver.config(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        kiosk.tap("start-number");
        kiosk.waitForScreen("enterNumber");
        kiosk.type("0901");
        String[] countdown = new String[1];
        Fx.waitUntil("idle warning", () -> {
            countdown[0] = textNow("idle-countdown");
            return kiosk.runtime().shell().surface().lookup("#idle-overlay") != null;
        });
        assertThat(countdown[0]).matches("[1-3]");
        kiosk.waitForScreen("attract");
        assertThat(kiosk.shows("idle-overlay")).isFalse();
        kiosk.tap("start-number");
        kiosk.waitForScreen("enterNumber");
        assertThat(kiosk.text("number-field")).isBlank();
    }

    @Test
    void switchingLanguageMidJourneyKeepsTheSession() throws Exception {
        kiosk = KioskDriver.open("language", PATIENT);
        DemoLine line = kiosk.demo().lines().iijMvno();
        kiosk.tap("start-number");
        submitNumberOf(line);
        String code = sentCode(kiosk, line);
        kiosk.type(code.substring(0, 3));
        kiosk.tap("lang-ja");
        Fx.waitUntil("Japanese screen", () -> Fx.texts(kiosk.runtime().shell().surface()).contains("認証コードを入力してください"));
        kiosk.shot("enterCode-ja");
        assertThat(kiosk.runtime().view().state()).isInstanceOf(State.EnterCode.class);
        assertThat(kiosk.text("entry-field")).isEqualTo(spaced(code.substring(0, 3)));
        kiosk.tap("lang-ko");
        Fx.waitUntil("Korean screen", () -> Fx.texts(kiosk.runtime().shell().surface()).contains("인증번호를 입력해 주세요"));
        kiosk.type(code.substring(3));
        kiosk.tap("submit");
        kiosk.waitForScreen("balance");
        assertThat(kiosk.texts()).contains("남은 데이터", "잔액");
    }

    @Test
    void topUpPrintsAPaymentSlipWithTheCodeShownOnScreen() throws Exception {
        kiosk = KioskDriver.open("topup", PATIENT);
        DemoLine line = kiosk.demo().lines().touristData();
        kiosk.demo().reader().insert(DemoKiosk.cardFor(line, 3));
        kiosk.waitForScreen("chooseVerification");
        kiosk.tap("method-ORDER_NUMBER");
        kiosk.waitForScreen("enterDetail");
        kiosk.typeDetail(line.orderNumber());
        kiosk.tap("submit");
        kiosk.waitForScreen("balance");
        kiosk.tap("topup");
        kiosk.waitForScreen("topUpOffers");
        String offer = Fx.call(() -> kiosk.runtime().shell().surface().lookupAll(".button").stream()
                .map(javafx.scene.Node::getId).filter(id -> id != null && id.startsWith("offer-")).findFirst().orElseThrow());
        kiosk.tap(offer);
        kiosk.waitForScreen("topUpConfirm");
        kiosk.tap("confirm");
        kiosk.waitForScreen("topUpSlip");
        assertThat(kiosk.demo().printer().awaitPrinted(1, Fx.PATIENCE)).isTrue();
        Fx.waitUntil("printed status", () -> textNow("print-status").contains("printed"));
        Slip slip = kiosk.demo().printer().lastPrinted().orElseThrow();
        assertThat(slip.code()).contains(kiosk.text("payment-code"));
        assertThat(slip.footer()).contains("Pay at the register within 30 minutes");
        assertThat(kiosk.text("slip-instructions")).isEqualTo("Pay at the register within 30 minutes");
        assertThat(kiosk.shows("barcode")).isTrue();
        assertThat(kiosk.shows("qr")).isTrue();
        kiosk.tap("done");
        kiosk.waitForScreen("takeSim");
        kiosk.demo().reader().remove();
        kiosk.waitForScreen("attract");
    }

    @Test
    void fiveCornerTapsAndThePinOpenMaintenanceWhichTestPrints() throws Exception {
        kiosk = KioskDriver.open("maintenance", PATIENT);
        openPinPad();
        kiosk.type("1111");
        kiosk.tap("maintenance-pin-ok");
        Fx.waitUntil("wrong PIN said", () -> textNow("maintenance-pin-wrong").equals("Wrong PIN"));
        kiosk.type(DemoKiosk.DEMO_MAINTENANCE_PIN);
        kiosk.tap("maintenance-pin-ok");
        Fx.waitUntil("status", () -> kiosk.runtime().shell().surface().lookup("#maintenance-status") != null);
        kiosk.shot("maintenance");
        // Words, not "Printer READY" or a bare reader name (issue 10).
        assertThat(kiosk.texts()).contains("Card readers", "Printer paper", InMemorySimReader.DEFAULT_READER + ": empty",
                "Paper loaded, ready to print").doesNotContain("READY");
        kiosk.tap("maintenance-test-print");
        assertThat(kiosk.demo().printer().awaitPrinted(1, Fx.PATIENCE)).isTrue();
        kiosk.tap("maintenance-close");
        Fx.waitUntil("closed", () -> kiosk.runtime().shell().surface().lookup("#maintenance-status") == null);
    }

    @Test
    void afterThreeWrongPinsThePadShowsTheWaitAndEvenTheRightPinWaits() throws Exception {
        kiosk = KioskDriver.open("maintenance-backoff", PATIENT);
        openPinPad();
        for (int i = 0; i < 2; i++) {
            kiosk.type("11111" + i);
            kiosk.tap("maintenance-pin-ok");
            Fx.waitUntil("wrong PIN said", () -> textNow("maintenance-pin-wrong").equals("Wrong PIN"));
        }
        kiosk.type("111112");
        kiosk.tap("maintenance-pin-ok");
        Fx.waitUntil("the wait said", () -> textNow("maintenance-pin-wrong").startsWith("Wrong PIN. Too many wrong PINs."));
        kiosk.shot("maintenance-backoff");
        assertThat(textNow("maintenance-pin-wrong")).isEqualTo("Wrong PIN. Too many wrong PINs. Try again in 30 s");

        kiosk.type(DemoKiosk.DEMO_MAINTENANCE_PIN);
        kiosk.tap("maintenance-pin-ok");
        Fx.waitUntil("still waiting", () -> textNow("maintenance-pin-wrong").matches("Too many wrong PINs\\. Try again in \\d+ s"));
        assertThat(kiosk.runtime().shell().surface().lookup("#maintenance-status")).isNull();
        for (com.simkiosk.kiosk.flow.Language language : com.simkiosk.kiosk.flow.Language.values()) {
            assertThat(com.simkiosk.kiosk.i18n.Messages.of(language).get("maint.pin.wait", 60)).as(language.name())
                    .contains("60").doesNotContain("{0}");
        }
    }

    @Test
    void demoTrayInsertsSimsAndTheOutboxShowsTheSmsCode() throws Exception {
        kiosk = KioskDriver.open("demo-tray", PATIENT, true);
        assertThat(kiosk.texts()).contains("DEMO");
        kiosk.tap("tray-tourist-data");
        kiosk.waitForScreen("chooseVerification");
        kiosk.tap("tray-remove");
        kiosk.waitForScreen("attract");
        DemoLine line = kiosk.demo().lines().iijMvno();
        kiosk.tap("start-number");
        kiosk.type("0" + line.msisdn().orElseThrow().e164().substring(3));
        kiosk.tap("submit");
        kiosk.waitForScreen("enterCode");
        String code = sentCode(kiosk, line);
        Fx.waitUntil("SMS in the outbox", () -> kiosk.runtime().root().lookup("#sms-0") != null);
        assertThat(kiosk.text("sms-0")).contains(code).contains("080-****-0005");
        kiosk.shotAll("demo-panel");
    }

    @Test
    void aCustomerCanSwitchToHighContrastForTheirSessionOnly() throws Exception {
        kiosk = KioskDriver.open("theme", PATIENT);
        kiosk.tap("start-number");
        kiosk.waitForScreen("enterNumber");
        kiosk.tap("display");
        kiosk.tap("display-high-contrast");
        Fx.waitUntil("high contrast", () -> kiosk.runtime().shell().look().highContrast()
                && kiosk.runtime().root().getScene().getStylesheets().stream().anyMatch(u -> u.endsWith("theme-high-contrast.css")));
        kiosk.tap("display-close");
        kiosk.shot("high-contrast");
        kiosk.tap("back");
        kiosk.waitForScreen("attract");
        Fx.waitUntil("the kiosk's own theme again", () -> kiosk.runtime().root().getScene().getStylesheets().stream()
                .anyMatch(u -> u.endsWith("theme-normal.css")));
    }

    /** On the keypad: types the line's number as a Japanese customer would (090…) and waits for the code screen. */
    private void submitNumberOf(DemoLine line) throws Exception {
        kiosk.waitForScreen("enterNumber");
        kiosk.type("0" + line.msisdn().orElseThrow().e164().substring(3));
        kiosk.tap("submit");
        kiosk.waitForScreen("enterCode");
    }

    private void openPinPad() throws Exception {
        for (int i = 0; i < 5; i++) {
            kiosk.tap("maintenance-corner");
        }
        Fx.waitUntil("PIN pad", () -> kiosk.runtime().shell().surface().lookup("#maintenance-pin") != null);
    }

    private String textNow(String id) {
        javafx.scene.Node n = kiosk.runtime().shell().surface().lookup("#" + id);
        return n instanceof javafx.scene.control.Labeled l ? l.getText() : "";
    }

    private static String sentCode(KioskDriver kiosk, DemoLine line) throws Exception {
        String to = line.msisdn().orElseThrow().e164();
        SmsOutbox outbox = kiosk.demo().simulator().smsOutbox();
        Fx.waitUntil("SMS to the demo phone", () -> outbox.latestTo(to).isPresent());
        Optional<SmsOutbox.Sms> sms = outbox.latestTo(to);
        return sms.orElseThrow().code();
    }

    private static String spaced(String s) {
        return String.join(" ", s.split(""));
    }
}
