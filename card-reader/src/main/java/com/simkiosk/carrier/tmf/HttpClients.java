package com.simkiosk.carrier.tmf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
 *   <li>the whole exchange, headers and body: one shared sweep ({@link #SWEEP_EVERY}, ticking only while an
 *       exchange is in flight, one thread for the JVM, nothing per call) closes the socket of an exchange past its
 *       deadline, or whose caller was interrupted (Cancel), in any phase. A blocked socket read is freed neither by
 *       an interrupt on 17 nor by {@code disconnect()} from another thread (the stream's lock), but closing the socket
 *       itself frees it: the exchange's sockets come from {@link FlightSockets}, which report every connect, read and
 *       write of the calling thread to its {@link Flight}, so the sweep always knows the socket the exchange waits on,
 *       a kept-alive one included.</li>
 * </ul>
 * Never sent again by the JDK: POST bodies use fixed-length streaming (the JDK then never resends them) and
 * {@code sun.net.http.retryPost=false} besides; a GET that met a stale keep-alive connection before a byte of its
 * answer may be resent once by the JDK (as {@code java.net.http} did). No redirects, no caches, the default
 * {@code ProxySelector} for {@code https://} (plain {@code http://} is to this machine only: never proxied),
 * default hostname verification.
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
     * Made with {@link #of}, which knows the scheme.
     */
    public record Settings(Duration connectTimeout, Optional<SSLSocketFactory> tls) {
        public Settings {
            tls = tls.map(f -> f instanceof FlightSockets.Tls ? f : new FlightSockets.Tls(f));
        }

        /**
         * Settings for exchanges with {@code base} ({@code http://} or {@code https://}); {@code tls}: the endpoint's
         * own TLS socket factory, if it has a trust or key store. An {@code https://} client without one sets up the
         * JDK's default TLS context here, when the client is built (once per JVM, 0.3 s and more on a busy machine),
         * rather than inside its first call's deadline. Plain {@code http://} never needs it: its exchanges run on
         * clear-text sockets, and the JVM-wide default of the JDK's https connection class is deferred
         * ({@link FlightSockets}), so a plain-http client never sets up TLS.
         */
        public static Settings of(URI base, Duration connectTimeout, Optional<SSLSocketFactory> tls) {
            if (tls.isEmpty() && "https".equalsIgnoreCase(base.getScheme())) {
                DefaultTls.sockets();
            }
            return new Settings(connectTimeout, tls);
        }

        private SSLSocketFactory sockets() {
            return tls.orElseGet(DefaultTls::sockets);
        }
    }

    /** The JDK's default TLS context, wrapped once (see {@link Settings}). */
    private static final class DefaultTls {
        private static final SSLSocketFactory SOCKETS = new FlightSockets.Tls(defaultTls());

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
        HttpURLConnection c = "https".equalsIgnoreCase(request.uri().getScheme())
                ? FlightSockets.https(request.uri(), settings.sockets()) : FlightSockets.http(request.uri());
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
        Flight flight = new Flight(Thread.currentThread(), deadlineNanos);
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
            flight.check();
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
                    answer = CappedBody.read(in, declared, CappedBody.MAX_BODY_BYTES, flight::check);
                }
            }
            done = true;
            return new Response(status, headers, answer);
        } catch (IOException e) {
            throw flight.explain(e);
        } finally {
            land(flight);
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
     * One exchange in flight, as the sweep sees it: its caller, its deadline, and the socket it last used (set by
     * {@link FlightSockets} on the calling thread before every connect, read and write, so a socket reused from the
     * JDK's keep-alive cache is this exchange's as soon as it is touched).
     *
     * <p>The sweep may close that socket only while nothing read from it is on its way up ({@link #OPEN}: before the
     * first read, or while the caller waits in a connect, read or write). After a read returned bytes ({@link #HELD})
     * the JDK may complete the answer and put the connection back in its keep-alive cache; then the sweep only marks
     * the exchange ({@link #STOPPED}) and the caller stops at its next socket operation or check, and its
     * {@code disconnect()} closes the connection. So a socket the sweep closed is one whose answer was not complete,
     * which the JDK never caches: no later call is handed a socket closed by the sweep.
     */
    static final class Flight {
        static final int OPEN = 0;
        static final int HELD = 1;
        static final int STOPPED = 2;
        private static final ThreadLocal<Flight> CURRENT = new ThreadLocal<>();

        final Thread caller;
        final long deadline;
        private final AtomicInteger state = new AtomicInteger(OPEN);
        private volatile Socket socket;
        volatile boolean late;
        volatile boolean cancelled;

        Flight(Thread caller, long deadline) {
            this.caller = caller;
            this.deadline = deadline;
        }

        /** The exchange the calling thread is in, or null. */
        static Flight current() {
            return CURRENT.get();
        }

        /** One socket operation of the caller's exchange: it may block; a read's answer is {@code read}. */
        @FunctionalInterface
        interface Io {
            int run() throws IOException;
        }

        /**
         * From the calling thread: runs {@code op} on {@code s} as a part of this exchange. While it blocks the
         * sweep may close {@code s}; a read that returned holds the socket (not closed) until the next operation.
         */
        int io(Socket s, boolean read, Io op) throws IOException {
            socket = s;
            int before = open();
            int result;
            try {
                result = op.run();
            } catch (IOException | RuntimeException e) {
                state.compareAndSet(OPEN, before);
                throw e;
            }
            if (!state.compareAndSet(OPEN, read ? HELD : before)) {
                throw new IOException("exchange stopped by the sweep"); // the socket was closed under the operation
            }
            return result;
        }

        /** Makes the socket closable for the sweep; returns the state before, or fails when stopped or cancelled. */
        private int open() throws IOException {
            if (caller.isInterrupted()) {
                cancelled = true;
                stop();
            }
            for (;;) {
                int now = state.get();
                if (now == STOPPED) {
                    // About to use the socket for this exchange, so the JDK does not hold it idle in its cache:
                    // closed here too, so the carrier sees the hang-up whatever the JDK does with the failure.
                    close(socket);
                    throw new IOException("exchange stopped by the sweep");
                }
                if (now == OPEN || state.compareAndSet(HELD, OPEN)) {
                    return now;
                }
            }
        }

        /** From the sweep: marks a late or cancelled exchange and stops it. */
        void sweep(long now) {
            if (now - deadline >= 0) {
                late = true;
            } else if (caller.isInterrupted()) {
                cancelled = true;
            } else {
                return;
            }
            stop();
        }

        /** Closes the socket if the caller may be waiting on it; else the caller sees the stop at its next step. */
        private void stop() {
            if (state.compareAndSet(OPEN, STOPPED)) {
                close(socket); // read after the state: a socket the caller sets later sees STOPPED itself
            } else {
                state.compareAndSet(HELD, STOPPED);
            }
        }

        /** Closes {@code s}, which frees a connect, read or write blocked on it at once. */
        private static void close(Socket s) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closed anyway
                }
            }
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
                throw new InterruptedException("cancelled"); // the socket was closed for it (by the sweep or the caller)
            }
            if (late || failure instanceof CappedBody.Late || failure instanceof SocketTimeoutException
                    || System.nanoTime() - deadline >= 0) {
                return failure instanceof CappedBody.Late ? failure : new CappedBody.Late();
            }
            return failure;
        }
    }

    /**
     * Exchanges in flight, and the sweep: one daemon thread for the JVM, started with the first exchange, which ticks
     * every {@link #SWEEP_EVERY} while there are exchanges in flight and waits (parked, no tick) while there are none.
     * Its own thread rather than the JDK's delayed executor: on a two-core machine that executor starts a new thread
     * for every task (the common pool has one worker), i.e. twenty a second while a call waits; and a tick must not
     * queue behind other work in a shared pool, since it is what ends a silent exchange.
     */
    private static final Set<Flight> FLIGHTS = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean SWEEP_IDLE = new AtomicBoolean();
    private static volatile Thread sweeper;

    private static void board(Flight flight) {
        Flight.CURRENT.set(flight);
        FLIGHTS.add(flight);
        Thread sweep = sweeper;
        if (sweep == null) {
            sweep = startSweeper();
        }
        if (SWEEP_IDLE.get()) {
            LockSupport.unpark(sweep); // only when it waits: no wake-up per call while it ticks
        }
    }

    private static void land(Flight flight) {
        FLIGHTS.remove(flight);
        Flight.CURRENT.remove();
    }

    private static synchronized Thread startSweeper() {
        if (sweeper == null) {
            Thread sweep = new Thread(HttpClients::sweep, "carrier-transport-sweep");
            sweep.setDaemon(true);
            sweep.start();
            sweeper = sweep;
        }
        return sweeper;
    }

    private static void sweep() {
        for (;;) {
            if (FLIGHTS.isEmpty()) {
                SWEEP_IDLE.set(true);
                if (FLIGHTS.isEmpty()) { // checked again after the flag: an exchange boarding now unparks
                    LockSupport.park();
                }
                SWEEP_IDLE.set(false);
                continue;
            }
            LockSupport.parkNanos(SWEEP_EVERY.toNanos());
            long now = System.nanoTime();
            for (Flight flight : FLIGHTS) {
                flight.sweep(now);
            }
        }
    }
}
