package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.testing.standard.StandardCarrier;
import com.simkiosk.testing.standard.StandardFixture;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./kiosk lookup}, {@code offers} and {@code topup} against the independent test carrier (written from the
 * official TM Forum and CAMARA documents only, not from the project's simulator), with the standard profile: what an
 * operator sees when the kiosk is pointed at a carrier that follows the standards.
 */
class CommandsAgainstStandardCarrierTest {
    final ObjectMapper mapper = new ObjectMapper();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    StandardCarrier carrier;
    Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        carrier = StandardFixture.builder(Clock.systemUTC()).build();
        env = Map.of(CarrierOptions.SECRET_VARIABLE, carrier.clientSecret());
    }

    @AfterEach
    void stop() {
        carrier.close();
    }

    int run(Callable<Integer> command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 4];
        all[0] = "--backend";
        all[1] = carrier.baseUri().toString();
        all[2] = "--client-id";
        all[3] = carrier.clientId();
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.execute(all);
    }

    JsonNode json() throws Exception {
        return mapper.readTree(out.toString());
    }

    @Test
    void lookupFindsAStandardProductWithoutTheProjectsExtensions() throws Exception {
        int exit = run(new LookupCommand(new StringReader(""), env), "--iccid", StandardFixture.VOICE_ICCID, "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode line = json().get("line");
        assertThat(line.get("id").asText()).isEqualTo(StandardFixture.VOICE_PRODUCT);
        assertThat(line.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(line.get("plan").asText()).isEqualTo(StandardFixture.VOICE_PLAN);
        // 2.5 GB + 300 MB active; the expired 1 GB bucket is not counted.
        assertThat(json().get("balance").get("dataBytes").asLong()).isEqualTo(2_800_000_000L);
        assertThat(out.toString()).doesNotContain("BAD_RESPONSE");
    }

    @Test
    void offersResolveTheStandardPriceReferences() throws Exception {
        int exit = run(new OffersCommand().withInput(new StringReader(""), env), "--iccid", StandardFixture.VOICE_ICCID,
                "--json");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(json().get("offers")).extracting(o -> o.get("id").asText() + "=" + o.get("priceYen").asLong())
                .contains(StandardFixture.TOPUP_1GB + "=" + StandardFixture.TOPUP_1GB_YEN,
                        StandardFixture.TOPUP_500MB + "=" + StandardFixture.TOPUP_500MB_YEN);
    }

    @Test
    void topUpPlacesOneStandardOrderAndPrintsWhatToPayAtTheRegister() throws Exception {
        int exit = run(new TopUpCommand().withInput(new StringReader(""), env), "--iccid", StandardFixture.VOICE_ICCID,
                "--offer", StandardFixture.TOPUP_1GB, "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode topUp = json().get("topUp");
        assertThat(topUp.get("status").asText()).isEqualTo("completed");
        assertThat(topUp.get("payment").get("amountYen").asLong()).isEqualTo(StandardFixture.TOPUP_1GB_YEN);
        assertThat(topUp.get("payment").get("code").asText()).isNotBlank();
        assertThat(carrier.topUpsApplied()).isEqualTo(1);
    }
}
