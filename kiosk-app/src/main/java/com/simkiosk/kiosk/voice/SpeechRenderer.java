package com.simkiosk.kiosk.voice;

import com.simkiosk.kiosk.flow.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the utterances of a screen into pieces to play, so that a sentence with figures starts at once:
 * <ul>
 *   <li>a fixed sentence is one piece, from the cache (or the engine, then cached);</li>
 *   <li>a sentence with figures is its <em>lead</em> — the fixed words before the first figure ("のこりの データは、"),
 *       a pre-rendered piece like any fixed prompt — then the <em>rest</em> (figures and what follows), which the
 *       engine renders as one phrase (natural prosody, the language's own sound changes) on the
 *       {@code voice-figures} threads, started when the screen is shown, in parallel with everything before it.</li>
 * </ul>
 * The rest is personal (a balance, a price): it is held in memory only until it is played, never cached or written
 * anywhere, and dropped when a newer screen takes over.
 */
public final class SpeechRenderer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SpeechRenderer.class);
    /** Key of the figures' part of a sentence whose lead was played first under the sentence's own key. */
    public static final String FIGURES = "/figures";

    /** One piece to play: the first piece of a sentence carries the sentence's key. */
    public record Piece(String key, Supplier<Optional<Speech>> speech) {}

    /** The pieces of one run of sentences; {@link #drop()} forgets its figures not yet played (a newer screen). */
    public final class Batch {
        private final List<Piece> pieces;
        private final List<CompletableFuture<Optional<Speech>>> figures;

        private Batch(List<Piece> pieces, List<CompletableFuture<Optional<Speech>>> figures) {
            this.pieces = List.copyOf(pieces);
            this.figures = List.copyOf(figures);
        }

        public List<Piece> pieces() {
            return pieces;
        }

        public void drop() {
            for (CompletableFuture<Optional<Speech>> f : figures) {
                f.complete(Optional.empty());
                pending.remove(f);
            }
        }
    }

    private record Job(CompletableFuture<Optional<Speech>> result, Runnable work) implements Runnable {
        @Override
        public void run() {
            work.run();
        }
    }

    private final SpeechEngine engine;
    private final SpeechCache cache;
    private final Duration bound;
    private final ThreadPoolExecutor figures;
    private final ConcurrentLinkedQueue<CompletableFuture<Optional<Speech>>> pending = new ConcurrentLinkedQueue<>();

    public SpeechRenderer(SpeechEngine engine, SpeechCache cache, Duration bound) {
        this.engine = engine;
        this.cache = cache;
        this.bound = bound;
        // Two threads (one per core of a small kiosk PC), a short queue; a full queue drops the oldest job and
        // answers it empty, so nothing waits for a job that will never run.
        this.figures = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16), r -> {
            Thread t = new Thread(r, "voice-figures");
            t.setDaemon(true);
            return t;
        }, (r, pool) -> {
            Runnable oldest = pool.getQueue().poll();
            if (oldest instanceof Job j) {
                j.result().complete(Optional.empty());
            }
            pool.execute(r);
        });
    }

    /**
     * The pieces of {@code utterances} in order. The figures' parts start rendering now; the rest of the work is done
     * when each piece's speech is asked for (on the caller's synthesis thread). Figures still pending from an earlier
     * screen are dropped. {@code stale} tells a piece not yet rendered that a newer screen took over.
     */
    public Batch prepare(List<Utterance> utterances, Language language, BooleanSupplier stale) {
        dropPending();
        List<Piece> pieces = new ArrayList<>();
        List<CompletableFuture<Optional<Speech>>> futures = new ArrayList<>();
        for (Utterance u : utterances) {
            if (u.cacheable()) {
                pieces.add(new Piece(u.key(), () -> fixed(u, language)));
                continue;
            }
            CompletableFuture<Optional<Speech>> rest = renderLater(u.rest(), u.key(), language, stale);
            futures.add(rest);
            Optional<Utterance> lead = u.leadPiece();
            lead.ifPresent(l -> pieces.add(new Piece(u.key(), () -> fixed(l, language))));
            pieces.add(new Piece(lead.isPresent() ? u.key() + FIGURES : u.key(), () -> await(rest, u.key(), stale)));
        }
        return new Batch(pieces, futures);
    }

    /** A fixed prompt or piece: from the cache, else rendered now and cached. */
    public Optional<Speech> fixed(Utterance u, Language language) {
        Optional<Speech> cached = cache.get(u, language);
        if (cached.isPresent()) {
            return cached;
        }
        try {
            Speech s = engine.render(u.text(), language, bound);
            cache.put(u, language, s);
            return Optional.of(s);
        } catch (SpeechException e) {
            log.warn("voice prompt {} not spoken: {}", u.key(), e.getMessage());
            return Optional.empty();
        }
    }

    private CompletableFuture<Optional<Speech>> renderLater(String text, String key, Language language, BooleanSupplier stale) {
        CompletableFuture<Optional<Speech>> result = new CompletableFuture<>();
        pending.add(result);
        figures.execute(new Job(result, () -> {
            if (result.isDone() || stale.getAsBoolean()) {
                result.complete(Optional.empty());
                return;
            }
            try {
                Speech speech = engine.render(text, language, bound);
                result.complete(stale.getAsBoolean() ? Optional.empty() : Optional.of(speech));
            } catch (SpeechException e) {
                if (!stale.getAsBoolean() && !figures.isShutdown()) { // not merely a newer screen or the kiosk closing
                    log.warn("voice figures of {} not spoken: {}", key, e.getMessage());
                }
                result.complete(Optional.empty());
            } catch (RuntimeException e) {
                result.complete(Optional.empty());
                throw e;
            }
        }));
        return result;
    }

    private Optional<Speech> await(CompletableFuture<Optional<Speech>> rest, String key, BooleanSupplier stale) {
        try {
            return stale.getAsBoolean() ? Optional.empty() : rest.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn("voice figures of {} not ready within {} ms", key, bound.toMillis());
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            pending.remove(rest);
        }
    }

    /** Figures of an earlier screen (or session) that were not played: answered empty, and forgotten. */
    public void dropPending() {
        CompletableFuture<Optional<Speech>> f;
        while ((f = pending.poll()) != null) {
            f.complete(Optional.empty());
        }
    }

    @Override
    public void close() {
        dropPending();
        figures.shutdownNow();
    }
}
