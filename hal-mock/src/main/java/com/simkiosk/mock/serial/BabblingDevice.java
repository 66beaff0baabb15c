package com.simkiosk.mock.serial;

import com.simkiosk.serial.SerialLink;
import com.simkiosk.serial.SerialLinkException;
import java.time.Duration;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device that talks but not in AT: random bytes every few milliseconds, whatever it is sent (a modem at another
 * baud rate, or a GPS receiver where the modem should be). Seeded, so a failing test can be replayed.
 */
public final class BabblingDevice implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BabblingDevice.class);
    private static final Duration PAUSE = Duration.ofMillis(5);

    private final DeviceThread thread;

    private BabblingDevice(SerialLink link, long seed) {
        Random random = new Random(seed);
        byte[] noise = new byte[48];
        byte[] sink = new byte[256];
        this.thread = new DeviceThread("babbling-device", link, () -> {
            try {
                while (!thread().stopping()) {
                    link.read(sink, Duration.ZERO); // swallow what the kiosk sends
                    random.nextBytes(noise);
                    link.write(noise);
                    if (thread().pauseOrStop(PAUSE)) {
                        return;
                    }
                }
            } catch (SerialLinkException e) {
                LOG.debug("babbling device stopped: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private DeviceThread thread() {
        return thread;
    }

    /** Starts babbling on {@code link} (the simulator's end of a {@link PtyPair}); {@link #close()} stops it. */
    public static BabblingDevice start(SerialLink link, long seed) {
        BabblingDevice device = new BabblingDevice(link, seed);
        device.thread.start();
        return device;
    }

    @Override
    public void close() {
        thread.close();
    }
}
