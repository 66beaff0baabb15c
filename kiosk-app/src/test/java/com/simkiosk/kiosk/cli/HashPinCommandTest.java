package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.kiosk.Main;
import com.simkiosk.kiosk.config.MaintenancePin;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HashPinCommandTest {

    private final InputStream realIn = System.in;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restoreStdin() {
        System.setIn(realIn);
    }

    private int run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void printsAConfigBlockWhoseHashMatchesThePin() throws Exception {
        int exit = run("86420975\n", "hash-pin", "--stdin", "--iterations", "10000");

        assertThat(exit).isZero();
        assertThat(out.toString()).doesNotContain("86420975");
        JsonNode block = new ObjectMapper().readTree(out.toString()).get("maintenancePin");
        MaintenancePin pin = new MaintenancePin(block.get("algorithm").asText(), block.get("iterations").asInt(),
                block.get("salt").asText(), block.get("hash").asText());
        assertThat(pin.matches("86420975".toCharArray())).isTrue();
    }

    @Test
    void aShortPinIsRefusedInOneLine() {
        int exit = run("123\n", "hash-pin", "--stdin", "--iterations", "10000");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("Not hashed: a maintenance PIN has at least 6 digits");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void emptyStandardInputSaysWhatIsMissingInsteadOfExitingSilently() {
        int exit = run("", "hash-pin", "--stdin", "--iterations", "10000");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "Not hashed: no PIN on standard input; pipe one in, e.g.  echo 12345678 | ./kiosk hash-pin --stdin");
        assertThat(out.toString()).isEmpty();
    }
}
