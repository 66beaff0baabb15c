package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchFlowCommandTest {

    @Test
    void printsMedianP99AndHeapAsJson() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new BenchFlowCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--sessions", "20", "--warmup", "5", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode figures = new ObjectMapper().readTree(out.toString());
        assertThat(figures.get("area").asText()).isEqualTo("flow");
        assertThat(figures.get("sessions").asInt()).isEqualTo(20);
        assertThat(figures.get("medianMs").asDouble()).isPositive();
        assertThat(figures.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(figures.get("medianMs").asDouble());
        assertThat(figures.get("heapAfterGcAfterMb").asDouble()).isPositive();
    }
}
