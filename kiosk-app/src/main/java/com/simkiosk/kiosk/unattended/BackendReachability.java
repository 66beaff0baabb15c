package com.simkiosk.kiosk.unattended;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Whether any configured back end can be reached at all: a TCP connection to its address within a bound, nothing
 * sent. Calls only show a carrier's health while customers make them; an out-of-service kiosk has none, so this is
 * how it notices that the network (or the carrier) is back. A back end that accepts connections but answers errors
 * counts as reachable: the screens handle that per call.
 */
public final class BackendReachability {
    private final List<URI> backends;
    private final Duration connectBound;

    public BackendReachability(List<URI> backends, Duration connectBound) {
        this.backends = List.copyOf(backends);
        this.connectBound = connectBound;
    }

    /** True if one back end accepts a connection (or none is configured). Blocks up to the bound per back end. */
    public boolean anyReachable() {
        if (backends.isEmpty()) {
            return true;
        }
        for (URI uri : backends) {
            int port = uri.getPort() >= 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), port), (int) connectBound.toMillis());
                return true;
            } catch (IOException e) {
                // the next one, perhaps
            }
        }
        return false;
    }
}
