package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.card.sim.SimIdentity;
import com.simkiosk.card.sim.SimIdentityReader;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The JSON of {@code read-card} as issue 2 specifies it, with a virtual card behind a minimal reader. */
class ReadCardCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A one-slot reader over a VirtualSim: enough to drive the command without PC/SC. */
    private record OneSlotReader(VirtualSim card) implements SimReader {
        @Override
        public List<ReaderInfo> readers() {
            return List.of(new ReaderInfo("Test slot", true));
        }

        @Override
        public void addListener(Consumer<CardEvent> listener) {}

        @Override
        public void removeListener(Consumer<CardEvent> listener) {}

        @Override
        public ReadResult read(String reader) {
            try {
                card.reset();
                SimIdentity sim = new SimIdentityReader(card).read();
                return new ReadResult.Sim(new CardIdentity(reader, Hex.encode(card.atr().orElseThrow()), sim.type(), sim.iccid(), sim.pin()));
            } catch (CardIoException e) {
                return new ReadResult.Failed(e.error(), e.getMessage());
            }
        }

        @Override
        public ReadResult awaitAndRead(String readerOrNull, Duration timeout) {
            return read("Test slot");
        }

        @Override
        public PinResult verifyPin(String reader, String pin) {
            return new SimIdentityReader(card).verifyPin(pin);
        }

        @Override
        public void close() {}
    }

    private record Run(int exit, JsonNode json) {}

    private static Run run(VirtualSimSpec card, String... args) throws Exception {
        ReadCardCommand command = new ReadCardCommand() {
            @Override
            protected SimReader openReader() {
                return new OneSlotReader(new VirtualSim(card));
            }
        };
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute(args);
        return new Run(exit, JSON.readTree(out.toString()));
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void printsAJapaneseUiccExactlyAsSpecified() throws Exception {
        Run run = run(VirtualSimSpec.uicc("8981100000000000906").withPin("1234", 3), "--json");
        assertThat(run.exit()).isZero();
        assertThat(keys(run.json())).containsExactly("reader", "atr", "cardType", "iccid", "issuer", "country", "luhnValid", "pin");
        assertThat(run.json().get("cardType").asText()).isEqualTo("UICC");
        assertThat(run.json().get("iccid").asText()).isEqualTo("8981100000000000906");
        assertThat(run.json().get("issuer").asText()).isEqualTo("NTT DOCOMO");
        assertThat(run.json().get("country").asText()).isEqualTo("JP");
        assertThat(run.json().get("atr").asText()).isEqualTo("3B06554943433031");
        assertThat(run.json().get("pin").get("enabled").asBoolean()).isTrue();
        assertThat(run.json().get("pin").get("triesLeft").asInt()).isEqualTo(3);
    }

    @Test
    void aForeign2gSimHasNoJapaneseIssuer() throws Exception {
        Run run = run(VirtualSimSpec.sim2g("8944200000000000007"), "--json");
        assertThat(run.json().get("cardType").asText()).isEqualTo("2G");
        assertThat(run.json().get("issuer").isNull()).isTrue();
        assertThat(run.json().get("country").asText()).isEqualTo("GB");
        assertThat(run.json().get("pin").get("enabled").asBoolean()).isFalse();
    }

    @Test
    void repeatAddsMedianP99AndCount() throws Exception {
        Run run = run(VirtualSimSpec.uicc("8981100000000000906"), "--json", "--repeat", "7");
        JsonNode timing = run.json().get("timing");
        assertThat(keys(timing)).containsExactly("medianMs", "p99Ms", "n");
        assertThat(timing.get("n").asInt()).isEqualTo(7);
        assertThat(timing.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(timing.get("medianMs").asDouble());
    }

    @Test
    void aBankCardIsNotASimAndTheExitCodeSaysSo() throws Exception {
        Run run = run(VirtualSimSpec.bankCard(), "--json");
        assertThat(run.exit()).isNotZero();
        assertThat(keys(run.json())).containsExactly("error", "message");
        assertThat(run.json().get("error").asText()).isEqualTo("NOT_A_SIM");
    }

    @Test
    void medianAndP99UseNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        Timing timing = Timing.ofNanos(nanos);
        assertThat(timing.medianMs()).isEqualTo(50.0);
        assertThat(timing.p99Ms()).isEqualTo(99.0);
        assertThat(timing.n()).isEqualTo(100);
    }
}
