package com.simkiosk.card.serial;

import com.simkiosk.serial.SerialLink;
import com.simkiosk.serial.SerialLinkException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/** An in-memory serial line for unit tests: each command written gets the bytes {@code answer} returns. */
final class FakeModemLink implements SerialLink {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Byte> incoming = new ArrayDeque<>();
    private final Function<String, String> answer;
    private final StringBuilder written = new StringBuilder();
    final List<String> commands = new ArrayList<>();
    private volatile boolean gone;
    private volatile int chunk = Integer.MAX_VALUE;

    FakeModemLink(Function<String, String> answer) {
        this.answer = answer;
    }

    /** Bytes the "modem" sends on its own (URCs, noise). */
    void inject(String raw) {
        inject(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    void inject(byte[] raw) {
        lock.lock();
        try {
            for (byte b : raw) {
                incoming.add(b);
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Deliver at most {@code bytes} per read, as a slow line does. */
    FakeModemLink trickle(int bytes) {
        chunk = bytes;
        return this;
    }

    void vanish() {
        gone = true;
    }

    @Override
    public String name() {
        return "/dev/fake";
    }

    /** A command ends at CR; the text typed after an {@code AT+CMGS} prompt ends at Ctrl-Z. */
    private int firstEnd() {
        int cr = written.indexOf("\r");
        int ctrlZ = written.indexOf("\u001a");
        return cr < 0 ? ctrlZ : ctrlZ < 0 ? cr : Math.min(cr, ctrlZ);
    }

    @Override
    public void write(byte[] bytes) throws SerialLinkException {
        if (gone) {
            throw new SerialLinkException("fake port is gone");
        }
        written.append(new String(bytes, StandardCharsets.ISO_8859_1));
        int cr;
        while ((cr = firstEnd()) >= 0) {
            String command = written.substring(0, cr + (written.charAt(cr) == '\u001a' ? 1 : 0)); // SMS text keeps its Ctrl-Z
            written.delete(0, cr + 1);
            commands.add(command);
            String reply = answer.apply(command);
            if (reply != null) {
                inject(reply);
            }
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws SerialLinkException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (incoming.isEmpty()) {
                if (gone) {
                    throw new SerialLinkException("fake port is gone");
                }
                if (nanos <= 0) {
                    return 0;
                }
                nanos = arrived.awaitNanos(Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(5)));
            }
            int n = 0;
            while (n < buffer.length && n < chunk && !incoming.isEmpty()) {
                buffer[n++] = incoming.poll();
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {}
}
