package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.testing.HostileCarrier;
import com.simkiosk.testing.TestTime;
import com.simkiosk.mock.carrier.DemoLines;
import java.io.Reader;
import java.io.StringReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./kiosk lookup} against the carrier simulator on loopback, as an operator would run it. */
class LookupCommandTest {
    static CarrierSimulator simulator;
    final ObjectMapper mapper = new ObjectMapper();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        simulator = CarrierSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    int run(Reader codeInput, String... args) {
        return run(codeInput, Map.of(), args);
    }

    int run(Reader codeInput, Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new LookupCommand(codeInput, env));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    JsonNode json() throws Exception {
        return mapper.readTree(out.toString());
    }

    @Test
    void printsTheLineAndItsBalanceBySimAsJson() throws Exception {
        int exit = run(new StringReader(""), "--backend", simulator.baseUri().toString(),
                "--iccid", "8981 3026 0530 0000 027", "--json");

        assertThat(exit).isZero();
        JsonNode result = json();
        assertThat(result.at("/line/id").asText()).isEqualTo("prd-au-prepaid-0002");
        assertThat(result.at("/line/status").asText()).isEqualTo("ACTIVE");
        assertThat(result.at("/line/plan").asText()).isEqualTo("au Prepaid Voice");
        assertThat(result.at("/line/msisdnMasked").asText()).isEqualTo("090-****-0002");
        assertThat(result.at("/balance/yen").asLong()).isEqualTo(2480);
        assertThat(result.at("/balance/dataBytes").asLong()).isEqualTo(412_000_000L);
        assertThat(result.at("/balance/voiceSeconds").asLong()).isEqualTo(1860);
        assertThat(result.at("/balance/sms").asLong()).isZero();
        assertThat(result.at("/balance/expires").asText()).endsWith("+09:00");
    }

    @Test
    void findsANumberAfterTheCodeFromTheSmsIsTyped() throws Exception {
        String number = DemoLines.builtIn(java.time.Clock.fixed(java.time.Instant.parse("2026-11-26T03:00:00Z"), java.time.ZoneOffset.UTC)).rakuten().msisdn().orElseThrow().e164();
        // The operator reads the SMS and types the code when asked.
        Reader typed = new Reader() {
            Reader line;

            @Override
            public int read(char[] buf, int off, int len) throws java.io.IOException {
                if (line == null) {
                    line = new StringReader(simulator.smsOutbox().latestTo(number).orElseThrow().code() + "\n");
                }
                return line.read(buf, off, len);
            }

            @Override
            public void close() {}
        };

        int exit = run(typed, "--backend", simulator.baseUri().toString(), "--number", "070-1234-0004", "--json");

        assertThat(exit).as(out + " " + err).isZero();
        assertThat(json().at("/line/id").asText()).isEqualTo("prd-rakuten-0004");
        assertThat(json().at("/balance/dataBytes").asLong()).isEqualTo(12_500_000_000L);
        assertThat(json().at("/balance/sms").asLong()).isEqualTo(48);
        assertThat(err.toString()).contains("070-****-0004").doesNotContain("12340004");
    }

    @Test
    void aWrongCodeIsAClassifiedErrorWithANonZeroExit() throws Exception {
        int exit = run(new StringReader("000000\n"), "--backend", simulator.baseUri().toString(),
                "--number", "+81 80 1234 0005", "--json");

        assertThat(exit).isEqualTo(LookupCommand.CARRIER_ERROR);
        assertThat(json().get("error").asText()).isIn("OTP_INVALID");
        assertThat(json().get("message").asText()).isNotBlank();
    }

    @Test
    void aForeignSimIsNotSupported() throws Exception {
        int exit = run(new StringReader(""), "--backend", simulator.baseUri().toString(),
                "--iccid", DemoLines.FOREIGN_ICCID.digits(), "--json");

        assertThat(exit).isEqualTo(LookupCommand.CARRIER_ERROR);
        assertThat(json().get("error").asText()).isEqualTo("NOT_SUPPORTED");
    }

    /** Issue 15 item 1: headers, part of the body, then silence; the operator's command still ends in time. */
    @Test
    void aCarrierThatStallsMidBodyEndsAsATimeoutWithinTheCallBound() throws Exception {
        try (HostileCarrier stalled = new HostileCarrier(HostileCarrier.Behaviour.STALLED_BODY)) {
            long started = System.nanoTime();
            int exit = run(new StringReader(""), "--backend", stalled.uri().toString(),
                    "--iccid", "8981102603110000016", "--json");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(exit).isEqualTo(LookupCommand.CARRIER_ERROR);
            assertThat(json().get("error").asText()).isEqualTo("TIMEOUT");
            // The default call bound, plus a generous margin for a busy machine.
            assertThat(took).isLessThan(CarrierEndpoint.DEFAULT_REQUEST_TIMEOUT.plus(TestTime.bound(Duration.ofSeconds(10))));
        }
    }

