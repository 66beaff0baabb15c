package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.Endpoint;
import com.simkiosk.mock.carrier.Fault;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./kiosk offers} and {@code ./kiosk topup} against the carrier simulator on loopback, as an operator runs them. */
class OffersAndTopUpCommandsTest {
    static final String AU_SIM = "8981 3026 0530 0000 027";
    static final String SUSPENDED_SIM = "8981202503220000071";

    final ObjectMapper mapper = new ObjectMapper();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    CarrierSimulator simulator;

    @BeforeEach
    void start() throws Exception {
        simulator = CarrierSimulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    int run(Callable<Integer> command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    int offers(String... args) {
        return run(new OffersCommand().withInput(new StringReader(""), Map.of()), args);
    }

    int topUp(String... args) {
        return run(new TopUpCommand().withInput(new StringReader(""), Map.of()), args);
    }

    JsonNode json() throws Exception {
        return mapper.readTree(out.toString());
    }

    @Test
    void listsTheTopUpsOnSaleWithTheirPricesResolvedAsJson() throws Exception {
        int exit = offers("--backend", simulator.baseUri().toString(), "--iccid", AU_SIM, "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode offers = json().get("offers");
        assertThat(offers).hasSize(4); // the standard query asks for every top-up, not just this line's
        assertThat(offers.get(1).toString()).isEqualTo(
                "{\"id\":\"po-topup-1gb-30d\",\"name\":\"Data top-up 1GB (30 days)\",\"priceYen\":1200,"
                        + "\"dataBytes\":1000000000,\"validityDays\":30}");
    }

    @Test
    void aProfileFileNarrowsTheOffersToThoseOfTheLine(@TempDir Path dir) throws Exception {
        Path profile = Files.writeString(dir.resolve("profile.json"),
                "{\"offeringQuery\": \"category.name=topup&product.id={productId}\"}");

        int exit = offers("--backend", simulator.baseUri().toString(), "--iccid", AU_SIM, "--profile", profile.toString(),
                "--json");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(json().get("offers")).extracting(o -> o.get("id").asText())
                .containsExactly("po-topup-500mb-7d", "po-topup-1gb-30d", "po-topup-3gb-30d");
    }

    @Test
    void aBrokenProfileFileIsInvalidInputInOneLine(@TempDir Path dir) throws Exception {
        Path profile = Files.writeString(dir.resolve("profile.json"), "{\"usageQuery\": \"x={product}\"}");

        int exit = offers("--backend", simulator.baseUri().toString(), "--iccid", AU_SIM, "--profile", profile.toString(),
                "--json");

        assertThat(exit).isEqualTo(CarrierOptions.INVALID_INPUT);
        assertThat(json().get("error").asText()).isEqualTo("INVALID_INPUT");
        assertThat(json().get("message").asText())
                .isEqualTo("--profile usageQuery: unknown placeholder {product} (allowed: {fromDate}, {productId})");
    }

    @Test
    void printsReadableOffersWithoutJson() {
        int exit = offers("--backend", simulator.baseUri().toString(), "--iccid", AU_SIM);

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("po-topup-1gb-30d", "1,200 yen", "1.00 GB", "30 days", "Data top-up 1GB (30 days)");
    }

    @Test
    void ordersATopUpAndPrintsThePaymentCodeAndDeadlineInJapanTime() throws Exception {
        int exit = topUp("--backend", simulator.baseUri().toString(), "--iccid", AU_SIM, "--offer", "po-topup-1gb-30d",
                "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode topUp = json().get("topUp");
        assertThat(topUp.get("id").asText()).isNotBlank();
        assertThat(topUp.get("status").asText()).isEqualTo("completed");
        assertThat(topUp.at("/payment/amountYen").asLong()).isEqualTo(1200);
        assertThat(topUp.at("/payment/code").asText()).isNotBlank();
        assertThat(topUp.at("/payment/payBy").asText()).endsWith("+09:00");
        assertThat(simulator.topUpCount()).isEqualTo(1);
        // The code printed is the one the register takes.
        assertThat(simulator.confirmPayment(topUp.at("/payment/code").asText())).isTrue();
    }

    @Test
    void aLostAnswerToTheOrderStillBuysExactlyOnce() throws Exception {
        simulator.faults().inject(Endpoint.TOPUP, new Fault.ApplyThenDrop(), 1);

        int exit = topUp("--backend", simulator.baseUri().toString(), "--iccid", AU_SIM, "--offer", "po-topup-1gb-30d",
                "--json");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(json().at("/topUp/status").asText()).isEqualTo("completed");
        assertThat(simulator.topUpCount()).isEqualTo(1);
    }

    @Test
    void anOfferTheCarrierDoesNotSellIsNotFoundWithoutOrdering() throws Exception {
        int exit = topUp("--backend", simulator.baseUri().toString(), "--iccid", AU_SIM, "--offer", "po-free-data",
                "--json");

        assertThat(exit).isEqualTo(CarrierOptions.CARRIER_ERROR);
        assertThat(json().get("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(simulator.topUpCount()).isZero();
    }

    @Test
    void aSuspendedLineIsRefusedWithTheCarriersClassification() throws Exception {
        int exit = topUp("--backend", simulator.baseUri().toString(), "--iccid", SUSPENDED_SIM, "--offer",
                "po-topup-1gb-30d", "--json");

        assertThat(exit).isEqualTo(CarrierOptions.CARRIER_ERROR);
        assertThat(json().get("error").asText()).isEqualTo("NOT_SUPPORTED");
        assertThat(simulator.topUpCount()).isZero();
    }

    @Test
    void sharesTheInputRulesOfLookup() throws Exception {
        int exit = topUp("--backend", simulator.baseUri().toString(), "--client-secret", "s", "--iccid", AU_SIM,
                "--offer", "po-topup-1gb-30d", "--json");
        assertThat(exit).isEqualTo(CarrierOptions.INVALID_INPUT);
        assertThat(json().get("message").asText()).startsWith("--client-secret on the command line is visible");

        out.getBuffer().setLength(0);
        exit = offers("--backend", simulator.baseUri().toString(), "--iccid", "1234", "--json");
        assertThat(exit).isEqualTo(CarrierOptions.INVALID_INPUT);
        assertThat(json().get("message").asText()).startsWith("not an ICCID");

        out.getBuffer().setLength(0);
        exit = offers("--backend", "http://carrier.example", "--iccid", AU_SIM, "--json");
        assertThat(exit).isEqualTo(CarrierOptions.INVALID_INPUT);
        assertThat(json().get("message").asText()).startsWith("--backend plain http is only allowed to this machine");
    }

    @Test
    void wrongCredentialsAreUnauthorized() throws Exception {
        int exit = run(new OffersCommand().withInput(new StringReader(""), Map.of(CarrierOptions.SECRET_VARIABLE, "nope")),
                "--backend", simulator.baseUri().toString(), "--iccid", AU_SIM, "--json");

        assertThat(exit).isEqualTo(CarrierOptions.CARRIER_ERROR);
        assertThat(json().get("error").asText()).isEqualTo("UNAUTHORIZED");
    }
}
