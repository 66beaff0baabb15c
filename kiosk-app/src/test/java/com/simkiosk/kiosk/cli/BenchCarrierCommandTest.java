package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
    void withPeerPrintsTheKiosksFiguresThePeersAndTheirRatio() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCarrierCommand());
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("--peer", "--requests", "500", "--warmup", "5", "--clients", "1", "--lookups", "1");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .containsPattern("lookup \\+ balance, 500 pairs one after another: median [0-9.]+ ms, p99 [0-9.]+ ms")
                .containsPattern("peer \\(Python http.client keep-alive\\), 500 pairs: median [0-9.]+ ms, p99 [0-9.]+ ms")
                .containsPattern("kiosk / peer: median [0-9.]+, p99 [0-9.]+");
    }

    @Test
    void withPeerAsJsonGivesBothMediansAndTheRatioOfThem() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCarrierCommand());
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("--json", "--peer", "--requests", "500", "--warmup", "0", "--clients", "1", "--lookups", "1");

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString());
        double kiosk = result.at("/lookupPlusBalance/medianMs").asDouble();
        double peer = result.at("/peer/medianMs").asDouble();
        assertThat(result.at("/peer/n").asInt()).isEqualTo(500);
        assertThat(peer).isPositive();
        assertThat(result.at("/peer/p99Ms").asDouble()).isGreaterThanOrEqualTo(peer);
        assertThat(result.at("/kioskOverPeer/median").asDouble()).isCloseTo(kiosk / peer, within(0.01));
    }

    @Test
    void noClientsLeavesOutTheConcurrentPart() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCarrierCommand());
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("--json", "--requests", "500", "--warmup", "0", "--clients", "0");

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.at("/lookupPlusBalance/n").asInt()).isEqualTo(500);
        assertThat(result.has("concurrent")).isFalse();
    }

    @Test
    void aNegativeCountIsRefusedWithWhatToGive() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCarrierCommand());
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("--requests", "500", "--clients", "-1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--clients must be 0 or more").doesNotContain("Exception");
    }

    @Test
    void withPeerButNoPythonSaysSoInOneLineAndExitsThree() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCarrierCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("--peer", "--python", "/nonexistent/python3", "--requests", "500");

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("no python3 at /nonexistent/python3");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusesFewerThanFiveHundredRequests() {
        CommandLine cli = new CommandLine(new BenchCarrierCommand());
        cli.setErr(new PrintWriter(new StringWriter(), true));

        assertThat(cli.execute("--requests", "10")).isEqualTo(2);
    }
}
