package com.simkiosk.carrier.tmf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The kiosk's carrier HTTP transport (TMF/CAMARA here, the GBA bootstrapping client in
 * {@code com.simkiosk.carrier.gba}): one blocking exchange on the calling thread with the JDK's
 * {@link HttpURLConnection}, HTTP/1.1 with keep-alive, for {@code http://} (this machine only) and {@code https://}.
 *
 * <p>Why not {@code java.net.http}: its selector thread reads every answer and hands it to the waiting caller, two
 * threads to wake per answer (docs/benchmarks.md, issue 17); here the caller reads its own answer. HTTP/2 is given up;
 * the carriers' TMF/CAMARA APIs need nothing of it.
 *
 * <p>Bounds of one exchange, all ending at its deadline:
 * <ul>
 *   <li>connect: the endpoint's connect timeout or what is left, whichever is shorter ({@link ConnectTimeout} when
 *       the connect timeout was the shorter);</li>
 *   <li>every read: the socket's read timeout, set to what is left;</li>
 *   <li>headers and body as a whole: one shared sweep ({@link #SWEEP_EVERY}, scheduled only while an exchange is in
 *       flight, nothing per call) marks an exchange past its deadline, or whose caller was interrupted (Cancel), and
 *       {@code disconnect()}s it while it waits for headers. A blocked body read cannot be freed from another thread
 *       ({@code disconnect()} waits for the stream's lock, and socket reads are not interruptible on 17), so the
 *       caller reads the body itself in a way that stops: over {@code https://} the socket is a
 *       {@link SocketChannel}'s (an interrupt closes it); over {@code http://} a body with a length is read only as far
 *       as bytes are there, polling for {@link CappedBody#POLL_WINDOW} before it waits in a read.</li>
 * </ul>
 * Never sent again by the JDK: POST bodies use fixed-length streaming (the JDK then never resends them) and
 * {@code sun.net.http.retryPost=false} besides; a GET that met a stale keep-alive connection before a byte of its
 * answer may be resent once by the JDK (as {@code java.net.http} did). No redirects, no caches, the default
 * {@code ProxySelector}, default hostname verification.
 */
public final class HttpClients {
    static {
        // Both are read once by the JDK's HTTP classes; set here unless the operator set them. retryPost: a POST is
        // never resent by the JDK on a stale connection (our bodies are streamed, which the JDK never resends either).
        // remainingData=0: an answer abandoned part-way (deadline, Cancel, cap) closes its connection instead of
        // being drained by the JDK's cleaner thread, so the carrier sees the kiosk hang up.
        setUnlessSet("sun.net.http.retryPost", "false");
        setUnlessSet("http.KeepAlive.remainingData", "0");
    }

    private HttpClients() {}

    /** How often the deadline and Cancel sweep runs while exchanges are in flight. */
    public static final Duration SWEEP_EVERY = Duration.ofMillis(50);

    /**
     * Where and how to connect: connect timeout; for {@code https://}, the TLS socket factory (default if empty).
     * Built once per carrier client: the JDK reuses a kept-alive TLS connection only for the very same socket factory
     * object, so the factory is wrapped here once, not per exchange (else every call would be a new TLS handshake).
     */
    public record Settings(Duration connectTimeout, Optional<SSLSocketFactory> tls) {
        public Settings {
            tls = tls.map(f -> f instanceof ChannelSockets ? f : new ChannelSockets(f));
        }

        public static Settings plain(Duration connectTimeout) {
            return new Settings(connectTimeout, Optional.empty());
        }

        private SSLSocketFactory sockets() {
            return tls.orElseGet(DefaultTls::sockets);
        }
    }

    /** The JDK's default TLS context, wrapped once (see {@link Settings}). */
    private static final class DefaultTls {
        private static final ChannelSockets SOCKETS = new ChannelSockets(defaultTls());

        static SSLSocketFactory sockets() {
            return SOCKETS;
        }
    }

    /** One request: its address, method, headers (sent in this order) and body. */
    public record Request(URI uri, String method, Map<String, String> headers, Optional<byte[]> body) {}

    /** The answer: status, headers in the order received (names as sent), the whole body (at most the cap). */
    public record Response(int status, List<Map.Entry<String, String>> headerList, byte[] body) {
        /** The first value of a header, by name in any case. */
        public Optional<String> header(String name) {
            return headerList.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
        }

        /** Every value of a header, by name in any case. */
        public List<String> headers(String name) {
            return headerList.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
        }
    }

    /** The connection was not accepted within the connect timeout. */
    public static final class ConnectTimeout extends IOException {
        ConnectTimeout() {
            super("connection not accepted within the connect timeout");
        }
    }

    /**
     * One exchange, headers and whole body (through {@link CappedBody}'s cap), done by {@code deadlineNanos}
     * ({@link System#nanoTime()} scale).
     *
     * @throws ConnectTimeout          no connection within the connect timeout
     * @throws CappedBody.Late         not done by the deadline (the connection is closed)
     * @throws CappedBody.TooLarge     an answer above the cap (not read; the connection is closed)
     * @throws InterruptedException    the calling thread was interrupted (the connection is closed)
     * @throws IOException             refused, reset, cut off, TLS failure: the connection is gone
     */
    public static Response exchange(Settings settings, Request request, long deadlineNanos)
            throws IOException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("cancelled before the exchange");
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new CappedBody.Late();
        }
        HttpURLConnection c = (HttpURLConnection) request.uri().toURL().openConnection();
        boolean tls = c instanceof HttpsURLConnection;
        if (c instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(settings.sockets());
        }
        long connectNanos = Math.min(settings.connectTimeout().toNanos(), left);
        c.setConnectTimeout(millis(connectNanos));
        c.setReadTimeout(millis(left));
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setRequestMethod(request.method());
        request.headers().forEach(c::setRequestProperty);
        byte[] body = request.body().orElse(null);
        if (body != null) {
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
        }
        Flight flight = new Flight(c, Thread.currentThread(), deadlineNanos);
        board(flight);
        boolean done = false;
        try {
            try {
                c.connect();
            } catch (SocketTimeoutException e) {
                throw connectNanos < left && !flight.late ? new ConnectTimeout() : e;
            }
            if (body != null) {
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            if (!flight.phase.compareAndSet(Flight.HEADERS, Flight.BODY)) {
                throw new IOException("exchange stopped by the sweep");
            }
            if (status < 0) {
                throw new IOException("not an HTTP answer");
            }
            long declared = c.getContentLengthLong();
            if (declared > CappedBody.MAX_BODY_BYTES) {
                throw new CappedBody.TooLarge(CappedBody.MAX_BODY_BYTES);
            }
            List<Map.Entry<String, String>> headers = headers(c);
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            byte[] answer;
            if (in == null) {
                answer = new byte[0];
            } else {
                try (in) {
                    answer = CappedBody.read(in, declared, CappedBody.MAX_BODY_BYTES, flight::check, !tls, deadlineNanos);
                }
            }
            done = true;
            return new Response(status, headers, answer);
        } catch (IOException e) {
            throw flight.explain(e);
        } finally {
            FLIGHTS.remove(flight);
            if (!done) {
                c.disconnect(); // not read to the end: the connection is closed, never reused
            }
        }
    }

    /** Headers as received; index 0 is the status line (no name). */
    private static List<Map.Entry<String, String>> headers(HttpURLConnection c) {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        for (int i = 1; ; i++) {
            String name = c.getHeaderFieldKey(i);
            String value = c.getHeaderField(i);
            if (name == null && value == null) {
                return all;
            }
            if (name != null && value != null) {
                all.add(Map.entry(name, value));
            }
        }
    }

    /** Whether {@code failure} or one of its causes is a {@code type}. */
    public static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static int millis(long nanos) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999)));
    }

    private static SSLSocketFactory defaultTls() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    private static void setUnlessSet(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * One exchange in flight, as the sweep sees it. The sweep sets {@link #late} or {@link #cancelled} before it
     * disconnects, so a closed socket is told apart from a dropped connection.
     */
    static final class Flight {
        static final int HEADERS = 0;
        static final int BODY = 1;
        static final int STOPPED = 2;

        final HttpURLConnection connection;
        final Thread caller;
        final long deadline;
        final AtomicInteger phase = new AtomicInteger(HEADERS);
        volatile boolean late;
        volatile boolean cancelled;

        Flight(HttpURLConnection connection, Thread caller, long deadline) {
            this.connection = connection;
            this.caller = caller;
            this.deadline = deadline;
        }

        /** From the sweep: marks the exchange and, while it waits for headers, disconnects it. */
        void sweep(long now) {
            if (now - deadline >= 0) {
                late = true;
            } else if (caller.isInterrupted()) {
                cancelled = true;
            } else {
                return;
            }
            if (phase.compareAndSet(HEADERS, STOPPED)) {
                connection.disconnect(); // no stream yet: closes the socket, the caller's read fails at once
            }
            // reading the body: the caller checks (CappedBody), or its interrupt closes the socket (https)
        }

        /** From the calling thread while it reads the body. */
        void check() throws IOException, InterruptedException {
            if (cancelled || caller.isInterrupted()) {
                throw new InterruptedException("cancelled while reading the answer");
            }
            if (late || System.nanoTime() - deadline >= 0) {
                throw new CappedBody.Late();
            }
        }

        /** What a failed exchange means: Cancel, the deadline, or the failure itself. */
        IOException explain(IOException failure) throws InterruptedException {
            if (failure instanceof CappedBody.TooLarge || failure instanceof ConnectTimeout) {
                return failure;
            }
            if (cancelled || caller.isInterrupted()) {
                throw new InterruptedException("cancelled"); // the socket was closed for it (sweep or channel)
            }
            if (late || failure instanceof CappedBody.Late || failure instanceof SocketTimeoutException
                    || System.nanoTime() - deadline >= 0) {
                return failure instanceof CappedBody.Late ? failure : new CappedBody.Late();
            }
            return failure;
        }
    }

    /** Exchanges in flight, and whether the sweep is scheduled: only while there are any. */
    private static final Set<Flight> FLIGHTS = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean SWEEPING = new AtomicBoolean();

    private static void board(Flight flight) {
        FLIGHTS.add(flight);
        if (SWEEPING.compareAndSet(false, true)) {
            scheduleSweep();
        }
    }

    private static void scheduleSweep() {
        CompletableFuture.delayedExecutor(SWEEP_EVERY.toNanos(), TimeUnit.NANOSECONDS).execute(HttpClients::sweep);
    }

    private static void sweep() {
        long now = System.nanoTime();
        for (Flight flight : FLIGHTS) {
            flight.sweep(now);
        }
        if (!FLIGHTS.isEmpty()) {
            scheduleSweep();
            return;
        }
        SWEEPING.set(false);
        if (!FLIGHTS.isEmpty() && SWEEPING.compareAndSet(false, true)) {
            scheduleSweep(); // one came aboard while this sweep was ending
        }
    }

    /**
     * TLS sockets layered over a {@link SocketChannel}'s socket: an interrupt of the thread blocked in a read closes
     * the channel (a plain {@code Socket}'s read is not interruptible), so Cancel ends a TLS exchange at once, in any
     * phase, and the carrier sees the kiosk hang up.
     */
    private static final class ChannelSockets extends SSLSocketFactory {
        private final SSLSocketFactory tls;

        ChannelSockets(SSLSocketFactory tls) {
            this.tls = tls;
        }

        @Override
        public Socket createSocket() throws IOException {
            return SocketChannel.open().socket(); // unconnected; the JDK connects it, then layers TLS (below)
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return tls.createSocket(s, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return tls.createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return tls.createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return tls.createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return tls.createSocket(address, port, localAddress, localPort);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }

        @Override
        public String toString() {
            return "ChannelSockets[" + tls.getClass().getSimpleName().toLowerCase(Locale.ROOT) + "]";
        }
    }
}
