package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench card --peer} through the real pcscd + vpcd with pyscard ({@code ./install --test} installs it): the
 * kiosk and both peers read the same card in turn, and a ratio only means something if the turns are fair. No figure
 * is held to a time.
 */
class CardBenchCommandTest {

    @Test
    void sideBySideEveryReadLeavesTheCardPoweredSoNoReadPaysAnothersPowerUp() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new CardBenchCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--peer", "--reads", "200", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode peer = new ObjectMapper().readTree(out.toString()).get("peer");
        assertThat(peer).as("the side-by-side part").isNotNull();
        assertThat(peer.get("apduCount").asInt()).as("the UICC's ICCID read").isEqualTo(3);
        // pyscard's connect() powers the card off at disconnect unless told otherwise; the read after it would then
        // pay a power-up inside its connect, and the ratio would compare unlike work.
        assertThat(peer.get("cardPoweredOffBetweenReads").asLong()).isZero();
        assertThat(peer.get("kiosk").get("n").asInt()).isEqualTo(200);
        for (String api : List.of("scard", "readers")) {
            JsonNode theirs = peer.get("peers").get(api);
            assertThat(theirs).as(api).isNotNull();
            assertThat(theirs.get("n").asInt()).as(api).isEqualTo(200);
            assertThat(theirs.get("medianMs").asDouble()).as(api).isPositive();
            assertThat(theirs.get("ratioMedian").asDouble()).as(api).isPositive();
        }
    }

    @Test
    void theTextReportSaysTheTurnsWereFair() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new CardBenchCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--peer", "--reads", "200");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("ratio kiosk/peer", "pyscard scard", "pyscard readers")
                .contains("every read left the card powered")
                .doesNotContain("NOT FAIR");
    }
}
