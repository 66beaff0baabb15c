package com.simkiosk.printer.escpos;

import com.simkiosk.printer.PrinterException;
import com.simkiosk.printer.PrinterStatus;
import com.simkiosk.printer.Slip;
import com.simkiosk.printer.SlipPrinter;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.serial.SerialLink;
import com.simkiosk.serial.SerialLinkException;
import java.time.Duration;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thermal slip printer speaking ESC/POS on a serial line. Status comes from real-time status requests
 * ({@code DLE EOT 1/2/4}), each answered by one byte within {@code statusTimeout}, so the kiosk can offer the
 * on-screen code instead of printing into a printer without paper.
 */
public final class EscPosPrinter implements SlipPrinter {
    private static final Logger LOG = LoggerFactory.getLogger(EscPosPrinter.class);

    /** {@code paperDots}: 576 for 80 mm paper, 384 for 58 mm. */
    public record Settings(JapaneseTextMode mode, int paperDots, Duration statusTimeout) {
        public static Settings of(JapaneseTextMode mode) {
            return new Settings(mode, 576, Duration.ofMillis(500));
        }
    }


    private final String device;
    private final SerialLink.Opener opener;
    private final Settings settings;
    private final SlipEncoder encoder;
    private SerialLink link;

    public EscPosPrinter(String device, SerialLink.Opener opener, Settings settings) {
        this.device = device;
        this.opener = opener;
        this.settings = settings;
        this.encoder = new SlipEncoder(settings.mode(), settings.paperDots());
    }

    /** The printer the kiosk builds from {@code printer: {type: escpos-serial, device, baud, japanese}}. Never throws. */
    public static EscPosPrinter open(String device, int baud, JapaneseTextMode mode) {
        return open(device, baud, Settings.of(mode));
    }

    public static EscPosPrinter open(String device, int baud, Settings settings) {
        return new EscPosPrinter(device, () -> JsscSerialLink.open(device, baud), settings);
    }

    @Override
    public synchronized PrinterStatus status() {
        try {
            SerialLink line = link();
            OptionalInt printer = ask(line, 1);
            if (printer.isEmpty()) {
                return PrinterStatus.NOT_CONNECTED; // powered off, or not a printer: nothing answers
            }
            int cause = ask(line, 2).orElse(0);
            int paper = ask(line, 4).orElse(0);
            if ((paper & EscPos.PAPER_END) != 0 || (cause & EscPos.CAUSE_PAPER_END_STOP) != 0) {
                return PrinterStatus.PAPER_OUT;
            }
            if ((cause & EscPos.CAUSE_COVER_OPEN) != 0) {
                return PrinterStatus.COVER_OPEN;
            }
            if ((printer.getAsInt() & EscPos.STATUS_OFFLINE) != 0 || (cause & EscPos.CAUSE_ERROR) != 0) {
                return PrinterStatus.OFFLINE;
            }
            return PrinterStatus.READY;
        } catch (SerialLinkException e) {
            lose(e);
            return PrinterStatus.NOT_CONNECTED;
        }
    }

    @Override
    public synchronized void print(Slip slip) throws PrinterException {
        PrinterStatus before = status();
        if (before != PrinterStatus.READY) {
            throw new PrinterException(before, "printer " + device + " is " + before);
        }
        try {
            link().write(encoder.encode(slip));
        } catch (SerialLinkException e) {
            lose(e);
            throw new PrinterException(PrinterStatus.NOT_CONNECTED, "printer " + device + " went away while printing");
        }
        // Paper can run out on this very slip: the customer must then be offered the code on screen.
        PrinterStatus after = status();
        if (after != PrinterStatus.READY) {
            throw new PrinterException(after, "printer " + device + " is " + after + " after printing");
        }
        LOG.info("printer {}: printed a slip of {} rows", device, slip.lines().size());
    }

    @Override
    public synchronized void close() {
        if (link != null) {
            link.close();
            link = null;
        }
    }

    /** Sends DLE EOT n and waits for one valid status byte; other bytes (noise) are skipped. */
    private OptionalInt ask(SerialLink line, int n) throws SerialLinkException {
        line.discardInput();
        line.write(EscPos.status(n));
        long deadline = System.nanoTime() + settings.statusTimeout().toNanos();
        byte[] buffer = new byte[16];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return OptionalInt.empty();
            }
            int got = line.read(buffer, Duration.ofNanos(left));
            for (int i = 0; i < got; i++) {
                if (EscPos.isStatusByte(buffer[i] & 0xFF)) {
                    return OptionalInt.of(buffer[i] & 0xFF);
                }
            }
        }
    }

    private SerialLink link() throws SerialLinkException {
        if (link == null) {
            link = opener.open();
        }
        return link;
    }

    private void lose(SerialLinkException e) {
        LOG.warn("printer {}: serial line lost ({})", device, e.getMessage());
        if (link != null) {
            link.close();
            link = null;
        }
    }

    /** For diagnostics screens: the bytes a slip turns into, without printing. */
    public byte[] render(Slip slip) {
        return encoder.encode(slip);
    }
}
