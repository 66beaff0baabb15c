package com.simkiosk.kiosk.cli;

import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The peer of {@code ./kiosk bench card --peer}: pyscard ({@code pyscard_peer.py}, shipped next to this class) sending
 * the APDUs recorded from the kiosk's own read, through the same pcscd to the same virtual card. The script prints
 * nanoseconds per read; the figures are computed here, as for the kiosk.
 */
final class PyscardPeer {
    static final String SCRIPT = "pyscard_peer.py";
    /** Debian's pyscard lives in /usr/lib/python3/dist-packages: another python3 first on the PATH may not see it. */
    private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");
    private static final long PROBE_SECONDS = 20;
    private static final long RUN_SECONDS = 600;

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

    /** Runs the script: {@code warmUp} reads, then {@code n} measured ones; their nanoseconds. */
    long[] run(String reader, int warmUp, int n, List<String> exchanges) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python, "-", reader, Integer.toString(warmUp), Integer.toString(n)));
        cmd.addAll(exchanges);
        Process p = new ProcessBuilder(cmd).start();
        try (OutputStream script = p.getOutputStream(); InputStream source = PyscardPeer.class.getResourceAsStream(SCRIPT)) {
            if (source == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the kiosk's jar");
            }
            source.transferTo(script);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errors = new Thread(() -> drain(p.getErrorStream(), err), "pyscard-peer-stderr");
        errors.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (!p.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the pyscard peer did not finish within " + RUN_SECONDS + " s");
        }
        errors.join();
        if (p.exitValue() != 0) {
            String why = err.toString(StandardCharsets.UTF_8).strip();
            throw new IllegalStateException("the pyscard peer failed (exit " + p.exitValue() + "): " + lastLine(why));
        }
        long[] nanos = out.lines().filter(l -> !l.isBlank()).mapToLong(Long::parseLong).toArray();
        if (nanos.length != n) {
            throw new IllegalStateException("the pyscard peer reported " + nanos.length + " reads, not " + n);
        }
        return nanos;
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
