package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.BalanceViews;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.Situation;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.DisplayDates;
import com.simkiosk.kiosk.i18n.LineBreaks;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.mock.carrier.Endpoint;
import com.simkiosk.mock.carrier.Fault;
import com.simkiosk.mock.carrier.SmsOutbox;
import com.simkiosk.mock.reader.DemoCard;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.printer.PaymentReference;
import com.simkiosk.printer.Slip;
import com.simkiosk.testing.TestTime;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
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
        assertThat(kiosk.text("expiry")).endsWith("JST");
        assertThat(kiosk.texts()).contains("Data left", "Expires");
        // A data-only SIM: no yen, no calls, no SMS, no number: those tiles are left out rather than a misleading 0.
        assertThat(List.of(kiosk.shows("yen"), kiosk.shows("voice"), kiosk.shows("sms"), kiosk.shows("number")))
                .containsOnly(false);
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
        assertThat(entryBoxes()).isEqualTo(code.substring(0, 3)); // what was typed stays in its boxes
        kiosk.tap("lang-ko");
        Fx.waitUntil("Korean screen", () -> Fx.texts(kiosk.runtime().shell().surface()).contains("인증번호를 입력해 주세요"));
        kiosk.type(code.substring(3));
        kiosk.tap("submit");
        kiosk.waitForScreen("balance");
        // An IIJ data + SMS line: its data and SMS tiles, in Korean (it has no yen balance, so no yen tile).
        assertThat(kiosk.texts()).contains("남은 데이터", "남은 문자");
    }

    @Test
    void topUpPrintsAPaymentSlipWithTheCodeShownOnScreen() throws Exception {
        kiosk = KioskDriver.open("topup", PATIENT);
        DemoLine line = kiosk.demo().lines().touristData();
        kiosk.demo().reader().insert(DemoKiosk.cardFor(line, 3));
        kiosk.waitForScreen("chooseVerification");
        kiosk.tap("method-ORDER_NUMBER");
        typeDetailToBalance(line.orderNumber());
        buyTheFirstOfferToTheSlip();
        assertThat(kiosk.demo().printer().awaitPrinted(1, Fx.PATIENCE)).isTrue();
        Fx.waitUntil("printed status", () -> textNow("print-status").contains("printed"));
        Slip slip = kiosk.demo().printer().lastPrinted().orElseThrow();
        assertThat(kiosk.text("payment-code")).isEqualTo(PaymentReference.grouped(slip.code().orElseThrow())); // as on the paper
        assertThat(slip.footer()).contains("Pay at the register within 30 minutes");
        assertThat(kiosk.text("slip-instructions")).isEqualTo("Pay at the register within 30 minutes");
        assertThat(kiosk.shows("barcode")).isTrue();
        assertThat(kiosk.shows("qr")).isTrue();
        endAndTakeTheSim();
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
        assertThat(textNow("maintenance-pin-wrong")).isEqualTo("Wrong PIN. Too many wrong PINs. Try again in 30 seconds.");

        kiosk.type(DemoKiosk.DEMO_MAINTENANCE_PIN);
        kiosk.tap("maintenance-pin-ok");
        Fx.waitUntil("still waiting", () -> textNow("maintenance-pin-wrong").matches("Too many wrong PINs\\. Try again in \\d+ seconds?\\."));
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
    // ---------------------------------------------------------------- issue 10: the balance says what to do

    private BalanceView shown() {
        return ((State.ShowBalance) kiosk.runtime().view().state()).balance();
    }

    private boolean isPrimary(String id) throws Exception {
        return Fx.call(() -> {
            javafx.scene.Node n = kiosk.runtime().shell().surface().lookup("#" + id);
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
        typeDetailToBalance(line.orderNumber());

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

        buyTheFirstOfferToTheSlip();
        assertThat(kiosk.demo().printer().awaitPrinted(1, Fx.PATIENCE)).isTrue();
        endAndTakeTheSim();
    }

    @Test
    void dataThatRunsOutBeforeTheExpirySaysWhenAndDrawsIt() throws Exception {
        kiosk = KioskDriver.open("runs-out", PATIENT);
        DemoLine line = kiosk.demo().lines().staggeredTopUps();
        kiosk.demo().reader().insert(DemoKiosk.cardFor(line, 3));
        // ID_DOCUMENT is the only method for this line with its SIM inserted: straight to it.
        typeDetailToBalance(line.idDocument());

        BalanceView b = shown();
        assertThat(b.situation()).isEqualTo(Situation.RUNS_OUT_BEFORE_EXPIRY);
        String day = DisplayDates.day(b.dataRunsOut().orElseThrow(), Language.EN);
        assertThat(kiosk.text("headline"))
                .isEqualTo("At your recent pace, your data runs out around " + day + ", before your SIM expires.");
        assertThat(b.dataRunsOut().get()).isBefore(b.expires().map(BalanceViews::lastDay).orElseThrow());
        assertThat(kiosk.text("topup")).isEqualTo("Add data");
        assertThat(isPrimary("topup")).isTrue();
        // Drawn on the chart, not only written: the pace line and the run-out marker with its day.
        assertThat(kiosk.shows("chart-pace-label")).isTrue();
        assertThat(kiosk.shows("chart-runout")).isTrue();
        assertThat(kiosk.text("chart-runout-label")).contains(DisplayDates.shortDay(b.dataRunsOut().get()));
        // A data line with a number: its number tile is there, the yen, call and SMS tiles it lacks are not.
        assertThat(kiosk.shows("number")).isTrue();
        assertThat(List.of(kiosk.shows("yen"), kiosk.shows("voice"), kiosk.shows("sms"))).containsOnly(false);

        endAndTakeTheSim();
    }

    @Test
    void aForeignSimIsExplainedAndAskedBackWithoutAKeypad() throws Exception {
        kiosk = KioskDriver.open("foreign-sim", PATIENT);
        kiosk.demo().reader().insert(DemoCard.sim(DemoLines.FOREIGN_ICCID));
        kiosk.waitForScreen("error");

        assertThat(kiosk.text("error-title")).isEqualTo("Only Japanese SIM cards can be checked here");
        assertThat(kiosk.text("error-body")).contains("carrier");
        assertThat(kiosk.shows("use-number")).isFalse(); // the keypad takes Japanese numbers only
        endAndTakeTheSim();
    }

    /** On the registered-detail screen: types {@code value} and submits it, up to the balance. */
    private void typeDetailToBalance(String value) throws Exception {
        kiosk.waitForScreen("enterDetail");
        kiosk.typeDetail(value);
        kiosk.tap("submit");
        kiosk.waitForScreen("balance");
    }

    /** From the balance: Add data, the first offer, Confirm, up to the slip. */
    private void buyTheFirstOfferToTheSlip() throws Exception {
        kiosk.tap("topup");
        kiosk.waitForScreen("topUpOffers");
        String offer = Fx.call(() -> kiosk.runtime().shell().surface().lookupAll(".button").stream()
                .map(javafx.scene.Node::getId).filter(id -> id != null && id.startsWith("offer-")).findFirst().orElseThrow());
        kiosk.tap(offer);
        kiosk.waitForScreen("topUpConfirm");
        kiosk.tap("confirm");
        kiosk.waitForScreen("topUpSlip");
    }

    /** Done, "take your SIM", the SIM taken, the attract screen. */
    private void endAndTakeTheSim() throws Exception {
        kiosk.tap("done");
        kiosk.waitForScreen("takeSim");
        kiosk.demo().reader().remove();
        kiosk.waitForScreen("attract");
    }

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
        return n instanceof javafx.scene.control.Labeled l ? com.simkiosk.kiosk.i18n.LineBreaks.plain(l.getText()) : "";
    }

    private static String sentCode(KioskDriver kiosk, DemoLine line) throws Exception {
        String to = line.msisdn().orElseThrow().e164();
        SmsOutbox outbox = kiosk.demo().simulator().smsOutbox();
        Fx.waitUntil("SMS to the demo phone", () -> outbox.latestTo(to).isPresent());
        Optional<SmsOutbox.Sms> sms = outbox.latestTo(to);
        return sms.orElseThrow().code();
    }

    /** The digits the code boxes show, without the empty boxes. */
    private String entryBoxes() throws Exception {
        return Fx.call(() -> String.join("", kiosk.runtime().shell().surface().lookupAll(".entry-box").stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText().trim()).toList()));
    }

    // ---------------------------------------------------------------- issue 16: the SIM proves itself

    /** Generous waits: on a busy test machine a deadline must not decide the journey. */
    private static final FlowConfig SIM_CHECK = PATIENT.withWaits(Duration.ofSeconds(20), Duration.ofSeconds(20));

    /** The demo tray's genuine tourist SIM: its virtual USIM answers the simulator's BSF. */
    @Test
    void theGenuineTouristSimShowsItsBalanceWithNothingTyped() throws Exception {
        kiosk = KioskDriver.open("sim-auth-genuine", SIM_CHECK, true);
        kiosk.tap("tray-genuine-usim");
        kiosk.waitForScreen("balance");
        assertThat(((State.ShowBalance) kiosk.runtime().view().state()).balance().dataRemainingBytes()).isPositive();
    }

    @Test
    void theForgedTouristSimIsNotConfirmedCalmlyAndTheCustomerMayUseTheirNumber() throws Exception {
        kiosk = KioskDriver.open("sim-auth-forged", SIM_CHECK, true);
        DemoLine line = kiosk.demo().lines().touristData();
        kiosk.tap("tray-forged-usim");
        kiosk.waitForScreen("error");

        assertThat(kiosk.text("error-title")).isEqualTo("This SIM could not be confirmed");
        // Nothing about the line: no plan, no number, no hint that the ICCID is known.
        assertThat(kiosk.texts()).noneMatch(t -> t.contains(line.label()) || t.contains("Travel") || t.contains("****"));
        assertThat(kiosk.shows("retry")).isFalse();
        kiosk.tap("use-number");
        kiosk.waitForScreen("enterNumber");
    }

    // ---------------------------------------------------------------- issue 17: the shell reuses its bars

    /**
     * The shell keeps its bars (and the support card beside an error) as long-lived nodes and only replaces the
     * screen. After a session ends, nothing anywhere in the scene graph may still hold the customer's number or
     * figures: the next person at the kiosk must not find them, not even in a hidden or reused node.
     */
    @Test
    void afterTheSessionNoNodeHoldsThePreviousCustomersNumberOrFigures() throws Exception {
        kiosk = KioskDriver.open("privacy-after-session", PATIENT);
        DemoLine line = kiosk.demo().lines().auPrepaid();
        String national = "0" + line.msisdn().orElseThrow().e164().substring(3);
        kiosk.tap("start-number");
        submitNumberOf(line);
        String code = sentCode(kiosk, line);
        kiosk.type(code);
        kiosk.tap("submit");
        kiosk.waitForScreen("balance");
        // The language row in the reused bottom bar re-renders the balance in Japanese.
        kiosk.tap("lang-ja");
        Fx.waitUntil("the balance in Japanese", () -> kiosk.runtime().view().language() == Language.JA);
        kiosk.waitForScreen("balance");
        List<String> figures = new ArrayList<>();
        for (String id : List.of("number", "yen", "voice", "sms", "data-left")) {
            String shown = kiosk.text(id);
            if (!shown.isBlank()) {
                figures.add(shown);
            }
        }
        assertThat(figures).as("the balance showed the customer's figures").contains("090-****-0002");
        assertThat(everyTextInTheScene()).as("while the session lasts").anyMatch(t -> t.contains("090-****-0002"));

        kiosk.tap("done");
        Fx.waitUntil("the attract screen", () -> kiosk.runtime().view().state() instanceof State.Attract);
        kiosk.waitForScreen("attract");

        List<String> left = everyTextInTheScene();
        assertThat(left).as("texts on the attract screen").isNotEmpty();
        for (String secret : concat(figures, List.of(national, line.msisdn().orElseThrow().e164(), code))) {
            assertThat(left).as("nothing in the scene holds %s", secret).noneMatch(t -> t.contains(secret));
        }
        assertThat(left).as("no masked number").noneMatch(t -> t.contains("****"));
    }

    /** Every text any node of the whole scene holds: labels, buttons, shapes of text, fields, accessible texts. */
    private List<String> everyTextInTheScene() throws Exception {
        return Fx.call(() -> {
            List<String> out = new ArrayList<>();
            collect(kiosk.runtime().root().getScene().getRoot(), out);
            return out;
        });
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(LineBreaks.plain(l.getText()));
        }
        if (n instanceof Text t && t.getText() != null) {
            out.add(LineBreaks.plain(t.getText()));
        }
        if (n instanceof TextInputControl f && f.getText() != null) {
            out.add(f.getText());
        }
        if (n.getAccessibleText() != null) {
            out.add(n.getAccessibleText());
        }
        if (n.getUserData() instanceof String s) {
            out.add(s);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---------------------------------------------------------------- issue 17: the attract screen is kept

    /**
     * The shell keeps the attract screen across customers (issue 17) instead of building it after every session. A kept
     * screen must look exactly like a new one: the same texts in the same language, the same language marked current,
     * its clock going, no button left pressed, and nothing of the customer who just left. Each case compares the attract
     * screen on the kiosk with one a brand-new shell builds for the same language.
     */
    @Test
    void afterSessionsAndLanguageSwitchesTheAttractScreenIsTheOneANewKioskShows() throws Exception {
        kiosk = KioskDriver.open("attract-kept", PATIENT);
        // Each session a different line (the simulator limits how often one number is sent a code).
        var lines = kiosk.demo().lines();
        Node english = attractNode();
        assertLikeNew(Language.EN);

        // A session in the kiosk's language: the same screen comes back, as a new one would be.
        sessionByNumber(lines.auPrepaid(), null);
        assertThat(attractNode()).as("the attract screen is kept").isSameAs(english);
        assertLikeNew(Language.EN);

        // The next customer chooses Japanese on the attract screen; the attract screen after stays in Japanese.
        switchTo("lang-ja", Language.JA);
        Node japanese = attractNode();
        assertThat(japanese).isNotSameAs(english);
        assertLikeNew(Language.JA);
        sessionByNumber(lines.softbankPrepaid(), null);
        assertThat(attractNode()).isSameAs(japanese);
        assertLikeNew(Language.JA);

        // English again, then Japanese again: each kept screen marks its own language as the current one.
        switchTo("lang-en", Language.EN);
        assertThat(attractNode()).isSameAs(english);
        assertLikeNew(Language.EN);
        switchTo("lang-ja", Language.JA);
        assertThat(attractNode()).isSameAs(japanese);
        assertLikeNew(Language.JA);

        // A customer who starts in English and switches to Korean during the session.
        switchTo("lang-en", Language.EN);
        sessionByNumber(lines.iijMvno(), "lang-ko");
        assertLikeNew(Language.KO);
        switchTo("lang-en", Language.EN);
        assertThat(attractNode()).isSameAs(english);
        assertLikeNew(Language.EN);
    }

    private void switchTo(String button, Language language) throws Exception {
        kiosk.tap(button);
        Fx.waitUntil("the attract screen in " + language, () -> kiosk.runtime().view().language() == language);
        kiosk.waitForScreen("attract");
    }

    /** Number, the SMS code, the balance (switching language on the way if asked), Done: the attract screen. */
    private void sessionByNumber(DemoLine line, String languageOnTheWay) throws Exception {
        kiosk.tap("start-number");
        kiosk.waitForScreen("enterNumber");
        if (languageOnTheWay != null) {
            kiosk.tap(languageOnTheWay);
            Fx.waitUntil("another language", () -> kiosk.runtime().view().language() == Language.KO);
            kiosk.waitForScreen("enterNumber");
        }
        SmsOutbox outbox = kiosk.demo().simulator().smsOutbox();
        String to = line.msisdn().orElseThrow().e164();
        long before = outbox.countTo(to);
        kiosk.type("0" + to.substring(3));
        kiosk.tap("submit");
        kiosk.waitForScreen("enterCode");
        Fx.waitUntil("the SMS", () -> outbox.countTo(to) > before);
        kiosk.type(outbox.latestTo(to).orElseThrow().code());
        kiosk.tap("submit");
        kiosk.waitForScreen("balance");
        assertThat(kiosk.texts()).as("the balance shows the masked number").anyMatch(t -> t.contains("****"));
        kiosk.tap("done");
        Fx.waitUntil("the attract screen", () -> kiosk.runtime().view().state() instanceof State.Attract);
        kiosk.waitForScreen("attract");
    }

    private Node attractNode() throws Exception {
        return Fx.call(() -> kiosk.runtime().shell().surface().lookup("#screen-attract"));
    }

    /** The attract screen on the kiosk reads as the one a new shell shows in {@code language}, its clock going. */
    private void assertLikeNew(Language language) throws Exception {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        // The clock's label is set on the shell's one-second tick: it may still show the minute of a tick a moment ago.
        String before = hhmm.format(java.time.Instant.now().minus(TestTime.bound(Duration.ofSeconds(5)))
                .atZone(BalanceView.JST));
        List<String> shown = Fx.call(() -> describeAttract(kiosk.runtime().shell().surface().lookup("#screen-attract")));
        String clock = kiosk.text("attract-clock");
        String after = hhmm.format(java.time.Instant.now().atZone(BalanceView.JST));
        List<String> fresh = Fx.call(() -> {
            KioskShell shell = Fx.shell(Clock.systemUTC(), Theme.NORMAL);
            try {
                Fx.show(shell, new State.Attract(), language);
                return describeAttract(shell.surface().lookup("#screen-attract"));
            } finally {
                shell.close();
            }
        });
        assertThat(kiosk.runtime().view().language()).isEqualTo(language);
        assertThat(shown).as("the kept attract screen in %s against a new one", language).isEqualTo(fresh);
        assertThat(clock).as("its clock shows the time in Japan").isIn(before, after);
        assertThat(shown).as("no masked number").noneMatch(t -> t.contains("****"));
    }

    /** Every node in order: its type, id, style classes, pressed/armed state and text (the clock's time left out). */
    private static List<String> describeAttract(Node root) {
        List<String> out = new ArrayList<>();
        collectAttract(root, out);
        return out;
    }

    private static void collectAttract(Node n, List<String> out) {
        StringBuilder s = new StringBuilder(n.getClass().getSimpleName());
        s.append(" #").append(n.getId()).append(' ').append(n.getStyleClass());
        for (String state : List.of("pressed", "armed")) {
            if (n.getPseudoClassStates().contains(PseudoClass.getPseudoClass(state))) {
                s.append(" :").append(state);
            }
        }
        boolean clock = "attract-clock".equals(n.getId()) || "attract-date".equals(n.getId());
        if (!clock && n instanceof Labeled l) {
            s.append(" \"").append(LineBreaks.plain(l.getText())).append('"');
        }
        if (n instanceof Text t && !(n.getParent() instanceof Labeled)) {
            s.append(" \"").append(LineBreaks.plain(t.getText())).append('"');
        }
        if (n.getAccessibleText() != null) {
            s.append(" a11y \"").append(n.getAccessibleText()).append('"');
        }
        out.add(s.toString());
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectAttract(c, out);
            }
        }
    }
}
