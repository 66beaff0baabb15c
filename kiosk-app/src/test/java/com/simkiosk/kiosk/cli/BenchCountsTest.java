package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** A benchmark asked to measure nothing says which count to give, with picocli's usage exit code; it does not crash. */
class BenchCountsTest {

    static Stream<Arguments> nothingToMeasure() {
        return Stream.of(
                Arguments.of((Supplier<Object>) BenchSerialCommand::new, new String[] {"--iterations", "0"}, "--iterations must be at least 1"),
                Arguments.of((Supplier<Object>) BenchSerialCommand::new, new String[] {"--warmup", "-1"}, "--warmup 0 or more"),
                Arguments.of((Supplier<Object>) BenchFlowCommand::new, new String[] {"--sessions", "0"}, "--sessions must be at least 1"),
                Arguments.of((Supplier<Object>) BenchVoiceCommand::new, new String[] {"--rounds", "0"}, "--rounds must be at least 1"),
                Arguments.of((Supplier<Object>) BenchNetworkCommand::new, new String[] {"--iterations", "0"}, "--iterations must be at least 1"),
                Arguments.of((Supplier<Object>) BenchJourneyCommand::new, new String[] {"--journeys", "0"}, "--journeys must be at least 1"));
    }

    @ParameterizedTest
    @MethodSource("nothingToMeasure")
    void aCountThatMeasuresNothingIsRefusedWithWhatToGive(Supplier<Object> command, String[] args, String said) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = new CommandLine(command.get()).setCaseInsensitiveEnumValuesAllowed(true) // as Main sets it up
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(said).doesNotContain("Exception").doesNotContain("failed unexpectedly");
        assertThat(out.toString()).isEmpty();
    }
}