    @Test
    void wrongCredentialsAreUnauthorized() throws Exception {
        int exit = run(new StringReader(""), Map.of(LookupCommand.SECRET_VARIABLE, "nope"),
                "--backend", simulator.baseUri().toString(), "--iccid", "8981102603110000016", "--json");

        assertThat(exit).isEqualTo(LookupCommand.CARRIER_ERROR);
        assertThat(json().get("error").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(out.toString()).doesNotContain("nope");
    }

    @Test
    void notAPhoneNumberIsInvalidInput() throws Exception {
        int exit = run(new StringReader(""), "--backend", simulator.baseUri().toString(), "--number", "12", "--json");

        assertThat(exit).isEqualTo(LookupCommand.INVALID_INPUT);
        assertThat(json().get("error").asText()).isEqualTo("INVALID_INPUT");
    }

    @Test
    void printsReadableTextWithoutJson() {
        int exit = run(new StringReader(""), "--backend", simulator.baseUri().toString(), "--iccid", "8981102603110000016");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Japan Travel SIM 3GB / 15 days").contains("620,000,000 bytes").contains("JST");
    }

    @Test
    void nationalAndInternationalSpellingsAreTheSameNumber() {
        assertThat(LookupCommand.parseNumber("090-1234-0002").e164()).isEqualTo("+819012340002");
        assertThat(LookupCommand.parseNumber("+81 90 1234 0002").e164()).isEqualTo("+819012340002");
    }

    // ---- secrets and transport (issue 15, item 9) ----

    @Test
    void aSecretOnTheCommandLineIsRefusedWithTheWaysThatKeepItOutOfPs() throws Exception {
        int exit = run(new StringReader(""), "--backend", simulator.baseUri().toString(), "--client-secret",
                DemoLines.CLIENT_SECRET, "--iccid", "8981102603110000016", "--json");

        assertThat(exit).isEqualTo(LookupCommand.INVALID_INPUT);
        assertThat(json().get("error").asText()).isEqualTo("INVALID_INPUT");
        assertThat(json().get("message").asText()).contains("visible to every user (ps)", "--client-secret-file",
                LookupCommand.SECRET_VARIABLE);
    }

    @Test
    void theSecretIsReadFromAFile(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("secret"), DemoLines.CLIENT_SECRET + "\n");
        Path bad = Files.writeString(dir.resolve("wrong"), "nope\n");

        assertThat(run(new StringReader(""), "--backend", simulator.baseUri().toString(), "--client-secret-file",
                good.toString(), "--iccid", "8981102603110000016", "--json")).isZero();
        out.getBuffer().setLength(0);
        assertThat(run(new StringReader(""), "--backend", simulator.baseUri().toString(), "--client-secret-file",
                bad.toString(), "--iccid", "8981102603110000016", "--json")).isEqualTo(LookupCommand.CARRIER_ERROR);
        assertThat(json().get("error").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void theSecretIsReadFromStandardInputBeforeTheCode() throws Exception {
        int exit = run(new StringReader("nope\n"), "--backend", simulator.baseUri().toString(),
                "--client-secret-file", "-", "--iccid", "8981102603110000016", "--json");

        assertThat(exit).isEqualTo(LookupCommand.CARRIER_ERROR);
        assertThat(json().get("error").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void anEmptyOrEndlessSecretFileIsInvalidInputInOneLine(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "");

        assertThat(run(new StringReader(""), "--backend", simulator.baseUri().toString(), "--client-secret-file",
                empty.toString(), "--iccid", "8981102603110000016")).isEqualTo(LookupCommand.INVALID_INPUT);
        assertThat(err.toString()).contains("no client secret on the first line of " + empty);
        assertThat(run(new StringReader(""), "--backend", simulator.baseUri().toString(), "--client-secret-file",
                "/dev/zero", "--iccid", "8981102603110000016")).isEqualTo(LookupCommand.INVALID_INPUT);
        assertThat(err.toString()).contains("the first line of /dev/zero is too long for a client secret");
    }

    @Test
    void plainHttpGoesToThisMachineOnlyAndCredentialsNeverLeaveForAnotherHost() throws Exception {
        for (String remote : new String[] {"http://api.example.jp", "http://10.0.0.8:8080", "http://[2001:db8::1]/"}) {
            out.getBuffer().setLength(0);
            int exit = run(new StringReader(""), "--backend", remote, "--iccid", "8981102603110000016", "--json");

            assertThat(exit).as(remote).isEqualTo(LookupCommand.INVALID_INPUT);
            assertThat(json().get("message").asText()).as(remote).isEqualTo(
                    "--backend plain http is only allowed to this machine (127.0.0.0/8, ::1, localhost); use https://");
        }
        String viaLocalhost = simulator.baseUri().toString().replace("127.0.0.1", "localhost");
        out.getBuffer().setLength(0);
        assertThat(run(new StringReader(""), "--backend", viaLocalhost, "--iccid", "8981102603110000016", "--json")).isZero();
    }
}
