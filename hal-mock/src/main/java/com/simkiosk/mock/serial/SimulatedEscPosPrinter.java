package com.simkiosk.mock.serial;

import com.simkiosk.printer.escpos.RasterImage;
import com.simkiosk.serial.SerialLink;
import com.simkiosk.serial.SerialLinkException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thermal printer on a serial line: decodes the ESC/POS it receives into {@link PrintedItem}s (text lines,
 * barcodes, QR payloads, raster images, cuts) for tests to assert on, and answers real-time status requests
 * ({@code DLE EOT n}) from its paper, cover and online state. Decoding follows the Epson reference
 * independently of the driver's encoder, so a mistake in one shows up against the other.
 */
public final class SimulatedEscPosPrinter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedEscPosPrinter.class);
    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

    private final SerialLink link;
    private final DeviceThread thread;
    private final BlockingQueue<PrintedItem> printed = new LinkedBlockingQueue<>();
    private final byte[] buffer = new byte[4096];
    private int bufferPos;
    private int bufferLen;
    private volatile boolean paperOut;
    private volatile boolean coverOpen;
    private volatile boolean offline;
    private volatile boolean mute;
    private volatile boolean paperRunsOutAtNextCut;

    // decoder state
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean kanji;
    private boolean lineHadKanji;
    private String storedQr = "";

    private SimulatedEscPosPrinter(SerialLink link) {
        this.link = link;
        this.thread = new DeviceThread("simulated-escpos-printer", link, this::run);
    }

    /** Starts decoding on {@code link}; the printer owns the link and closes it on {@link #close()}. */
    public static SimulatedEscPosPrinter start(SerialLink link) {
        SimulatedEscPosPrinter printer = new SimulatedEscPosPrinter(link);
        printer.thread.start();
        return printer;
    }

    public void setPaperOut(boolean out) {
        paperOut = out;
    }

    public void setCoverOpen(boolean open) {
        coverOpen = open;
    }

    public void setOffline(boolean off) {
        offline = off;
    }

    /** The roll ends on the slip being printed: the paper sensor reports "out" from the next cut on. */
    public void runOutOfPaperAtNextCut() {
        paperRunsOutAtNextCut = true;
    }

    /** A printer that is switched off: it hears nothing and answers nothing. */
    public void setMute(boolean off) {
        mute = off;
    }

    /** Waits for the next cut and returns everything printed since the last one (the cut included). */
    public List<PrintedItem> awaitSlip(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        List<PrintedItem> slip = new ArrayList<>();
        while (true) {
            PrintedItem item = printed.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (item == null) {
                throw new IllegalStateException("no complete slip within " + bound.toMillis() + " ms; got " + slip);
            }
            slip.add(item);
            if (item instanceof PrintedItem.Cut) {
                return slip;
            }
        }
    }

    @Override
    public void close() {
        thread.close();
    }

    private void run() {
        try {
            while (true) {
                decode(next());
            }
        } catch (Stopped | SerialLinkException e) {
            LOG.debug("simulated printer stopped: {}", e.getMessage());
        }
    }

    private void decode(int b) throws Stopped, SerialLinkException {
        switch (b) {
            case 0x0A -> endLine();
            case 0x0D -> { }
            case 0x10 -> { // DLE
                int eot = next();
                if (eot == 0x04) {
                    answerStatus(next());
                }
            }
            case 0x1B -> escape(next());
            case 0x1D -> groupSeparator(next());
            case 0x1C -> fieldSeparator(next());
            default -> {
                line.write(b);
                lineHadKanji |= kanji;
            }
        }
    }

    private void escape(int c) throws Stopped, SerialLinkException {
        switch (c) {
            case '@' -> kanji = false; // initialise
            case 'a', '!', 'E', '-', 't', 'M', '3', 'J' -> next();
            case 'd' -> {
                endLine();
                next();
            }
            case '2' -> { }
            default -> LOG.debug("unknown ESC {}", c);
        }
    }

    private void groupSeparator(int c) throws Stopped, SerialLinkException {
        switch (c) {
            case '!', 'h', 'w', 'H', 'f', 'B' -> next();
            case 'V' -> {
                int m = next();
                if (m >= 65) {
                    next();
                }
                endLine();
                printed.add(new PrintedItem.Cut());
                if (paperRunsOutAtNextCut) {
                    paperRunsOutAtNextCut = false;
                    paperOut = true;
                }
            }
            case 'k' -> barcode(next());
            case '(' -> {
                if (next() == 'k') {
                    qr();
                }
            }
            case 'v' -> {
                next(); // '0'
                next(); // m
                int widthBytes = next() | next() << 8;
                int height = next() | next() << 8;
                byte[] bits = new byte[widthBytes * height];
                for (int i = 0; i < bits.length; i++) {
                    bits[i] = (byte) next();
                }
                printed.add(new PrintedItem.Image(new RasterImage(widthBytes, height, bits)));
            }
            default -> LOG.debug("unknown GS {}", c);
        }
    }

    private void fieldSeparator(int c) throws Stopped, SerialLinkException {
        switch (c) {
            case '&' -> kanji = true;
            case '.' -> kanji = false;
            case 'C', '!', '-', 'W' -> next();
            default -> LOG.debug("unknown FS {}", c);
        }
    }

    private void barcode(int system) throws Stopped, SerialLinkException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        if (system >= 65) {
            int n = next();
            for (int i = 0; i < n; i++) {
                data.write(next());
            }
        } else {
            for (int b = next(); b != 0; b = next()) {
                data.write(b);
            }
        }
        String text = data.toString(StandardCharsets.US_ASCII);
        if (system == 73 && text.length() >= 2 && text.charAt(0) == '{') {
            text = text.substring(2).replace("{{", "{"); // code set selector, then escaped braces
        }
        printed.add(new PrintedItem.Barcode(system, text));
    }

    private void qr() throws Stopped, SerialLinkException {
        int length = next() | next() << 8;
        int cn = next();
        int fn = next();
        byte[] params = new byte[length - 2];
        for (int i = 0; i < params.length; i++) {
            params[i] = (byte) next();
        }
        if (cn != 49) {
            return;
        }
        if (fn == 80) {
            storedQr = new String(params, 1, params.length - 1, StandardCharsets.UTF_8);
        } else if (fn == 81) {
            printed.add(new PrintedItem.QrCode(storedQr));
        }
    }

    private void endLine() {
        if (line.size() > 0) {
            byte[] bytes = line.toByteArray();
            printed.add(new PrintedItem.Text(new String(bytes, lineHadKanji ? SHIFT_JIS : StandardCharsets.ISO_8859_1),
                    lineHadKanji));
        }
        line.reset();
        lineHadKanji = false;
    }

    private void answerStatus(int n) throws SerialLinkException {
        if (mute) {
            return;
        }
        int status = 0x12;
        switch (n) {
            case 1 -> status |= offline || coverOpen || paperOut ? 0x08 : 0;
            case 2 -> status |= (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0);
            case 4 -> status |= paperOut ? 0x60 : 0;
            default -> { }
        }
        link.write(new byte[] {(byte) status});
    }

    /** The next byte from the line; waits in short bounded slices so that close() is noticed. */
    private int next() throws Stopped, SerialLinkException {
        while (bufferPos == bufferLen) {
            if (thread.stopping()) {
                throw new Stopped();
            }
            bufferLen = link.read(buffer, Duration.ofMillis(50));
            bufferPos = 0;
            if (mute) {
                bufferLen = 0; // a switched-off printer hears nothing
            }
        }
        return buffer[bufferPos++] & 0xFF;
    }

    private static final class Stopped extends Exception {
        Stopped() {
            super("closed");
        }
    }
}
