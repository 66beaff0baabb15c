package com.simkiosk.kiosk.voice;

import com.simkiosk.kiosk.flow.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Debian's espeak-ng, one process per text: {@code espeak-ng -v <voice> --stdout}, the text on standard input (never
 * on the command line, where {@code ps} would show it), WAV on standard output. A process that overruns its bound
 * is killed. Voices: Japanese reads kana (kanji would come out as "Chinese letter"), Mandarin reads pinyin with tone
 * digits ({@code cmn-latn-pinyin}; the plain {@code cmn} voice reads Latin letters as English), Korean reads hangul.
 */
public final class EspeakEngine implements SpeechEngine {
    static final Map<Language, String> VOICES = Map.of(
            Language.JA, "ja",
            Language.EN, "en-us",
            Language.ZH_HANS, "cmn-latn-pinyin",
            Language.ZH_HANT, "cmn-latn-pinyin",
            Language.KO, "ko");

    /** Words per minute: slower than espeak's 175 for older customers and for a noisy shop. */
    static final int SPEED = 150;

    private final String command;

    public EspeakEngine() {
        this("espeak-ng");
    }

    /** {@code command}: the program to run (a test gives one that hangs or fails). */
    public EspeakEngine(String command) {
        this.command = command;
    }

    @Override
    public String id() {
        return "espeak-ng speed " + SPEED + " " + String.join(",", List.of(Language.values()).stream().map(VOICES::get).toList());
    }

    @Override
    public Speech render(String text, Language language, Duration bound) throws SpeechException {
        long deadline = System.nanoTime() + bound.toNanos();
        Process process;
        try {
            process = new ProcessBuilder(command, "-v", VOICES.get(language), "-s", String.valueOf(SPEED), "--stdout")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new SpeechException(command + " cannot be started (is the espeak-ng package installed?)", e);
        }
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                    r -> daemon("voice-espeak-out", r));
            try (OutputStream in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            byte[] wav = out.get(remaining(deadline), TimeUnit.NANOSECONDS);
            if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
                throw new SpeechException(command + " did not finish within " + bound.toMillis() + " ms");
            }
            if (process.exitValue() != 0) {
                throw new SpeechException(command + " failed with exit code " + process.exitValue());
            }
            return Speech.fromWav(wav);
        } catch (TimeoutException e) {
            throw new SpeechException(command + " did not finish within " + bound.toMillis() + " ms");
        } catch (IOException | ExecutionException e) {
            throw new SpeechException(command + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException("interrupted");
        } finally {
            process.destroyForcibly();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
