package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.kiosk.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./kiosk bench voice} fills the cache and reports each case (no timed assertion: figures are the report's). */
class BenchVoiceCommandTest {
    @Test
    void reportsEachCaseAndTheCacheSize(@TempDir Path cache) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("bench", "voice", "--rounds", "3", "--json", "--cache", cache.toString());
        assertThat(code).isZero();
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertThat(r.get("cacheBytes").asLong()).isPositive();
        assertThat(r.get("prerendered").asInt()).isGreaterThan(5 * 50);
        for (String k : new String[] {"preRendered", "withFigures", "balanceFigures"}) {
            assertThat(r.get(k).get("n").asInt()).as(k).isEqualTo(3);
        }
        // A second run finds everything cached.
        StringWriter again = new StringWriter();
        cli.setOut(new PrintWriter(again));
        assertThat(cli.execute("bench", "voice", "--rounds", "1", "--json", "--cache", cache.toString())).isZero();
        assertThat(new ObjectMapper().readTree(again.toString()).get("prerendered").asInt()).isZero();
    }
}
