package com.simkiosk.kiosk.voice;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays speech on its own thread ({@code voice-player}) from a bounded queue: a full queue drops the newest, never
 * blocks the caller. {@link #interrupt()} starts a new generation: what is queued is dropped and what is playing
 * stops within one 50 ms chunk. No sound device is reported once to {@code onProblem} (a maintenance warning) and
 * the speech is dropped; the kiosk goes on silent.
 */
public final class VoicePlayer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VoicePlayer.class);
    static final int QUEUE = 16;

    /** Opens an output line for a format; Java Sound in a kiosk, a failing or recording one in tests. */
    public interface LineProvider {
        SourceDataLine open(AudioFormat format) throws LineUnavailableException;
    }

    /** Told when a speech starts to sound, with the time it was queued (the benchmark's measure). */
    public interface Listener {
        void started(String key, long queuedNanos, long startedNanos);

        /** The same, with the speech's length (the benchmark works out when a piece is due after those before it). */
        default void started(String key, long queuedNanos, long startedNanos, java.time.Duration length) {
            started(key, queuedNanos, startedNanos);
        }
    }

    record Item(String key, Speech speech, long generation, long queuedNanos) {}

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong generation = new AtomicLong();
    private final LineProvider lines;
    private final Consumer<String> onProblem;
    private final Thread thread;
    private volatile Listener listener = (k, q, s) -> {};
    private volatile Optional<String> problem = Optional.empty();
    private volatile boolean closed;
    private SourceDataLine line;
    private AudioFormat lineFormat;

    public VoicePlayer(LineProvider lines, Consumer<String> onProblem) {
        this.lines = lines;
        this.onProblem = onProblem;
        this.thread = new Thread(this::run, "voice-player");
        thread.setDaemon(true);
        thread.start();
    }

    /** The machine's default output through Java Sound. */
    public static LineProvider javaSound() {
        return format -> {
            SourceDataLine l = AudioSystem.getSourceDataLine(format);
            l.open(format, (int) format.getFrameRate() / 5 * format.getFrameSize()); // 200 ms of buffer
            return l;
        };
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** Drops what is queued and stops what is playing; returns the new generation for what follows. */
    public long interrupt() {
        long g = generation.incrementAndGet();
        queue.clear();
        return g;
    }

    public long generation() {
        return generation.get();
    }

    /** Queues speech of {@code generation} (stale speech is skipped); false when the queue is full. */
    public boolean play(String key, Speech speech, long generation) {
        boolean queued = queue.offer(new Item(key, speech, generation, System.nanoTime()));
        if (!queued) {
            log.warn("voice queue full: {} dropped", key);
        }
        return queued;
    }

    /** Why the kiosk cannot sound (no device), if so. */
    public Optional<String> problem() {
        return problem;
    }

    private void run() {
        while (!closed) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item.generation() != generation.get()) {
                continue;
            }
            try {
                playOne(item);
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                if (problem.isEmpty()) {
                    problem = Optional.of("no sound device for voice guidance: " + e.getMessage());
                    log.warn("{}", problem.get());
                    onProblem.accept(problem.get());
                }
            } catch (RuntimeException e) {
                log.warn("voice playback failed: {}", e.toString());
            }
        }
    }

    private void playOne(Item item) throws LineUnavailableException {
        Speech s = item.speech();
        AudioFormat format = s.format();
        if (line == null || !format.matches(lineFormat)) {
            closeLine();
            line = lines.open(format);
            lineFormat = format;
        }
        problem = Optional.empty();
        line.start();
        listener.started(item.key(), item.queuedNanos(), System.nanoTime(), s.duration());
        byte[] pcm = s.pcm();
        int chunk = Math.max(2, (int) format.getFrameRate() / 20 * 2); // 50 ms
        for (int at = 0; at < pcm.length; at += chunk) {
            if (item.generation() != generation.get() || closed) {
                line.stop();
                line.flush();
                return;
            }
            line.write(pcm, at, Math.min(chunk, pcm.length - at));
        }
        if (queue.isEmpty()) {
            line.drain();
        }
    }

    private void closeLine() {
        if (line != null) {
            line.close();
            line = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        interrupt();
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeLine();
    }
}
