package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.mock.serial.ModemDialect;
import com.simkiosk.mock.serial.PtyPair;
import com.simkiosk.mock.serial.SimulatedModem;
import com.simkiosk.mock.serial.SimulatedNetwork;
import com.simkiosk.mock.serial.SimulatedNetwork.Registration;
import com.simkiosk.mock.serial.SimulatedNetwork.SmsFault;
import com.simkiosk.mock.serial.SimulatedNetwork.SmsReply;
import com.simkiosk.mock.serial.SimulatedNetwork.UssdReply;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.testing.LogCapture;
import com.simkiosk.testing.TestTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./kiosk network-balance} as an operator runs it, against a simulated modem on a socat pseudo-terminal. */
class NetworkBalanceCommandTest {
    private static final Duration BOUND = TestTime.bound(Duration.ofSeconds(10));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JA_REPLY = "チャージ残高 3,000円 データ残量 2.5GB 有効期限 2026年12月31日";

    private final SimulatedNetwork network = new SimulatedNetwork();
    private PtyPair pty;
    private SimulatedModem modem;
    private final StringWriter out = new StringWriter();

    @AfterEach
    void close() {
        if (modem != null) {
            modem.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private int run(String... args) throws Exception {
        pty = PtyPair.open(BOUND);
        modem = SimulatedModem.start(JsscSerialLink.open(pty.b().toString(), 115200), ModemDialect.QUECTEL,
                new VirtualSim(VirtualSimSpec.uicc("8981100000000000019")), SimulatedModem.Options.PLAIN, network);
        String[] all = new String[args.length + 6];
        all[0] = "--serial";
        all[1] = pty.a().toString();
        all[2] = "--registration-timeout";
        all[3] = "2";
        all[4] = "--reply-timeout";
        all[5] = "2";
        System.arraycopy(args, 0, all, 6, args.length);
        return new CommandLine(new NetworkBalanceCommand()).setCaseInsensitiveEnumValuesAllowed(true).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(out, true)).execute(all);
    }

    private JsonNode json() throws Exception {
        return JSON.readTree(out.toString());
    }

    @Test
    void foreignSimAnswersUssdAndTheMoneyStaysAsWritten() throws Exception {
        network.registration(Registration.ROAMING, "SoftBank")
                .ussd("*100#", UssdReply.answer("Your balance is 12.50 EUR. Valid till 31/12/2026"));
        assertThat(run("--ussd", "*100#", "--json")).as(out::toString).isZero();
        JsonNode j = json();
        assertThat(j.path("source").asText()).isEqualTo("USSD");
        assertThat(j.path("operator").asText()).isEqualTo("SoftBank");
        assertThat(j.path("raw").asText()).isEqualTo("Your balance is 12.50 EUR. Valid till 31/12/2026");
        assertThat(j.path("currency").asText()).isEqualTo("EUR");
        assertThat(j.path("amount").asText()).isEqualTo("12.50");
        assertThat(j.path("expires").asText()).isEqualTo("2026-12-31");
        assertThat(j.has("yen")).isFalse();
        assertThat(j.has("dataBytes")).isFalse();
        assertThat(modem.radioOn()).isFalse();
    }

    @Test
    void japaneseSmsReplyInPartsReadAsYenDataAndDate() throws Exception {
        network.smsReply("残高", new SmsReply(JA_REPLY, 2));
        assertThat(run("--sms-to", "5555", "--sms-text", "残高", "--json")).as(out::toString).isZero();
        JsonNode j = json();
        assertThat(j.path("source").asText()).isEqualTo("SMS");
        assertThat(j.path("raw").asText()).isEqualTo(JA_REPLY);
        assertThat(j.path("yen").asLong()).isEqualTo(3000);
        assertThat(j.path("dataBytes").asLong()).isEqualTo(2_684_354_560L);
        assertThat(j.path("expires").asText()).isEqualTo("2026-12-31");
        assertThat(j.has("currency")).isFalse();
        assertThat(modem.storedMessages()).isZero();
    }

    @Test
    void sevenBitReplyInPartsJoinedInPduModeAndTextModeStillThere() throws Exception {
        String reply = "Your balance is 1,500 yen and 3 GB of data remaining. Valid until 31 Dec 2026. Thank you for "
                + "using our service {menu}. Reply HELP for more options or call 151.";
        network.smsReply("BALANCE", new SmsReply(reply, 2));
        assertThat(run("--sms-to", "5555", "--sms-text", "BALANCE", "--sms-mode", "pdu", "--json")).as(out::toString).isZero();
        assertThat(json().path("raw").asText()).isEqualTo(reply);
        assertThat(json().path("yen").asLong()).isEqualTo(1500);
        assertThat(modem.storedMessages()).isZero();
        assertThat(modem.smsSettings().get("CMGF")).isEqualTo("0"); // as the module had it
    }

    @Test
    void aPduThatCannotBeReadIsItsOwnError() throws Exception {
        network.smsReply("残高", new SmsReply(JA_REPLY, 1).with(SmsFault.TRUNCATED_PDU));
        assertThat(run("--sms-to", "5555", "--sms-text", "残高", "--json")).isEqualTo(1);
        assertThat(json().path("error").asText()).isEqualTo("UNREADABLE_REPLY");
        assertThat(modem.storedMessages()).isZero();
        assertThat(modem.radioOn()).isFalse();
    }

    @Test
    void virtualModemWithNetworkOptionsAnswersByHand(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("ttyModem");
        VirtualModemCommand command = new VirtualModemCommand();
        StringWriter modemOut = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(modemOut, true)).setErr(new PrintWriter(modemOut, true)).execute(
                        "--link", link.toString(), "--iccid", "8981100000000000019", "--dialect", "simcom",
                        "--registration", "roaming", "--operator", "Vodafone UK", "--registration-delay", "200",
                        "--ussd-menu", "*123#=1. Balance\\n2. Bundles", "--ussd-choice", "*123#/1=Main balance USD 4.20",
                        "--sms-reply", "残高=" + JA_REPLY, "--sms-parts", "2", "--sms-wide-reference")),
                "virtual-modem-under-test");
        runner.start();
        try {
            TestTime.awaitUntil(BOUND, () -> modemOut.toString().contains("Ctrl-C"), "the virtual modem to start");
            assertThat(modemOut.toString()).contains("roaming on Vodafone UK");
            CommandLine cli = new CommandLine(new NetworkBalanceCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                    .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true));
            assertThat(cli.execute("--serial", link.toString(), "--ussd", "*123#", "--template", "menu-balance-first", "--json"))
                    .as(out::toString).isZero();
            assertThat(json().path("operator").asText()).isEqualTo("Vodafone UK");
            assertThat(json().path("amount").asText()).isEqualTo("4.20");
            out.getBuffer().setLength(0);
            assertThat(cli.execute("--serial", link.toString(), "--sms-to", "5555", "--sms-text", "残高", "--json"))
                    .as(out::toString).isZero();
            assertThat(json().path("raw").asText()).isEqualTo(JA_REPLY);
        } finally {
            command.stop();
            runner.join(BOUND.toMillis());
        }
        assertThat(exit).hasValue(0);
    }

    @Test
    void ussdMenuAnsweredWithABuiltInTemplate() throws Exception {
        network.ussd("*123#", UssdReply.menu("1. Balance\n2. Bundles", Map.of("1", UssdReply.answer("Main balance USD 4.20"))));
        assertThat(run("--ussd", "*123#", "--template", "menu-balance-first", "--json")).as(out::toString).isZero();
        assertThat(json().path("amount").asText()).isEqualTo("4.20");
        assertThat(json().path("currency").asText()).isEqualTo("USD");
    }

    @Test
    void noCoverageIsTheUsualErrorJson() throws Exception {
        network.registration(Registration.NO_COVERAGE, "");
        assertThat(run("--ussd", "*100#", "--json")).isEqualTo(1);
        assertThat(json().path("error").asText()).isEqualTo("NO_COVERAGE");
        assertThat(json().path("message").asText()).isNotBlank();
        assertThat(modem.radioOn()).isFalse();
    }

    @Test
    void smsNeverAnsweredEndsAtTheBound() throws Exception {
        assertThat(run("--sms-to", "5555", "--sms-text", "BALANCE", "--json")).isEqualTo(1);
        assertThat(json().path("error").asText()).isEqualTo("REPLY_TIMEOUT");
        assertThat(modem.radioOn()).isFalse();
    }

    @Test
    void theReplyTheCodeAndTheNumberNeverReachTheLog() throws Exception {
        network.ussd("*100#", UssdReply.answer("残高は1,234円です")).smsReply("BALANCE", new SmsReply("Balance 777 yen", 1));
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk")) {
            assertThat(run("--ussd", "*100#", "--json")).isZero();
            modem.close();
            pty.close();
            assertThat(run("--sms-to", "5555", "--sms-text", "BALANCE")).isZero();
            // Without the pseudo-terminal's random directory name and socat's pid: their digits are not the customer's.
            String all = logs.textWithoutPtyNames();
            assertThat(all).doesNotContain("1,234").doesNotContain("777").doesNotContain("*100#").doesNotContain("5555")
                    .doesNotContain("BALANCE").doesNotContain("6B8B9AD8");
        }
        assertThat(out.toString()).contains("残高は1,234円です").contains("Balance 777 yen"); // shown to the operator
    }

    @Test
    void unknownTemplateIsInvalidInput() throws Exception {
        assertThat(run("--ussd", "*100#", "--template", "nope")).isEqualTo(2);
        assertThat(out.toString()).contains("no reply template named nope");
    }

    @Test
    void benchNetworkReportsMedianAndP99ForEachRoundTrip() throws Exception {
        StringWriter bench = new StringWriter();
        int exit = new CommandLine(new BenchNetworkCommand()).setCaseInsensitiveEnumValuesAllowed(true).setOut(new PrintWriter(bench, true)).setErr(new PrintWriter(bench, true))
                .execute("--iterations", "5", "--warmup", "1", "--json");
        assertThat(exit).as(bench::toString).isZero();
        JsonNode j = JSON.readTree(bench.toString());
        for (String k : new String[] {"ussdRoundTrip", "smsRoundTrip3Parts", "smsPduRoundTrip3Parts", "smsPdu7BitRoundTrip3Parts",
                "wholeUssdSession"}) {
            assertThat(j.path(k).path("n").asInt()).as(k).isEqualTo(5);
            assertThat(j.path(k).path("p99Ms").asDouble()).as(k).isGreaterThanOrEqualTo(j.path(k).path("medianMs").asDouble());
        }
        assertThat(j.path("pduOverTextMedianRatio").asDouble()).isPositive();
    }
}
