package com.simkiosk.carrier.tmf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A response body read into memory, but never more than a cap: a carrier (or anything pretending to be one)
 * that sends a huge or endless body gets its stream cancelled at the cap, not the kiosk's heap filled.
 * A {@code Content-Length} above the cap is refused before a byte is read. Public for the other HTTP clients of
 * the kiosk (the GBA bootstrapping client, {@code com.simkiosk.carrier.gba}), so every carrier answer has one cap.
 *
 * <p>With a deadline ({@link #handler(long, long)}), a body that is not complete by then fails with {@link Late} and
 * its stream is cancelled (the connection is not reused): {@code HttpClient}'s own request timeout stops at the
 * headers, so this is what bounds a synchronous {@code send} whose body stalls. One sweep on the JDK's shared
 * {@code CompletableFuture} delay thread checks every such body, due at the earliest deadline.
 */
public final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** Thrown (as the body's failure) when the body would pass the cap. */
    public static final class TooLarge extends IOException {
        TooLarge(long cap) {
            super("response body larger than " + cap + " bytes");
        }
    }

    /** Thrown (as the body's failure) when the body is not complete by the exchange's deadline. */
    public static final class Late extends IOException {
        Late() {
            super("response body not complete by the deadline");
        }
    }

    private final long cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;

    /** The cap of every carrier answer the kiosk reads: 1 MiB (answers for one line are a few kB). */
    public static final long MAX_BODY_BYTES = 1L << 20;

    private CappedBody(long cap) {
        this.cap = cap;
    }

    /** A body handler that reads at most {@code cap} bytes. */
    public static HttpResponse.BodyHandler<byte[]> handler(long cap) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > cap) {
                return refuse(cap);
            }
            return new CappedBody(cap);
        };
    }

    /**
     * A body handler that reads at most {@code cap} bytes and fails with {@link Late} when the body is not complete
     * at {@code deadlineNanos} ({@link System#nanoTime()} scale).
     */
    public static HttpResponse.BodyHandler<byte[]> handler(long cap, long deadlineNanos) {
        HttpResponse.BodyHandler<byte[]> capped = handler(cap);
        return info -> {
            HttpResponse.BodySubscriber<byte[]> body = capped.apply(info);
            if (body instanceof CappedBody c) {
                c.failAt(deadlineNanos);
            }
            return body;
        };
    }

    /**
     * Bodies being read with a deadline, and when the one sweep that checks them is due: one timer for all, set
     * again only when a deadline comes before it. Each call's deadline is later than the last one's, so a stream of
     * calls schedules nothing (no timer wake-up per call, which on a busy 2-core machine is a wait for a CPU); an
     * idle kiosk has no sweep due.
     */
    private static final Set<CappedBody> READING = ConcurrentHashMap.newKeySet();
    private static final AtomicLong SWEEP_AT = new AtomicLong(Long.MAX_VALUE);
    private volatile long deadlineNanos;

    /** Arms the deadline; the body leaves the sweep's set when it completes either way. */
    private void failAt(long deadline) {
        deadlineNanos = deadline;
        if (deadline - System.nanoTime() <= 0) {
            late();
            return;
        }
        READING.add(this);
        result.whenComplete((body, failure) -> READING.remove(this));
        sweepBy(deadline);
    }

    /** Makes sure a sweep runs no later than {@code at}. */
    private static void sweepBy(long at) {
        for (;;) {
            long due = SWEEP_AT.get();
            if (due != Long.MAX_VALUE && due - at <= 0) {
                return;
            }
            if (SWEEP_AT.compareAndSet(due, at)) {
                CompletableFuture.delayedExecutor(Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS)
                        .execute(CappedBody::sweep);
                return;
            }
        }
    }

    /** Fails the bodies past their deadline and sets the next sweep for the earliest of the others. */
    private static void sweep() {
        SWEEP_AT.set(Long.MAX_VALUE);
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        boolean more = false;
        for (CappedBody body : READING) {
            long deadline = body.deadlineNanos;
            if (deadline - now <= 0) {
                body.late();
            } else if (!more || deadline - next < 0) {
                next = deadline;
                more = true;
            }
        }
        if (more) {
            sweepBy(next);
        }
    }

    private void late() {
        if (result.completeExceptionally(new Late())) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** A subscriber that fails at once and cancels the stream. */
    private static HttpResponse.BodySubscriber<byte[]> refuse(long cap) {
        CappedBody body = new CappedBody(cap);
        body.result.completeExceptionally(new TooLarge(cap));
        return body;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            if (bytes.size() + (long) n > cap) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(cap));
                return;
            }
            byte[] chunk = new byte[n];
            buffer.get(chunk);
            bytes.write(chunk, 0, n);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
