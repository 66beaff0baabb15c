package com.simkiosk.kiosk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The plain peer of {@code ./kiosk bench carrier --peer}: {@code carrier_peer.py} (a resource beside this class) run
 * by Debian's {@code python3} as a separate process, one {@code http.client} keep-alive connection to the same
 * simulator, the kiosk's lookup + balance calls with the same headers, both answers parsed with {@code json.loads}.
 * The process stays up for the whole run, so the bench can alternate blocks of kiosk and peer pairs and both meet
 * the same load. Python's own start-up is not measured: it reports {@code perf_counter_ns} per pair.
 */
final class CarrierPeer implements AutoCloseable {
    /** Debian's interpreter; {@code --python} points elsewhere. */
    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    static final String SCRIPT = "carrier_peer.py";

    /** Thrown when the peer cannot run or stops: a one-line reason for the operator. */
    static final class PeerFailed extends Exception {
        PeerFailed(String message) {
            super(message);
        }
    }

    /** One pair's two calls, in nanoseconds. */
    record Pair(long lookupNanos, long balanceNanos) {}

    private final Process process;
    private final Writer commands;
    private final BufferedReader results;

    private CarrierPeer(Process process) {
        this.process = process;
        this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        this.results = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** {@code python} missing or not executable: the one-line message, else empty. */
    static java.util.Optional<String> missing(Path python) {
        if (Files.isExecutable(python)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("bench carrier --peer: no python3 at " + python
                + " (Debian: apt-get install python3, or --python PATH); the peer needs it");
    }

    static CarrierPeer start(Path python, URI base, String clientId, String secret, String productQuery,
            String bucketQuery, List<String> iccids) throws PeerFailed {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", script(), base.getHost(),
                Integer.toString(base.getPort()), clientId, secret, productQuery, bucketQuery));
        command.addAll(iccids);
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return new CarrierPeer(p);
        } catch (IOException e) {
            throw new PeerFailed("bench carrier --peer: " + python + " did not start (" + e.getMessage() + ")");
        }
    }

    private static String script() {
        try (InputStream in = CarrierPeer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code n} pairs in the peer and returns their timings (none when {@code n} is 0). */
    List<Pair> run(int n) throws PeerFailed {
        List<Pair> pairs = new ArrayList<>(n);
        if (n == 0) {
            return pairs;
        }
        try {
            try {
                commands.write(n + "\n");
                commands.flush();
            } catch (IOException stopped) {
                // it ended before the command: its last line says why
            }
            for (String line; (line = results.readLine()) != null; ) {
                if (line.equals("end")) {
                    return pairs;
                }
                if (line.startsWith("error: ")) {
                    throw new PeerFailed("bench carrier --peer: the Python peer stopped: " + line.substring(7));
                }
                int space = line.indexOf(' ');
                pairs.add(new Pair(Long.parseLong(line.substring(0, space)), Long.parseLong(line.substring(space + 1))));
            }
        } catch (IOException | RuntimeException e) {
            throw new PeerFailed("bench carrier --peer: lost the Python peer (" + e.getClass().getSimpleName() + ")");
        }
        throw new PeerFailed("bench carrier --peer: the Python peer ended early");
    }

    @Override
    public void close() {
        try {
            commands.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
