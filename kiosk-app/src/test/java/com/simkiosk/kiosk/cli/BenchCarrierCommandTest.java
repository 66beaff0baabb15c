package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark runs end to end and reports its figures; the figures themselves are not judged here. */
class BenchCarrierCommandTest {

    @Test
    void reportsMedianAndP99OfLookupPlusBalanceAndTheConcurrentErrorCount() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCarrierCommand());
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("--json", "--requests", "500", "--warmup", "0", "--clients", "3", "--lookups", "5");

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.at("/lookupPlusBalance/n").asInt()).isEqualTo(500);
        assertThat(result.at("/lookupPlusBalance/medianMs").asDouble()).isPositive();
        assertThat(result.at("/lookupPlusBalance/p99Ms").asDouble())
                .isGreaterThanOrEqualTo(result.at("/lookupPlusBalance/medianMs").asDouble());
        assertThat(result.at("/concurrent/n").asInt()).isEqualTo(15);
        assertThat(result.at("/concurrent/errors").asInt()).isZero();
    }

    @Test
    void refusesFewerThanFiveHundredRequests() {
        CommandLine cli = new CommandLine(new BenchCarrierCommand());
        cli.setErr(new PrintWriter(new StringWriter(), true));

        assertThat(cli.execute("--requests", "10")).isEqualTo(2);
    }
}
