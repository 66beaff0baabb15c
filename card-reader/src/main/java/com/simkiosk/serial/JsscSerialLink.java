package com.simkiosk.serial;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SerialLink} over jssc, 8N1 without flow control. Reads poll the input buffer with a short
 * back-off rather than using jssc's event listener, which would start an unnamed thread of its own.
 */
public final class JsscSerialLink implements SerialLink {
    private static final Logger LOG = LoggerFactory.getLogger(JsscSerialLink.class);
    private static final long MIN_PAUSE_NANOS = 20_000;
    private static final long MAX_PAUSE_NANOS = 1_000_000;

    private final SerialPort port;

    private JsscSerialLink(SerialPort port) {
        this.port = port;
    }

    /** Opens {@code device} at {@code baud}. The device may be a symbolic link (socat creates those). */
    public static JsscSerialLink open(String device, int baud) throws SerialLinkException {
        SerialPort port = new SerialPort(device);
        try {
            if (!port.openPort()) {
                throw new SerialLinkException("cannot open " + device);
            }
            // On pseudo-terminals setParams answers false (the modem-line ioctls fail with ENOTTY)
            // although the line settings did apply, so false is only worth a debug line.
            if (!port.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE)) {
                LOG.debug("{}: setParams reported false (normal on a pseudo-terminal)", device);
            }
            return new JsscSerialLink(port);
        } catch (SerialPortException e) {
            closeQuietly(port);
            throw new SerialLinkException("cannot open " + device + ": " + e.getExceptionType(), e);
        }
    }

    @Override
    public String name() {
        return port.getPortName();
    }

    @Override
    public void write(byte[] bytes) throws SerialLinkException {
        try {
            if (!port.writeBytes(bytes)) {
                throw new SerialLinkException(name() + ": write failed");
            }
        } catch (SerialPortException e) {
            throw new SerialLinkException(name() + ": " + e.getExceptionType(), e);
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws SerialLinkException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = MIN_PAUSE_NANOS;
        try {
            while (true) {
                int available = port.getInputBufferBytesCount();
                if (available < 0) {
                    throw new SerialLinkException(name() + ": port is gone");
                }
                if (available > 0) {
                    byte[] got = port.readBytes(Math.min(available, buffer.length));
                    System.arraycopy(got, 0, buffer, 0, got.length);
                    return got.length;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                LockSupport.parkNanos(Math.min(pause, left));
                pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
                if (Thread.currentThread().isInterrupted()) {
                    return 0;
                }
            }
        } catch (SerialPortException e) {
            throw new SerialLinkException(name() + ": " + e.getExceptionType(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(port);
    }

    private static void closeQuietly(SerialPort port) {
        try {
            if (port.isOpened()) {
                port.closePort();
            }
        } catch (SerialPortException e) {
            LOG.debug("{}: close failed: {}", port.getPortName(), e.getExceptionType());
        }
    }
}
