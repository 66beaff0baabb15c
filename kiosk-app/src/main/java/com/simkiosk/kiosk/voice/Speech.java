package com.simkiosk.kiosk.voice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Rendered speech: 16-bit signed little-endian mono PCM at {@code sampleRate}. Read from and written to WAV; knows
 * its length and loudness (the voice checks measure both).
 */
public record Speech(int sampleRate, byte[] pcm) {

    public Speech {
        if (sampleRate <= 0 || pcm.length % 2 != 0) {
            throw new IllegalArgumentException("16-bit mono PCM with a positive sample rate");
        }
    }

    public AudioFormat format() {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }

    public Duration duration() {
        return Duration.ofNanos(pcm.length / 2 * 1_000_000_000L / sampleRate);
    }

    /** Root mean square of the samples, 0 (silence) to 1 (full scale). */
    public double rms() {
        ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        int n = pcm.length / 2;
        if (n == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = b.getShort() / 32768.0;
            sum += s * s;
        }
        return Math.sqrt(sum / n);
    }

    /** The same speech at {@code gain} (0 to 1), for the volume keys. */
    public Speech scaled(double gain) {
        if (gain >= 1.0) {
            return this;
        }
        ByteBuffer in = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            out.putShort((short) Math.round(in.getShort() * Math.max(0, gain)));
        }
        return new Speech(sampleRate, out.array());
    }

    public byte[] toWav() {
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format(), pcm.length / 2)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length + 44);
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing WAV to memory", e);
        }
    }

    /**
     * WAV of 8-bit μ-law at the same rate: half the bytes, the telephone network's coding of speech (about 13 bits of
     * dynamic range where speech lives), converted by Java Sound's own codec. For the cache of fixed prompts.
     */
    public byte[] toUlawWav() {
        AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, sampleRate, 8, 1, 1, sampleRate, false);
        try (AudioInputStream pcmIn = new AudioInputStream(new ByteArrayInputStream(pcm), format(), pcm.length / 2);
             AudioInputStream in = AudioSystem.getAudioInputStream(ulaw, pcmIn)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length / 2 + 64);
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing μ-law WAV to memory", e);
        }
    }

    /**
     * The same speech with silence at its ends shortened to at most {@code leading} and {@code trailing} (espeak-ng
     * ends a sentence with about 400 ms of silence; a pause between sentences needs less).
     */
    public Speech trimmed(Duration leading, Duration trailing) {
        ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        int n = pcm.length / 2;
        int first = 0;
        while (first < n && Math.abs(b.getShort(first * 2)) < SILENCE) {
            first++;
        }
        if (first == n) {
            return this;
        }
        int last = n - 1;
        while (last > first && Math.abs(b.getShort(last * 2)) < SILENCE) {
            last--;
        }
        int from = Math.max(0, first - samples(leading));
        int to = Math.min(n, last + 1 + samples(trailing));
        if (from == 0 && to == n) {
            return this;
        }
        byte[] out = new byte[(to - from) * 2];
        System.arraycopy(pcm, from * 2, out, 0, out.length);
        return new Speech(sampleRate, out);
    }

    /** Below this a sample counts as silence (about -40 dBFS). */
    private static final int SILENCE = 300;

    private int samples(Duration d) {
        return (int) (d.toNanos() * sampleRate / 1_000_000_000L);
    }

    /**
     * Reads a WAV of 16-bit mono PCM (or μ-law, as the cache stores it). The header's lengths are ignored: espeak-ng writing to a pipe cannot seek
     * back to fill them in, so the data runs to the end of the stream.
     */
    public static Speech fromWav(byte[] wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException("not a WAV file");
        }
        int pos = 12;
        int rate = 0;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (id == 0x20746d66) { // "fmt "
                int channels = b.getShort(pos + 10);
                rate = b.getInt(pos + 12);
                int bits = b.getShort(pos + 22);
                if (b.getShort(pos + 8) == 7 && channels == 1 && bits == 8) {
                    return fromCodedWav(wav);
                }
                if (b.getShort(pos + 8) != 1 || channels != 1 || bits != 16) {
                    throw new IOException("not 16-bit mono PCM");
                }
            } else if (id == 0x61746164) { // "data"
                if (rate == 0) {
                    throw new IOException("WAV data before its format");
                }
                int start = pos + 8;
                int end = size > 0 && start + (long) size <= wav.length ? start + size : wav.length;
                end -= (end - start) % 2;
                byte[] pcm = new byte[end - start];
                System.arraycopy(wav, start, pcm, 0, pcm.length);
                return new Speech(rate, pcm);
            }
            if (size < 0) {
                break;
            }
            pos += 8 + size + (size % 2);
        }
        throw new IOException("WAV without data");
    }

    /** A μ-law WAV through Java Sound's codec, to 16-bit PCM. */
    private static Speech fromCodedWav(byte[] wav) throws IOException {
        try (AudioInputStream coded = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat f = coded.getFormat();
            AudioFormat pcm = new AudioFormat(f.getSampleRate(), 16, 1, true, false);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(pcm, coded)) {
                return new Speech(Math.round(f.getSampleRate()), in.readAllBytes());
            }
        } catch (javax.sound.sampled.UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException("unreadable μ-law WAV: " + e.getMessage(), e);
        }
    }

    public static Speech fromWav(InputStream in) throws IOException {
        return fromWav(in.readAllBytes());
    }
}
