package com.simkiosk.kiosk.unattended;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * systemd's notify protocol (sd_notify(3)): newline-separated {@code KEY=value} lines in one datagram to the
 * AF_UNIX socket named by {@code NOTIFY_SOCKET} (a path, or an abstract name written with a leading {@code @}).
 * JDK 17 has no AF_UNIX datagram channel, so the datagram goes through junixsocket. A send that fails is logged and
 * dropped: the kiosk keeps serving, and a missed heartbeat is what the watchdog is there to notice.
 */
public final class NotifySocket implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NotifySocket.class);

    private final SocketAddress address;
    private final String name;
    private AFUNIXDatagramChannel socket;
    private boolean failedBefore;
    private boolean closed;

    private NotifySocket(String name, SocketAddress address, AFUNIXDatagramChannel socket) {
        this.name = name;
        this.address = address;
        this.socket = socket;
    }

    /** The socket systemd gave the kiosk ({@code Type=notify}), or none when it runs outside such a unit. */
    public static Optional<NotifySocket> fromEnvironment(Map<String, String> env) throws IOException {
        String name = env.getOrDefault("NOTIFY_SOCKET", "");
        if (name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(open(name));
    }

    /** {@code name} as systemd writes it: an absolute path, or {@code @abstract-name}. */
    public static NotifySocket open(String name) throws IOException {
        SocketAddress address = name.startsWith("@")
                ? AFUNIXSocketAddress.inAbstractNamespace(name.substring(1))
                : AFUNIXSocketAddress.of(Path.of(name));
        return new NotifySocket(name, address, AFUNIXDatagramChannel.open());
    }

    /** Sends {@code lines} ({@code READY=1}, {@code STATUS=…}) as one datagram; true if it went out. */
    public synchronized boolean send(String... lines) {
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (closed) {
            return false;
        }
        try {
            if (!socket.isOpen()) {
                // An interrupt during a send (the watchdog stopping) closes an NIO channel: the next sender opens anew.
                socket = AFUNIXDatagramChannel.open();
            }
            socket.send(ByteBuffer.wrap(bytes), address); // a datagram goes out whole or not at all
            if (failedBefore) {
                log.info("systemd notify socket {} answers again", name);
                failedBefore = false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            if (!failedBefore) {
                log.warn("systemd notify socket {}: {} (not sent: {})", name, e.toString(), lines[0]);
                failedBefore = true;
            }
            return false;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing the notify socket: {}", e.toString());
        }
    }
}
