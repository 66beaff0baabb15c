package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.serial.AtModemSimReader;
import com.simkiosk.kiosk.Main;
import com.simkiosk.mock.serial.ModemDialect;
import com.simkiosk.mock.serial.PrintedItem;
import com.simkiosk.mock.serial.PtyPair;
import com.simkiosk.mock.serial.SimulatedEscPosPrinter;
import com.simkiosk.mock.serial.SimulatedModem;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.testing.TestTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The serial launcher commands, run as an operator would, against socat pseudo-terminals. */
class SerialCommandsTest {
    private static final Duration BOUND = TestTime.bound(Duration.ofSeconds(10));

    private static CommandLine commandLine(Object command, StringWriter out) {
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true));
    }

    /** Waits for a condition with a deadline (no fixed sleeps). */
    private static boolean within(Duration bound, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
        return true;
    }

    @Test
    void virtualModemServesItsSimOnTheLinkUntilStopped(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("ttyModem");
        VirtualModemCommand command = new VirtualModemCommand();
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(commandLine(command, out).execute(
                "--link", link.toString(), "--iccid", "8981100000000000019", "--dialect", "ublox", "--chatter")),
                "virtual-modem-under-test");
        runner.start();
        try {
            assertThat(within(BOUND, () -> out.toString().contains("Ctrl-C"))).as(out::toString).isTrue();
            assertThat(out.toString()).contains("ublox").contains("8981 10** **** **** 019").doesNotContain("8981100000000000019");
            try (AtModemSimReader reader = AtModemSimReader.open(link.toString(), 115200)) {
                ReadResult result = reader.read(reader.readerName());
                assertThat(result).isInstanceOfSatisfying(ReadResult.Sim.class,
                        sim -> assertThat(sim.identity().iccid().digits()).isEqualTo("8981100000000000019"));
            }
        } finally {
            command.stop();
            runner.join(BOUND.toMillis());
        }
        assertThat(exit).hasValue(0);
        assertThat(Files.exists(link)).isFalse(); // socat is gone and took its link along
    }

    @Test
    void printTestPrintsASlipTheOperatorCanRecognise() throws Exception {
        try (PtyPair pty = PtyPair.open(BOUND);
             SimulatedEscPosPrinter printer = SimulatedEscPosPrinter.start(JsscSerialLink.open(pty.b().toString(), 115200))) {
            StringWriter out = new StringWriter();
            int exit = commandLine(new PrintTestCommand(), out).execute("--serial", pty.a().toString(), "--japanese", "kanji");
            assertThat(exit).as(out::toString).isZero();
            assertThat(out.toString()).contains("READY").contains("printed a test slip");
            List<PrintedItem> slip = printer.awaitSlip(BOUND);
            assertThat(slip).contains(new PrintedItem.Text("Test print テスト印刷", true),
                    new PrintedItem.Barcode(73, "TEST-0123-4567"), new PrintedItem.QrCode("TEST-0123-4567"));
        }
    }

    @Test
    void printTestSaysWhyWhenThePaperIsOut() throws Exception {
        try (PtyPair pty = PtyPair.open(BOUND);
             SimulatedEscPosPrinter printer = SimulatedEscPosPrinter.start(JsscSerialLink.open(pty.b().toString(), 115200))) {
            printer.setPaperOut(true);
            StringWriter out = new StringWriter();
            int exit = commandLine(new PrintTestCommand(), out).execute("--serial", pty.a().toString());
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString()).contains("PAPER_OUT");
        }
    }

    @Test
    void benchSerialPrintsMedianAndP99AsJson() throws Exception {
        StringWriter out = new StringWriter();
        int exit = commandLine(new Main(), out).execute("bench", "serial", "--iterations", "20", "--warmup", "5", "--json");
        assertThat(exit).as(out::toString).isZero();
        JsonNode figures = new ObjectMapper().readTree(out.toString());
        assertThat(figures.get("benchmark").asText()).isEqualTo("serial");
        assertThat(figures.get("baud").asInt()).isEqualTo(115200);
        assertThat(figures.at("/pty/n").asInt()).isEqualTo(20);
        assertThat(figures.at("/pty/medianMs").asDouble()).isPositive();
        assertThat(figures.at("/pty/p99Ms").asDouble()).isGreaterThanOrEqualTo(figures.at("/pty/medianMs").asDouble());
    }

    @Test
    void readCardThroughAModemPrintsTheSameJsonAsPcsc(@TempDir Path dir) throws Exception {
        try (PtyPair pty = PtyPair.open(BOUND);
             SimulatedModem modem = SimulatedModem.start(JsscSerialLink.open(pty.b().toString(), 115200), ModemDialect.QUECTEL,
                     new VirtualSim(VirtualSimSpec.uicc("8981100000000000019").withPin("1234", 3)), SimulatedModem.Options.PLAIN)) {
            StringWriter out = new StringWriter();
            int exit = commandLine(new Main(), out).execute("read-card", "--serial", pty.a().toString(), "--timeout", "5", "--json");
            assertThat(exit).as(out::toString).isZero();
            JsonNode card = new ObjectMapper().readTree(out.toString());
            assertThat(card.get("reader").asText()).isEqualTo("AT modem " + pty.a());
            assertThat(card.get("iccid").asText()).isEqualTo("8981100000000000019");
            assertThat(card.get("issuer").asText()).isEqualTo("NTT DOCOMO");
            assertThat(card.get("cardType").asText()).isEqualTo("UICC");
            assertThat(card.at("/pin/enabled").asBoolean()).isTrue();
            assertThat(card.at("/pin/triesLeft").asInt()).isEqualTo(3);
        }
    }

    @Test
    void readCardThroughAMissingPortSaysTheSerialPortIsUnavailable(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        int exit = commandLine(new Main(), out).execute("read-card", "--serial", dir.resolve("nothing").toString(), "--timeout", "1", "--json");
        assertThat(exit).isEqualTo(1);
        JsonNode answer = new ObjectMapper().readTree(out.toString());
        assertThat(answer.get("error").asText()).isEqualTo("PCSC_UNAVAILABLE");
        // The operator is pointed at the serial port, not at a pcscd this path never uses.
        assertThat(answer.get("message").asText()).contains("serial port").doesNotContain("pcscd");
    }

    @Test
    void readCardThroughASilentModemDoesNotBlameTheCable() throws Exception {
        try (PtyPair pty = PtyPair.open(BOUND)) { // the port is there; nothing answers on it
            StringWriter out = new StringWriter();
            int exit = commandLine(new Main(), out).execute("read-card", "--serial", pty.a().toString(), "--timeout", "3", "--json");
            assertThat(exit).isEqualTo(1);
            JsonNode answer = new ObjectMapper().readTree(out.toString());
            assertThat(answer.get("error").asText()).isEqualTo("READER_SILENT");
            assertThat(answer.get("message").asText()).contains("does not answer AT").doesNotContain("unplugged");
        }
    }
}
