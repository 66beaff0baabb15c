package com.simkiosk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A "carrier" on a raw {@link ServerSocket} on 127.0.0.1 that misbehaves below HTTP's level, where a well-behaved
 * test server cannot: it hands out OAuth tokens like a real one, and answers every other request with headers
 * and then a body that stalls half-way, never ends, or declares a size no kiosk should read. Counts the
 * connections the client gave up on (closed from its side), so a test can see that the kiosk hung up.
 */
public final class HostileCarrier implements AutoCloseable {

    public enum Behaviour {
        /** {@code Content-Length: 4096}, 100 bytes of JSON, then silence with the connection open. */
        STALLED_BODY,
        /** Chunked, one chunk after another, forever (as fast as the client reads). */
        ENDLESS_BODY,
        /** {@code Content-Length: 300000000}, then the same endless bytes. */
        HUGE_BODY
    }

    private static final byte[] TOKEN = ("{\"access_token\":\"hostile-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
            .getBytes(StandardCharsets.US_ASCII);

    private final Behaviour behaviour;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger hungUp = new AtomicInteger();
    private volatile boolean running = true;

    public HostileCarrier(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "hostile-carrier-" + behaviour);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Requests for anything but a token. */
    public int requests() {
        return requests.get();
    }

    /** Connections the client closed while this server was stalling or streaming. */
    public int hungUp() {
        return hungUp.get();
    }

    private void accept() {
        while (running) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread t = new Thread(() -> serve(socket), "hostile-carrier-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (running) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                skipBody(in, head);
                if (head.startsWith("POST /oauth2/token")) {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + TOKEN.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(TOKEN);
                    out.flush();
                    continue;
                }
                requests.incrementAndGet();
                misbehave(in, out);
                return;
            }
        } catch (IOException e) {
            if (running) {
                hungUp.incrementAndGet(); // a write to a socket the client closed
            }
        } finally {
            open.remove(socket);
        }
    }

    private void misbehave(InputStream in, OutputStream out) throws IOException {
        switch (behaviour) {
            case STALLED_BODY -> {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] part = new byte[100];
                Arrays.fill(part, (byte) ' ');
                part[0] = '[';
                out.write(part);
                out.flush();
                // Silence: the next thing that happens is the client hanging up (read returns -1) or close().
                if (in.read() < 0 && running) {
                    hungUp.incrementAndGet();
                }
            }
            case ENDLESS_BODY -> {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = filler(8192);
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                while (running) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            case HUGE_BODY -> {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 300000000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = filler(8192);
                while (running) {
                    out.write(chunk);
                }
            }
        }
    }

    private static byte[] filler(int n) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '[';
        return bytes;
    }

    /** The request line and headers, or null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                return head.toString();
            }
            if (head.length() > 64 * 1024) {
                throw new IOException("request head too long");
            }
        }
        return null;
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                long n = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                in.readNBytes((int) Math.min(n, 1 << 20));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : new ArrayList<>(open)) {
            try {
                socket.close();
            } catch (SocketException ignored) {
                // already closed
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
