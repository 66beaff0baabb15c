package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.kiosk.flow.ErrorKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * One round of the soak (every kind of journey and fault once) through the real pcscd + vpcd and the loopback
 * simulator: the JSON an operator reads, no stuck session, and each fault ending as the customer would see it.
 */
class BenchSoakCommandTest {

    @Test
    void oneRoundOfJourneysWithFaultsEndsWithoutStuckSessions() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int sessions = SoakRun.ROUND.size();

        int exit = new CommandLine(new BenchSoakCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--sessions", String.valueOf(sessions), "--minutes", "5", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode soak = new ObjectMapper().readTree(out.toString());
        assertThat(soak.get("area").asText()).isEqualTo("soak");
        assertThat(soak.get("sessions").asInt()).isEqualTo(sessions);
        assertThat(soak.get("stuck").asInt()).isZero();
        assertThat(soak.get("stuckSessions")).isEmpty();
        int counted = 0;
        for (JsonNode n : soak.get("outcomes")) {
            counted += n.asInt();
        }
        assertThat(counted).isEqualTo(sessions);
        List<String> scenarios = new ArrayList<>();
        soak.get("scenarios").fieldNames().forEachRemaining(scenarios::add);
        assertThat(scenarios).containsExactlyInAnyOrderElementsOf(
                SoakRun.ROUND.stream().map(Enum::name).distinct().toList());
        // Every session ended in something a customer sees and the kiosk classified: no session without a screen,
        // none on a screen the customer could not answer, none stuck.
        List<String> classified = new ArrayList<>(List.of("BALANCE", "TOP_UP_PRINTED", "TOP_UP_PRINTER_UNAVAILABLE",
                "BACK_TO_ATTRACT"));
        for (ErrorKind kind : ErrorKind.values()) {
            classified.add(kind.name());
        }
        soak.get("outcomes").fieldNames().forEachRemaining(kind -> assertThat(classified).contains(kind));
        assertThat(soak.get("outcomes").get("BALANCE")).as("outcomes %s", soak.get("outcomes")).isNotNull();
        assertThat(soak.get("outcomes").get("BALANCE").asInt()).isPositive();
        assertThat(soak.get("journeyMs").get("p99").asDouble())
                .isGreaterThanOrEqualTo(soak.get("journeyMs").get("median").asDouble());
        for (String when : List.of("beforeSessions", "start", "end")) {
            JsonNode figures = soak.get("process").get(when);
            assertThat(figures.get("rssMb").asDouble()).as(when).isPositive();
            assertThat(figures.get("threads").asInt()).as(when).isPositive();
            assertThat(figures.get("fds").asInt()).as(when).isPositive();
        }
    }
}
