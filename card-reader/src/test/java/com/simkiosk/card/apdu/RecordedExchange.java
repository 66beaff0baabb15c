package com.simkiosk.card.apdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A card replayed from a recorded dump: {@code >> command} then {@code << response} lines, {@code #}
 * comments. Each command must be exactly the next one recorded; the test fails on the first surprise.
 */
public final class RecordedExchange implements ApduChannel {
    private record Step(int line, byte[] command, byte[] response) {}

    private final String name;
    private final Deque<Step> steps = new ArrayDeque<>();

    private RecordedExchange(String name, String text) {
        this.name = name;
        String[] lines = text.split("\\R");
        byte[] pending = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("#.*", "").strip();
            if (line.startsWith(">>")) {
                pending = Hex.decode(line.substring(2));
                pendingLine = i + 1;
            } else if (line.startsWith("<<")) {
                steps.add(new Step(pendingLine, pending, Hex.decode(line.substring(2))));
                pending = null;
            }
        }
    }

    /** Loads {@code /apdu/<name>.txt} from test resources. */
    public static RecordedExchange load(String name) {
        String resource = "/apdu/" + name + ".txt";
        try (InputStream in = RecordedExchange.class.getResourceAsStream(resource)) {
            assertThat(in).as("recorded exchange " + resource).isNotNull();
            return new RecordedExchange(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] transmit(byte[] command) {
        Step step = steps.poll();
        assertThat(step).as(name + ": card got an unexpected extra command " + Hex.spaced(command)).isNotNull();
        assertThat(Hex.spaced(command)).as(name + " line " + step.line()).isEqualTo(Hex.spaced(step.command()));
        return step.response().clone();
    }

    public void assertAllExchanged() {
        assertThat(steps).as(name + ": recorded commands never sent").isEmpty();
    }
}
