package com.simkiosk.kiosk.unattended;

import com.simkiosk.testing.TestTime;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** What systemd listens on for a Type=notify unit: an AF_UNIX datagram socket in a test's folder (or abstract). */
public final class FakeNotifySocket implements AutoCloseable {
    private final AFUNIXDatagramSocket socket;
    private final String name;
    private final List<String> received = new ArrayList<>();

    private FakeNotifySocket(AFUNIXDatagramSocket socket, String name) {
        this.socket = socket;
        this.name = name;
    }

    public static FakeNotifySocket in(Path folder) throws IOException {
        Path file = folder.resolve("notify");
        AFUNIXDatagramSocket socket = AFUNIXDatagramSocket.newInstance();
        socket.bind(AFUNIXSocketAddress.of(file));
        return new FakeNotifySocket(socket, file.toString());
    }

    public static FakeNotifySocket abstractNamed(String name) throws IOException {
        AFUNIXDatagramSocket socket = AFUNIXDatagramSocket.newInstance();
        socket.bind(AFUNIXSocketAddress.inAbstractNamespace(name));
        return new FakeNotifySocket(socket, "@" + name);
    }

    /** The environment systemd gives a notify service, with a watchdog of {@code watchdog}. */
    public Map<String, String> env(Duration watchdog) {
        return Map.of("NOTIFY_SOCKET", name, "WATCHDOG_USEC", Long.toString(watchdog.toNanos() / 1_000));
    }

    public String name() {
        return name;
    }

    /** Waits (bounded) for a datagram with a line that {@code wanted} accepts; returns that datagram's text. */
    public String await(Predicate<String> wanted, Duration max, String what) throws IOException {
        long deadline = System.nanoTime() + TestTime.bound(max).toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no '" + what + "' within " + TestTime.bound(max).toMillis() + " ms; got " + received);
            }
            String message = next(Duration.ofNanos(left));
            if (message != null && message.lines().anyMatch(wanted)) {
                return message;
            }
        }
    }

    /** Every datagram arriving during {@code window} (how long to listen, not a speed asserted). */
    public List<String> during(Duration window) throws IOException {
        List<String> out = new ArrayList<>();
        long end = System.nanoTime() + window.toNanos();
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            String message = next(Duration.ofNanos(left));
            if (message != null) {
                out.add(message);
            }
        }
        return out;
    }

    /** Reads and forgets whatever is already queued, without waiting for more. */
    public void drain() throws IOException {
        while (next(Duration.ofMillis(1)) != null) {
            // dropped
        }
    }

    /** Everything received so far, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    private String next(Duration max) throws IOException {
        byte[] buffer = new byte[4096];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, max.toMillis())));
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        received.add(message);
        return message;
    }

    @Override
    public void close() {
        socket.close();
    }
}
