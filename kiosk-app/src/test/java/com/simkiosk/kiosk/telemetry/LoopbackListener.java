package com.simkiosk.kiosk.telemetry;

import com.simkiosk.kiosk.config.TelemetryConfig;
import com.simkiosk.testing.TestTime;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test's own broker socket on 127.0.0.1 (a broker that never answers, or a scripted one), the plain-tcp settings
 * that reach it, and every connection it took; closing it closes them all.
 */
final class LoopbackListener implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> taken = new CopyOnWriteArrayList<>();

    LoopbackListener() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }

    /** tcp:// to this socket, no credentials, keep-alive 60 s, health every 30 s, 10 events queued. */
    TelemetryConfig.Mqtt settings() {
        return new TelemetryConfig.Mqtt(URI.create("tcp://127.0.0.1:" + port()), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(60), Duration.ofSeconds(30), 10);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next connection, its reads bounded by {@code readBound} (scaled for a busy machine). */
    Socket accept(Duration readBound) throws IOException {
        Socket s = server.accept();
        s.setSoTimeout((int) TestTime.bound(readBound).toMillis());
        taken.add(s);
        return s;
    }

    /** The connections taken so far, in order. */
    List<Socket> taken() {
        return taken;
    }

    boolean isClosed() {
        return server.isClosed();
    }

    /** Reads what is left until the peer hangs up (true: closed or reset) or the socket's read bound passes (false). */
    static boolean hungUp(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // what the peer still sends is not looked at
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : taken) {
            s.close();
        }
    }
}
