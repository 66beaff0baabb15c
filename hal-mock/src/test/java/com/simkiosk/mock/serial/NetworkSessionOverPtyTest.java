package com.simkiosk.mock.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.simkiosk.card.network.NetworkError;
import com.simkiosk.card.network.NetworkException;
import com.simkiosk.card.network.NetworkReply;
import com.simkiosk.card.network.NetworkQuery;
import com.simkiosk.card.network.NetworkSession;
import com.simkiosk.card.serial.AtModemSimReader;
import com.simkiosk.card.network.NetworkSession.SmsMode;
import com.simkiosk.card.network.UrcInbox;
import com.simkiosk.card.network.UssdMenu;
import com.simkiosk.card.serial.AtEngine;
import com.simkiosk.mock.serial.SimulatedNetwork.Registration;
import com.simkiosk.mock.serial.SimulatedNetwork.SmsFault;
import com.simkiosk.mock.serial.SimulatedNetwork.SmsReply;
import com.simkiosk.mock.serial.SimulatedNetwork.UssdReply;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.testing.LogCapture;
import com.simkiosk.testing.TestTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Balance questions over the SIM's own network, through real pseudo-terminals (socat), jssc on both ends. */
class NetworkSessionOverPtyTest {
    private static final Duration BOUND = TestTime.bound(Duration.ofSeconds(5));
    private static final NetworkSession.Settings QUICK = new NetworkSession.Settings(TestTime.bound(Duration.ofSeconds(1)),
            TestTime.bound(Duration.ofSeconds(2)), TestTime.bound(Duration.ofMillis(1500)),
            TestTime.bound(Duration.ofMillis(1500)), Duration.ofMillis(40));
    private static final String JA_REPLY = "【残高のお知らせ】チャージ残高は1,234円、データ残量は2.5GBです。有効期限は2026年12月31日です。"
            + "ご利用ありがとうございます。";

    private final Deque<AutoCloseable> opened = new ArrayDeque<>(); // last opened first closed
    private final SimulatedNetwork network = new SimulatedNetwork();
    private SimulatedModem modem;
    private Map<String, String> settingsBefore;

