package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.aka.Sqn;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.pcsc.PcscdExtension;
import com.simkiosk.mock.sim.UsimKeys;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.mock.vpcd.VpcdBridge;
import com.simkiosk.testing.TestTime;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code ./kiosk sim-auth} through the real parts: javax.smartcardio → our own pcscd → vpcd → the virtual USIM,
 * and the carrier simulator's BSF on loopback, as an operator runs it against the demo tourist line's SIM.
 */
@ExtendWith(PcscdExtension.class)
class SimAuthCommandTest {
    private static final String SLOT0 = "Virtual PCD 00 00";
    private static final Duration CARD_SEEN = Duration.ofSeconds(5);
    /** A forged card: the line's ICCID and IMSI copied, but not its K, which never leaves a genuine SIM. */
    private static final UsimKeys FORGED = new UsimKeys("00112233445566778899AABBCCDDEEFF", UsimKeys.DEMO.opc(), Sqn.of(0, 0));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VpcdBridge slot0 = new VpcdBridge(0);
    private CarrierSimulator carrier;
    private DemoLine tourist;

    @BeforeEach
    void startCarrier() throws Exception {
        carrier = CarrierSimulator.start();
        tourist = carrier.demoLines().touristData();
    }

    @AfterEach
    void pullTheCard() throws Exception {
        slot0.close();
        carrier.close();
        try (PcscSimReader reader = new PcscSimReader()) {
            TestTime.awaitUntil(CARD_SEEN, () -> reader.readers().stream().noneMatch(ReaderInfo::cardPresent), "card gone");
        }
    }

    private void insert(VirtualSimSpec spec) {
        slot0.insert(new VirtualSim(spec));
        try (PcscSimReader reader = new PcscSimReader()) {
            TestTime.awaitUntil(CARD_SEEN, () -> reader.readers().contains(new ReaderInfo(SLOT0, true)), "card present in " + SLOT0);
        }
    }

    private VirtualSimSpec touristSim() {
        return VirtualSimSpec.uicc(tourist.iccid().digits()).withImsi(tourist.imsi().orElseThrow());
    }

    private record Run(int exit, String out) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = CliFailures.install(new CommandLine(new SimAuthCommand(new StringReader(""))));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute(args);
        return new Run(exit, out.toString());
    }

    private Run runJson() {
        return run("--bsf", carrier.bsfUri().toString(), "--reader", SLOT0, "--timeout", "5", "--json");
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theGenuineTouristSimIsConfirmedWithABtid() throws Exception {
        insert(touristSim());
        Run run = runJson();
        assertThat(run.exit()).as(run.out()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("iccid").asText()).isEqualTo(tourist.iccid().digits());
        assertThat(json.get("result").asText()).isEqualTo("OK");
        assertThat(json.get("btid").asText()).endsWith("@127.0.0.1");
    }

    @Test
    void aForgedCardWithTheLinesIccidAndImsiIsAMacFailureWithoutBtid() throws Exception {
        insert(touristSim().withUsimKeys(FORGED));
        Run run = runJson();
        assertThat(run.exit()).isEqualTo(SimAuthCommand.MAC_FAILURE);
        JsonNode json = run.json();
        assertThat(json.get("iccid").asText()).isEqualTo(tourist.iccid().digits());
        assertThat(json.get("result").asText()).isEqualTo("MAC_FAILURE");
        assertThat(json.get("btid").isNull()).isTrue();
    }

    @Test
    void aCardWhoseSqnIsAheadOfTheBsfIsResynchronisedAndConfirmed() throws Exception {
        insert(touristSim().withUsimKeys(UsimKeys.DEMO.withLastAccepted(Sqn.of(5000, 4))));
        Run run = runJson();
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.json().get("result").asText()).isEqualTo("RESYNCHRONISED");
        assertThat(run.json().get("btid").asText()).endsWith("@127.0.0.1");
    }

    @Test
    void a2gSimIsNotSupported() throws Exception {
        insert(VirtualSimSpec.sim2g("8944200000000000007"));
        Run run = runJson();
        assertThat(run.exit()).isEqualTo(SimAuthCommand.NOT_SUPPORTED);
        JsonNode json = run.json();
        assertThat(json.get("iccid").asText()).isEqualTo("8944200000000000007");
        assertThat(json.get("result").asText()).isEqualTo("NOT_SUPPORTED");
        assertThat(json.get("imsiMasked").isNull()).isTrue();
        assertThat(json.get("btid").isNull()).isTrue();
    }

    @Test
    void theJsonHasTheIssuesShapeAndNoImsiDigitsBeyondTheCountry() throws Exception {
        insert(touristSim());
        Run run = runJson();
        JsonNode json = run.json();
        assertThat(keys(json)).containsExactly("iccid", "imsiMasked", "result", "btid", "timing");
        assertThat(keys(json.get("timing"))).containsExactly("readMs", "authenticateMs", "bsfMs", "totalMs");
        json.get("timing").forEach(ms -> assertThat(ms.isNumber() && ms.asDouble() >= 0).as(ms.toString()).isTrue());
        String imsi = tourist.imsi().orElseThrow().digits();
        assertThat(json.get("imsiMasked").asText()).isEqualTo(imsi.substring(0, 3) + "******");
        String withoutIccid = run.out().replace(tourist.iccid().digits(), "");
        for (int i = 3; i + 5 <= imsi.length(); i++) {
            assertThat(withoutIccid).as("IMSI digits %d..%d", i, i + 5).doesNotContain(imsi.substring(i, i + 5));
        }
    }

    @Test
    void withoutJsonEachFactIsOneShortLineAndAPinEnabledSimNeedsItsPin() throws Exception {
        insert(touristSim().withPin("2468", 3));
        Run noPin = run("--bsf", carrier.bsfUri().toString(), "--reader", SLOT0, "--timeout", "5", "--json");
        assertThat(noPin.exit()).isEqualTo(1);
        assertThat(keys(noPin.json())).containsExactly("error", "message");
        assertThat(noPin.json().get("error").asText()).isEqualTo("PIN_NOT_VERIFIED");

        StringWriter out = new StringWriter();
        CommandLine cli = CliFailures.install(new CommandLine(new SimAuthCommand(new StringReader("2468\n"))));
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("--bsf", carrier.bsfUri().toString(), "--reader", SLOT0, "--timeout", "5", "--pin-file", "-");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString().lines()).startsWith("ICCID:    " + tourist.iccid().digits(), "IMSI:     440******",
                "Result:   OK").anyMatch(l -> l.startsWith("B-TID:    ")).anyMatch(l -> l.startsWith("Total:    "));
    }

    @Test
    void aPlainHttpBsfOnAnotherMachineIsRefusedBeforeTheCardIsAsked() throws Exception {
        Run run = run("--bsf", "http://bsf.example.net/bootstrap", "--json");
        assertThat(run.exit()).isEqualTo(CliFailures.INVALID_INPUT);
        assertThat(run.json().get("error").asText()).isEqualTo("INVALID_INPUT");
    }
}
