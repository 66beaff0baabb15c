package com.simkiosk.carrier.tmf;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the kiosk's carrier HTTP clients (TMF/CAMARA here, the GBA bootstrapping client in
 * {@code com.simkiosk.carrier.gba}) set up the same way: the client's executor and protocol for plain HTTP and TLS,
 * looking through a failed {@code send}'s causes, and stopping the client's selector thread.
 */
public final class HttpClients {
    private HttpClients() {}

    /** A cached pool of daemon threads named {@code <prefix>N} over TLS; none over plain HTTP. */
    public static Optional<ExecutorService> pool(boolean tls, String threadPrefix) {
        if (!tls) {
            return Optional.empty();
        }
        AtomicInteger threads = new AtomicInteger();
        return Optional.of(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadPrefix + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * A builder with the connect timeout, no redirects, and {@code pool} as executor (or, without one, the
     * selector thread itself).
     */
    public static HttpClient.Builder builder(boolean tls, Duration connectTimeout, Optional<ExecutorService> pool) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Over plain HTTP/1.1 the selector thread parses the answer itself (what it hands on is a few
                // non-blocking steps and CappedBody): each hand-over to a pool thread is a wake-up, and on a busy
                // 2-core machine a wait for a CPU, per answer. Over TLS, handshake work and HTTP/2 keep the pool.
                .executor(pool.<Executor>map(e -> e).orElse(Runnable::run))
                // Plain http is loopback/test only: no h2c upgrade dance. Over TLS, HTTP/2 is negotiated by ALPN.
                .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
    }

    /** Whether {@code failure} or one of its causes is a {@code type} ({@code send} wraps most failures). */
    public static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's selector thread ends only with the client: JDK 21+ can stop it now ({@code shutdownNow}),
     * JDK 17 once the client is unreachable. Reflection because the build targets 17.
     */
    public static void stopSelector(HttpClient client) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(client);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JDK 17: nothing to call; the thread ends after the client is garbage-collected
        }
    }
}
