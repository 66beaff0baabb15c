package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.mock.vpcd.PcscdProcess;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A few whole journeys through the real pcscd + vpcd, the loopback carrier simulator and the kiosk's screens on
 * headless Monocle: the figures an operator reads are all there and add up. No figure is held to a time.
 */
class BenchJourneyCommandTest {

    @Test
    void aFewJourneysPrintTheJourneyAndItsSplitEachWithMedianAndP99() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new BenchJourneyCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--journeys", "5", "--warmup", "1", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("benchmark").asText()).isEqualTo("journey");
        assertThat(result.get("journeys").asInt()).isEqualTo(5);
        for (String part : List.of("journey", "card", "carrier", "render", "pcscdNoticed")) {
            JsonNode figures = result.get(part);
            assertThat(figures).as(part).isNotNull();
            assertThat(figures.get("n").asInt()).as(part).isEqualTo(5);
            assertThat(figures.get("medianMs").asDouble()).as(part).isPositive();
            assertThat(figures.get("p99Ms").asDouble()).as(part).isGreaterThanOrEqualTo(figures.get("medianMs").asDouble());
        }
        // The trace names every card and carrier call of the journey, each made in every journey.
        JsonNode calls = result.get("calls");
        for (String call : List.of("card read", "card EF.IMSI", "card AUTHENTICATE", "carrier findLineByIccid",
                "carrier balance", "carrier dailyUsage", "carrier topUpOffers", "balance step (wall)",
                "render: balance state -> next pulse", "render: that pulse (CSS, layout)")) {
            assertThat(calls.get(call)).as(call).isNotNull();
            assertThat(calls.get(call).get("n").asInt()).as(call).isEqualTo(5);
        }
        // The split is of the journey: no part is longer than the whole.
        double journeyP99 = result.get("journey").get("p99Ms").asDouble();
        for (String part : List.of("card", "carrier", "render")) {
            assertThat(result.get(part).get("medianMs").asDouble()).as(part).isLessThanOrEqualTo(journeyP99);
        }
        // The slowest 1 % (of 5: one journey), its parts adding up to it.
        JsonNode slowest = result.get("slowest");
        assertThat(slowest).hasSize(1);
        JsonNode worst = slowest.get(0);
        assertThat(worst.get("journeyMs").asDouble()).isGreaterThanOrEqualTo(result.get("journey").get("medianMs").asDouble());
        assertThat(worst.get("cardMs").asDouble() + worst.get("carrierMs").asDouble() + worst.get("renderMs").asDouble())
                .isCloseTo(worst.get("journeyMs").asDouble(), org.assertj.core.api.Assertions.within(0.01));
        assertThat(worst.get("longerThanUsual")).isNotNull();
    }

    @Test
    void withTheHostMetersTheJourneysAreGroupedByTheCpuTimeTheHostTookDuringThem() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new BenchJourneyCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--journeys", "5", "--warmup", "1", "--host-stalls", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString());
        JsonNode host = result.get("host");
        assertThat(host).as("the meters' report").isNotNull();
        assertThat(host.get("policy").asText()).isIn("fifo", "normal");
        assertThat(host.get("seconds").asDouble()).as("the journeys' span").isPositive();
        assertThat(host.get("tookCpuMsPerSecond").asDouble()).as("at most both CPUs' whole time")
                .isBetween(0.0, 1_000.0 * Runtime.getRuntime().availableProcessors());
        int grouped = 0;
        for (JsonNode group : host.get("journeysByHostTook")) {
            grouped += group.get("n").asInt();
            if (group.get("n").asInt() > 0) {
                assertThat(group.get("journey").get("n").asInt()).isEqualTo(group.get("n").asInt());
            }
        }
        assertThat(grouped).as("every journey in one group").isEqualTo(5);
        assertThat(host.get("stalls").asInt()).isGreaterThanOrEqualTo(host.get("stallsAtLeast10Ms").asInt());
        JsonNode worst = result.get("slowest").get(0);
        assertThat(worst.get("hostTookMs").asDouble()).as("CPU-ms of two CPUs at most")
                .isBetween(0.0, Runtime.getRuntime().availableProcessors() * worst.get("journeyMs").asDouble() + 0.01);
    }

    @Test
    void pcscdHeldByAnotherRunIsSaidWithWhatToDo() throws Exception {
        File log = File.createTempFile("bench-journey-test-pcscd", ".log");
        log.deleteOnExit();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (PcscdProcess other = new PcscdProcess(log)) {
            other.reserve(); // another owner holds the machine's pcscd for as long as the bench would wait

            int exit = new CommandLine(new BenchJourneyCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute("--journeys", "1", "--warmup", "0");

            assertThat(exit).isEqualTo(BenchJourneyCommand.PCSCD_UNAVAILABLE);
        }
        assertThat(err.toString())
                .startsWith("bench journey: pcscd is not available: another pcscd is already running")
                .contains("simkiosk-pcscd.lock", "wait for the other run to end", "run bench journey again")
                .doesNotContain("failed unexpectedly");
        assertThat(out.toString()).isEmpty();
    }
}
