package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench kiosk}: the native memory summary only when the JVM tracks it (no "summary: null"); the cold starts
 * alone with {@code --sessions 0}; impossible counts refused with a message.
 */
class KioskBenchCommandTest {
    @Test
    void withoutNativeMemoryTrackingThereIsNoSummaryToPrint() {
        assertThat(KioskBenchCommand.nativeMemoryTracked(List.of("-Xmx256m", "-XX:+UseSerialGC"))).isFalse();
        assertThat(KioskBenchCommand.nativeMemoryTracked(List.of("-XX:NativeMemoryTracking=off"))).isFalse();
    }

    @Test
    void withItTheLastSettingCounts() {
        assertThat(KioskBenchCommand.nativeMemoryTracked(List.of("-XX:NativeMemoryTracking=summary"))).isTrue();
        assertThat(KioskBenchCommand.nativeMemoryTracked(List.of("-XX:NativeMemoryTracking=detail"))).isTrue();
        assertThat(KioskBenchCommand.nativeMemoryTracked(
                List.of("-XX:NativeMemoryTracking=summary", "-XX:NativeMemoryTracking=off"))).isFalse();
    }

    @Test
    void noSessionsMeasuresTheColdStartsAlone() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new KioskBenchCommand()).execute("--starts", "1", "--sessions", "0", "--json");
        } finally {
            System.setOut(stdout);
        }

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(printed.toString(StandardCharsets.UTF_8));
        assertThat(result.get("coldStartToAttract").get("n").asInt()).isEqualTo(1);
        assertThat(result.get("coldStartToAttract").get("medianMs").asDouble()).isPositive();
        assertThat(result.has("simInsertedToBalance")).as("no sessions run").isFalse();
    }

    @Test
    void neitherStartsNorSessionsIsRefusedWithWhatToGive() {
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new KioskBenchCommand()).setErr(new PrintWriter(err))
                .execute("--starts", "0", "--sessions", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--starts and --sessions not both 0").doesNotContain("Exception");
    }
}
