package com.simkiosk.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** An operator typing {@code ./kiosk --help} sees every command the README promises. */
class LauncherHelpTest {

    @Test
    void helpListsEveryDocumentedCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));

        int exit = cli.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("readers", "read-card", "virtual-sim", "virtual-modem", "carrier-sim", "lookup",
                        "print-test", "bench");
    }

    @Test
    void benchOffersEveryArea() {
        CommandLine bench = new CommandLine(new Main()).getSubcommands().get("bench");

        assertThat(bench.getSubcommands()).containsKeys("card", "carrier", "serial", "flow");
    }
}
