package com.simkiosk.kiosk.voice;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.Control;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.SourceDataLine;

/**
 * An output line that sounds nowhere and takes the bytes at once: for the voice benchmark and {@code voice-check} on
 * a machine without a sound device, where what is measured is the kiosk's part (rendering, queueing) up to the line.
 * Counts the bytes written.
 */
public final class SilentLine implements SourceDataLine {
    private final AudioFormat format;
    private volatile long written;
    private volatile boolean open = true;
    private volatile boolean running;

    public SilentLine(AudioFormat format) {
        this.format = format;
    }

    public static VoicePlayer.LineProvider provider() {
        return SilentLine::new;
    }

    public long written() {
        return written;
    }

    @Override
    public void open(AudioFormat f, int bufferSize) {
        open = true;
    }

    @Override
    public void open(AudioFormat f) {
        open = true;
    }

    @Override
    public int write(byte[] b, int off, int len) {
        written += len;
        return len;
    }

    @Override
    public void drain() {}

    @Override
    public void flush() {}

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isActive() {
        return running;
    }

    @Override
    public AudioFormat getFormat() {
        return format;
    }

    @Override
    public int getBufferSize() {
        return 4096;
    }

    @Override
    public int available() {
        return 4096;
    }

    @Override
    public int getFramePosition() {
        return (int) (written / 2);
    }

    @Override
    public long getLongFramePosition() {
        return written / 2;
    }

    @Override
    public long getMicrosecondPosition() {
        return written / 2 * 1_000_000L / (long) format.getSampleRate();
    }

    @Override
    public float getLevel() {
        return javax.sound.sampled.AudioSystem.NOT_SPECIFIED;
    }

    @Override
    public Line.Info getLineInfo() {
        return new Line.Info(SourceDataLine.class);
    }

    @Override
    public void open() {
        open = true;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Control[] getControls() {
        return new Control[0];
    }

    @Override
    public boolean isControlSupported(Control.Type control) {
        return false;
    }

    @Override
    public Control getControl(Control.Type control) {
        throw new IllegalArgumentException("no controls");
    }

    @Override
    public void addLineListener(LineListener listener) {}

    @Override
    public void removeLineListener(LineListener listener) {}
}