    @AfterEach
    void closeEverything() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }

    private <T extends AutoCloseable> T own(T thing) {
        opened.push(thing);
        return thing;
    }

    /** A modem of {@code dialect} on a pty pair, and the client's end opened as the kiosk opens it. */
    private NetworkSession session(ModemDialect dialect) throws Exception {
        return session(dialect, QUICK);
    }

    private NetworkSession session(ModemDialect dialect, NetworkSession.Settings settings) throws Exception {
        PtyPair pty = own(PtyPair.open(BOUND));
        modem = own(SimulatedModem.start(JsscSerialLink.open(pty.b().toString(), 115200), dialect,
                new VirtualSim(VirtualSimSpec.uicc("8981100000000000019")), SimulatedModem.Options.PLAIN, network));
        modem.preloadMessage("customer's own message");
        settingsBefore = modem.smsSettings();
        UrcInbox inbox = new UrcInbox();
        AtEngine at = own(new AtEngine(JsscSerialLink.open(pty.a().toString(), 115200), inbox));
        at.send("ATE0", settings.command());
        return NetworkSession.open(at, inbox, settings, Clock.systemUTC());
    }

    private NetworkException failureOpening(ModemDialect dialect) {
        return catchThrowableOfType(() -> session(dialect), NetworkException.class);
    }

    /** What a customer's SIM must look like after any balance question. */
    private void simLeftAsItWas() {
        assertThat(modem.radioOn()).as("radio off").isFalse();
        assertThat(modem.ussdOpen()).as("USSD dialogue closed").isFalse();
        assertThat(modem.storedMessages()).as("only the customer's own SMS left").isEqualTo(1);
        assertThat(modem.smsSettings()).as("settings put back").isEqualTo(settingsBefore);
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void roamingSimAnswersUssdInGsm7(ModemDialect dialect) throws Exception {
        network.registration(Registration.ROAMING, "KDDI").ussd("*100#", UssdReply.answer("Your balance is 12.50 EUR. Valid till 31/12/2026"));
        NetworkReply reply;
        try (NetworkSession s = session(dialect)) {
            assertThat(s.roaming()).isTrue();
            reply = s.ussd("*100#", UssdMenu.NONE);
        }
        assertThat(reply.source()).isEqualTo(NetworkReply.Source.USSD);
        assertThat(reply.operator()).isEqualTo("KDDI");
        assertThat(reply.text()).isEqualTo("Your balance is 12.50 EUR. Valid till 31/12/2026");
        simLeftAsItWas();
    }

    /** The serving network's MCC-MNC from {@code AT+COPS=3,2}, the name still the modem's own, the format put back. */
    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void servingNetworkCodeIsLearnedWhileRegisteringAndTheFormatPutBack(ModemDialect dialect) throws Exception {
        network.registration(Registration.ROAMING, "Vodafone UK").mccMnc("23415");
        try (NetworkSession s = session(dialect)) {
            assertThat(s.mccMnc()).contains("23415");
            assertThat(s.operator()).isEqualTo("Vodafone UK");
            assertThat(modem.smsSettings()).as("operator format put back at once").isEqualTo(settingsBefore);
        }
        simLeftAsItWas();
    }

    /** The reader chooses the question once registered: a row for this network's MCC-MNC, else the general one. */
    @ParameterizedTest
    @ValueSource(strings = {"23415", "20801"})
    void theReaderChoosesTheQuestionByTheNetworkItRegisteredOn(String servingNetwork) throws Exception {
        network.registration(Registration.ROAMING, "Roaming partner").mccMnc(servingNetwork)
                .ussd("*100#", UssdReply.answer("general row")).ussd("*135#", UssdReply.answer("row for 23415"));
        PtyPair pty = own(PtyPair.open(BOUND));
        modem = own(SimulatedModem.start(JsscSerialLink.open(pty.b().toString(), 115200), ModemDialect.QUECTEL,
                new VirtualSim(VirtualSimSpec.uicc("8944100000000000013")), SimulatedModem.Options.PLAIN, network));
        modem.preloadMessage("customer's own message");
        settingsBefore = modem.smsSettings();
        AtModemSimReader reader = own(AtModemSimReader.open(pty.a().toString(), 115200));
        List<Optional<String>> offered = new ArrayList<>();
        NetworkReply reply = reader.askNetworkChoosing("AT modem " + pty.a(), m -> {
            offered.add(m);
            return new NetworkQuery.Ussd(m.filter("23415"::equals).isPresent() ? "*135#" : "*100#", UssdMenu.NONE);
        }, QUICK, Clock.systemUTC());
        assertThat(offered).containsExactly(Optional.of(servingNetwork));
        assertThat(reply.text()).isEqualTo(servingNetwork.equals("23415") ? "row for 23415" : "general row");
        simLeftAsItWas();
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void ussdInUcs2JapaneseAndChinese(ModemDialect dialect) throws Exception {
        network.ussd("*100#", UssdReply.answer(JA_REPLY)).ussd("*101#", UssdReply.answer("您的余额为50.00元，有效期至2026年12月31日"));
        try (NetworkSession s = session(dialect)) {
            assertThat(s.roaming()).isFalse();
            assertThat(s.ussd("*100#", UssdMenu.NONE).text()).isEqualTo(JA_REPLY);
            assertThat(s.ussd("*101#", UssdMenu.NONE).text()).isEqualTo("您的余额为50.00元，有效期至2026年12月31日");
        }
        simLeftAsItWas();
    }

    @Test
    void ussdMenuAnsweredAsTheTemplateSays() throws Exception {
        network.ussd("*123#", UssdReply.menu("1. 残高照会\n2. データ\n3. その他", Map.of(
                "1", UssdReply.menu("1. 円残高\n2. ポイント", Map.of("1", UssdReply.answer("残高は980円です"))))));
        UssdMenu menu = new UssdMenu(List.of(new UssdMenu.Step(Pattern.compile("1\\. 残高"), "1"),
                new UssdMenu.Step(Pattern.compile("1\\. 円残高"), "1")));
        try (NetworkSession s = session(ModemDialect.QUECTEL)) {
            assertThat(s.ussd("*123#", menu).text()).isEqualTo("残高は980円です");
        }
        simLeftAsItWas();
    }

    @Test
    void menuNoTemplateStepMatchesIsShownAndTheDialogueClosed() throws Exception {
        network.ussd("*123#", UssdReply.menu("1. Balance\n2. Bundles", Map.of()));
        try (NetworkSession s = session(ModemDialect.SIMCOM)) {
            assertThat(s.ussd("*123#", UssdMenu.NONE).text()).isEqualTo("1. Balance\n2. Bundles");
            assertThat(modem.ussdOpen()).isTrue();
        }
        simLeftAsItWas(); // closed with AT+CUSD=2
    }

    @Test
    void ussdThatNeverAnswersEndsAtTheBound() throws Exception {
        network.ussd("*100#", UssdReply.silence());
        NetworkSession s = session(ModemDialect.UBLOX);
        try (s) {
            NetworkException e = catchThrowableOfType(() -> s.ussd("*100#", UssdMenu.NONE), NetworkException.class);
            assertThat(e.error()).isEqualTo(NetworkError.REPLY_TIMEOUT);
        }
        simLeftAsItWas();
    }

    /**
     * The customer cancels while the kiosk waits for the USSD answer: the flow interrupts the asking thread. The
     * question stops long before its reply bound (a minute here), and the clean-up still runs in full.
     */
    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void interruptedWhileWaitingForUssdStillLeavesTheModemAsFound(ModemDialect dialect) throws Exception {
        network.ussd("*100#", UssdReply.silence());
        NetworkSession.Settings patient = new NetworkSession.Settings(QUICK.command(), QUICK.radioOn(),
                QUICK.registration(), Duration.ofMinutes(1), QUICK.poll());
        NetworkSession s = session(dialect, patient);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread asking = new Thread(() -> {
            try (s) {
                s.ussd("*100#", UssdMenu.NONE);
            } catch (Throwable t) {
                failure.set(t);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        }, "asking");
        asking.start();
        TestTime.awaitUntil(BOUND, modem::ussdOpen, "the USSD question reached the network");
        asking.interrupt();
        TestTime.awaitUntil(BOUND, () -> !asking.isAlive(), "the question stopped when interrupted");

        assertThat(failure.get()).isInstanceOf(NetworkException.class);
        assertThat(((NetworkException) failure.get()).error()).isEqualTo(NetworkError.REPLY_TIMEOUT);
        assertThat(stillInterrupted).as("the interrupt is kept for the caller").isTrue();
        List<String> controls = modem.networkControls();
        assertThat(controls).as("dialogue closed, then radio off").containsSubsequence("AT+CUSD=2", "AT+CFUN=4");
        assertThat(controls.get(controls.size() - 1)).isEqualTo("AT+CFUN=4");
        simLeftAsItWas();
    }

    /** The same while an SMS reply is awaited: settings put back and radio off although the thread was interrupted. */
    @Test
    void interruptedWhileWaitingForSmsStillLeavesTheModemAsFound() throws Exception {
        // no reply configured for this keyword: the carrier never answers
        NetworkSession.Settings patient = new NetworkSession.Settings(QUICK.command(), QUICK.radioOn(),
                QUICK.registration(), Duration.ofMinutes(1), QUICK.poll());
        NetworkSession s = session(ModemDialect.QUECTEL, patient);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread asking = new Thread(() -> {
            try (s) {
                s.sms("7777", "ZANDAKA", SmsMode.TEXT);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "asking");
        asking.start();
        TestTime.awaitUntil(BOUND, () -> modem.networkControls().contains("AT+CMGS"), "the SMS question was sent");
        assertThat(modem.smsSettings()).isNotEqualTo(settingsBefore);
        asking.interrupt();
        TestTime.awaitUntil(BOUND, () -> !asking.isAlive(), "the question stopped when interrupted");

        assertThat(failure.get()).isInstanceOf(NetworkException.class);
        assertThat(((NetworkException) failure.get()).error()).isEqualTo(NetworkError.REPLY_TIMEOUT);
        assertThat(modem.networkControls()).endsWith("AT+CFUN=4");
        simLeftAsItWas();
    }

    @Test
    void ussdEndedByTheNetwork() throws Exception {
        network.ussd("*100#", UssdReply.endedByNetwork());
        try (NetworkSession s = session(ModemDialect.QUECTEL)) {
            NetworkException e = catchThrowableOfType(() -> s.ussd("*100#", UssdMenu.NONE), NetworkException.class);
            assertThat(e.error()).isEqualTo(NetworkError.SESSION_ENDED);
            NetworkException unknown = catchThrowableOfType(() -> s.ussd("*999#", UssdMenu.NONE), NetworkException.class);
            assertThat(unknown.error()).isEqualTo(NetworkError.SESSION_ENDED);
        }
        simLeftAsItWas();
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void noCoverage(ModemDialect dialect) {
        network.registration(Registration.NO_COVERAGE, "");
        assertThat(failureOpening(dialect).error()).isEqualTo(NetworkError.NO_COVERAGE);
        simLeftAsItWas();
    }

    @Test
    void registrationDenied() {
        network.registration(Registration.DENIED, "");
        assertThat(failureOpening(ModemDialect.QUECTEL).error()).isEqualTo(NetworkError.REGISTRATION_DENIED);
        simLeftAsItWas();
    }

    @Test
    void stillSearchingAtTheBound() {
        network.registration(Registration.SEARCHING, "");
        NetworkException e = failureOpening(ModemDialect.SIMCOM);
        assertThat(e.error()).isEqualTo(NetworkError.REGISTRATION_TIMEOUT);
        simLeftAsItWas();
    }

    @Test
    void waitsForASlowRegistration() throws Exception {
        network.registrationDelay(Duration.ofMillis(300)).ussd("*100#", UssdReply.answer("Balance 5 USD"));
        try (NetworkSession s = session(ModemDialect.QUECTEL)) {
            assertThat(s.ussd("*100#", UssdMenu.NONE).text()).isEqualTo("Balance 5 USD");
        }
        simLeftAsItWas();
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void smsReplyInThreeUcs2PartsIsJoinedAndDeletedInTextMode(ModemDialect dialect) throws Exception {
        network.replyDelay(Duration.ofMillis(100)).smsReply("残高", new SmsReply(JA_REPLY, 3));
        NetworkReply reply;
        try (NetworkSession s = session(dialect)) {
            reply = s.sms("5555", "残高", SmsMode.TEXT);
        }
        assertThat(reply.source()).isEqualTo(NetworkReply.Source.SMS);
        assertThat(reply.text()).isEqualTo(JA_REPLY);
        simLeftAsItWas();
    }

    @Test
    void smsAsciiKeywordAndSingleReply() throws Exception {
        network.smsReply("BALANCE", new SmsReply("Balance 1500 yen, data remaining 3GB", 1));
        try (NetworkSession s = session(ModemDialect.QUECTEL)) {
            assertThat(s.sms("5555", "BALANCE").text()).isEqualTo("Balance 1500 yen, data remaining 3GB");
        }
        simLeftAsItWas();
    }

    @Test
    void smsThatNeverAnswersEndsAtTheBoundWithTheSimLeftAsItWas() throws Exception {
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk")) {
            NetworkSession s = session(ModemDialect.QUECTEL);
            try (s) {
                NetworkException e = catchThrowableOfType(() -> s.sms("5555", "NOBODY"), NetworkException.class);
                assertThat(e.error()).isEqualTo(NetworkError.REPLY_TIMEOUT);
            }
            assertThat(logs.textWithoutPtyNames()).doesNotContain("5555").doesNotContain("NOBODY");
        }
        simLeftAsItWas();
    }

    @Test
    void logsNeverCarryTheCodeOrTheReply() throws Exception {
        network.ussd("*100#", UssdReply.answer("残高は1,234円です")).smsReply("残高", new SmsReply("残高は777円です", 1));
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk")) {
            try (NetworkSession s = session(ModemDialect.QUECTEL)) {
                s.ussd("*100#", UssdMenu.NONE);
                s.sms("5555", "残高");
            }
            String all = logs.textWithoutPtyNames();
            assertThat(all).contains("USSD answered").contains("SMS reply received");
            assertThat(all).doesNotContain("*100#").doesNotContain("1,234").doesNotContain("777").doesNotContain("5555")
                    .doesNotContain("6B8B9AD8"); // 残高 in UCS2 hex
        }
    }

    private static final String EN_LONG = "Dear customer, your main balance is 12.50 EUR {bonus 2.00 EUR} and you have 1.5 GB "
            + "of data [roaming zone 1] left. Your plan is valid until 31/12/2026. Top up with *101*code# or visit our "
            + "shops. Reply HELP for help ~ thank you for choosing us!";

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void pduModeJoinsA7BitReplyInThreePartsByItsHeader(ModemDialect dialect) throws Exception {
        network.replyDelay(Duration.ofMillis(100)).smsReply("BALANCE", new SmsReply(EN_LONG, 3));
        NetworkReply reply;
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk.card.network")) {
            try (NetworkSession s = session(dialect)) {
                reply = s.sms("5555", "BALANCE"); // AUTO: PDU mode
            }
            assertThat(logs.messages()).anyMatch(m -> m.contains("PDU mode"));
        }
        assertThat(reply.text()).isEqualTo(EN_LONG);
        simLeftAsItWas();
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void textModeJoinsA7BitReplyFromItsUserDataOctets(ModemDialect dialect) throws Exception {
        network.smsReply("BALANCE", new SmsReply(EN_LONG, 3));
        NetworkReply reply;
        try (NetworkSession s = session(dialect)) {
            reply = s.sms("5555", "BALANCE", SmsMode.TEXT);
        }
        assertThat(reply.text()).isEqualTo(EN_LONG);
        simLeftAsItWas();
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void pduModeJoinsJapaneseUcs2PartsWithA16BitReference(ModemDialect dialect) throws Exception {
        network.replyDelay(Duration.ofMillis(100)).smsReply("残高", new SmsReply(JA_REPLY, 3).withWideReference());
        NetworkReply reply;
        try (NetworkSession s = session(dialect)) {
            reply = s.sms("5555", "残高", SmsMode.PDU);
        }
        assertThat(reply.text()).isEqualTo(JA_REPLY);
        simLeftAsItWas();
    }

    @ParameterizedTest
    @EnumSource(SmsMode.class)
    void repliesRoutedStraightToTheTerminalAreReadFromCmt(SmsMode mode) throws Exception {
        network.directDelivery(true).smsReply("残高", new SmsReply(JA_REPLY, 2));
        try (NetworkSession s = session(ModemDialect.QUECTEL)) {
            assertThat(s.sms("5555", "残高", mode).text()).isEqualTo(JA_REPLY);
        }
        simLeftAsItWas();
    }

    @Test
    void aModuleWithoutTextModeIsAskedInPduModeAndForcingTextIsRefused() throws Exception {
        network.textModeRefused(true).smsReply("BALANCE", new SmsReply("Balance 1500 yen", 1));
        try (NetworkSession s = session(ModemDialect.SIMCOM)) {
            NetworkException e = catchThrowableOfType(() -> s.sms("5555", "BALANCE", SmsMode.TEXT), NetworkException.class);
            assertThat(e.error()).isEqualTo(NetworkError.REFUSED);
            assertThat(s.sms("5555", "BALANCE").text()).isEqualTo("Balance 1500 yen");
        }
        simLeftAsItWas();
    }

    @Test
    void aModuleWithoutPduModeIsAskedInTextMode() throws Exception {
        network.pduModeRefused(true).smsReply("BALANCE", new SmsReply("Balance 1500 yen", 1));
        try (NetworkSession s = session(ModemDialect.UBLOX)) {
            assertThat(s.sms("5555", "BALANCE").text()).isEqualTo("Balance 1500 yen");
        }
        simLeftAsItWas();
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void aPduCutShortIsAnUnreadableReplyAndStillDeleted(ModemDialect dialect) throws Exception {
        network.smsReply("残高", new SmsReply(JA_REPLY, 1).with(SmsFault.TRUNCATED_PDU));
        NetworkSession s = session(dialect);
        try (s) {
            NetworkException e = catchThrowableOfType(() -> s.sms("5555", "残高"), NetworkException.class);
            assertThat(e.error()).isEqualTo(NetworkError.UNREADABLE_REPLY);
            assertThat(e.getMessage()).doesNotContain("残高");
        }
        simLeftAsItWas();
    }

    @Test
    void textWhereAPduWasExpectedIsShownAsTheCarrierWroteIt() throws Exception {
        network.smsReply("BALANCE", new SmsReply("Balance 1500 yen", 1).with(SmsFault.TEXT_IN_PDU_MODE));
        try (NetworkSession s = session(ModemDialect.QUECTEL)) {
            assertThat(s.sms("5555", "BALANCE", SmsMode.PDU).text()).isEqualTo("Balance 1500 yen");
        }
        simLeftAsItWas();
    }
}
