package com.simkiosk.mock.serial;

import com.simkiosk.serial.SerialLink;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one named thread a simulated serial device runs on, and its stop signal. The device's loop reads in
 * short bounded slices and checks {@link #stopping()} between them; {@link #close()} stops it and closes the line.
 */
final class DeviceThread implements AutoCloseable {
    private final SerialLink link;
    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);

    DeviceThread(String name, SerialLink link, Runnable loop) {
        this.link = link;
        this.thread = new Thread(loop, name + " " + link.name());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean stopping() {
        return stop.getCount() == 0;
    }

    /** Waits up to {@code pause} (a simulated slow device); true when asked to stop meanwhile. */
    boolean pauseOrStop(Duration pause) throws InterruptedException {
        return stop.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }
}
