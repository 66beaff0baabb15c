package com.simkiosk.kiosk.cli;

import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The peers of {@code ./kiosk bench card --peer}: pyscard ({@code pyscard_peer.py}, shipped next to this class) sending
 * the APDUs recorded from the kiosk's own read, through the same pcscd to the same virtual card, two ways ({@link Api}).
 * The script prints nanoseconds per read; the figures are computed here, as for the kiosk.
 */
final class PyscardPeer {
    static final String SCRIPT = "pyscard_peer.py";
    /** Debian's pyscard lives in /usr/lib/python3/dist-packages: another python3 first on the PATH may not see it. */
    private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");
    private static final long PROBE_SECONDS = 20;

    /** How the peer uses pyscard. */
    enum Api {
        /** {@code smartcard.scard}: the PC/SC calls of the kiosk's read, one for one (list, connect, status, transmit, disconnect). */
        SCARD("scard", "pyscard smartcard.scard, the kiosk's PC/SC calls one for one"),
        /** {@code smartcard.System.readers()} and a card connection, as pyscard's documentation reads a card. */
        READERS("readers", "pyscard readers() + createConnection(), as its documentation reads a card");

        final String arg;
        final String description;

        Api(String arg, String description) {
            this.arg = arg;
            this.description = description;
        }
    }

    private final String python;

    private PyscardPeer(String python) {
        this.python = python;
    }

    /** The first python3 that imports pyscard, or empty. */
    static Optional<PyscardPeer> find() throws InterruptedException {
        for (String candidate : PYTHONS) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import smartcard.scard")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return Optional.of(new PyscardPeer(candidate));
                }
                p.destroyForcibly();
            } catch (IOException notThere) {
                // no such interpreter: try the next
            }
        }
        return Optional.empty();
    }

    String python() {
        return python;
    }

    /**
     * {@code CMD=SW} pairs: each recorded command with the status word the card answers it, found by replaying the
     * commands on a twin of the bench card in memory (the peer checks it gets the same answers, so it does the same work).
     */
    static List<String> exchanges(List<byte[]> commands, VirtualSimSpec card) throws CardIoException {
        VirtualSim twin = new VirtualSim(card);
        List<String> out = new ArrayList<>();
        for (byte[] command : commands) {
            String answer = Hex.encode(twin.transmit(command));
            out.add(Hex.encode(command) + "=" + answer.substring(answer.length() - 4));
        }
        return out;
    }

    /** Starts the script for {@code api}: {@code warmUp} reads, then one read per {@link Running#read()}. */
    Running start(Api api, String reader, int warmUp, List<String> exchanges) throws IOException, InterruptedException {
        String script;
        try (InputStream source = PyscardPeer.class.getResourceAsStream(SCRIPT)) {
            if (source == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the kiosk's jar");
            }
            script = new String(source.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> cmd = new ArrayList<>(List.of(python, "-c", script, api.arg, reader, Integer.toString(warmUp)));
        cmd.addAll(exchanges);
        Running running = new Running(new ProcessBuilder(cmd).start());
        running.expect("ready");
        return running;
    }

    /** A started peer; {@link #close()} ends it. */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final Writer in;
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread errors;

        private Running(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
            this.errors = new Thread(() -> drain(process.getErrorStream(), err), "pyscard-peer-stderr");
            errors.start();
        }

        /** One read by the peer; its nanoseconds, timed inside the peer. */
        long read() throws IOException, InterruptedException {
            in.write("r\n");
            in.flush();
            return Long.parseLong(expect(null));
        }

        private String expect(String wanted) throws IOException, InterruptedException {
            String line = out.readLine();
            if (line == null || (wanted != null && !wanted.equals(line))) {
                process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS);
                errors.join(TimeUnit.SECONDS.toMillis(PROBE_SECONDS));
                String why = err.toString(StandardCharsets.UTF_8).strip();
                throw new IllegalStateException("the pyscard peer failed" + (process.isAlive() ? "" : " (exit " + process.exitValue() + ")")
                        + ": " + lastLine(why.isEmpty() ? String.valueOf(line) : why));
            }
            return line;
        }

        @Override
        public void close() throws InterruptedException {
            try {
                in.close(); // end of input: the script's loop ends
            } catch (IOException ignored) {
                // already gone
            }
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream to) {
        try {
            in.transferTo(to);
        } catch (IOException ignored) {
            // the process ended: what came is enough for the message
        }
    }

    private static String lastLine(String text) {
        int at = text.lastIndexOf('\n');
        return at < 0 ? text : text.substring(at + 1);
    }
}
