package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.kiosk.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CliFailuresTest {

    /** A command with a bug: its exception carries personal data, as a careless message might. */
    @Command(name = "buggy")
    static final class Buggy implements Callable<Integer> {
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            throw new IllegalStateException("no line for 8981302605300000027");
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = CliFailures.install(new CommandLine(new Main()).addSubcommand(new Buggy()));
        return cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void anUnexpectedFailureIsJsonWithoutTheExceptionOrItsMessage() throws Exception {
        assertThat(run("buggy", "--json")).isEqualTo(CliFailures.UNEXPECTED);
        JsonNode answer = new ObjectMapper().readTree(out.toString());
        assertThat(answer.get("error").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(answer.get("message").asText()).contains("buggy failed unexpectedly");
        assertThat(out.toString() + err).doesNotContain("IllegalStateException").doesNotContain("8981302605300000027")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnexpectedFailureWithoutJsonIsOneCalmLineOnStderr() {
        assertThat(run("buggy")).isEqualTo(CliFailures.UNEXPECTED);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).startsWith("buggy: buggy failed unexpectedly").doesNotContain("\n")
                .doesNotContain("Exception").doesNotContain("8981302605300000027");
    }

    @Test
    void aBadOptionWithJsonIsAnInvalidInputError() throws Exception {
        assertThat(run("read-card", "--repeat", "0", "--json")).isEqualTo(CliFailures.INVALID_INPUT);
        JsonNode answer = new ObjectMapper().readTree(out.toString());
        assertThat(answer.get("error").asText()).isEqualTo("INVALID_INPUT");
        assertThat(answer.get("message").asText()).contains("--repeat");
    }

    @Test
    void aBadOptionWithoutJsonShowsTheMessageAndUsage() {
        assertThat(run("lookup", "--backend", "http://127.0.0.1:9", "--iccid")).isEqualTo(CliFailures.INVALID_INPUT);
        assertThat(err.toString()).contains("Missing required parameter").contains("Usage: kiosk lookup");
        assertThat(out.toString()).isEmpty();
    }
}
