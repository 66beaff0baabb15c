package com.simkiosk.printer.escpos;

import com.simkiosk.carrier.Units;
import com.simkiosk.printer.PaymentReference;
import com.simkiosk.printer.Slip;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Lays a {@link Slip} out as ESC/POS bytes: title, store and kiosk, time in JST, label/value rows, the payment
 * code as CODE128, in writing ({@link PaymentReference}) and as QR, footer, cut. Text that is not ASCII goes out in
 * the printer's kanji mode or as a raster image, as configured.
 */
public final class SlipEncoder {
    static final ZoneId JST = Units.JAPAN;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'").withZone(JST);
    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

    private final JapaneseTextMode mode;
    private final int columns;
    /** Only in raster mode: loading the CJK font costs time a kanji-mode printer should not pay. */
    private final Optional<TextRaster> body;
    private final Optional<TextRaster> title;

    /** {@code paperDots}: 576 for 80 mm paper, 384 for 58 mm. Font A is 12 dots wide. */
    public SlipEncoder(JapaneseTextMode mode, int paperDots) {
        this.mode = mode;
        this.columns = paperDots / 12;
        boolean raster = mode == JapaneseTextMode.RASTER;
        this.body = raster ? Optional.of(new TextRaster(paperDots, 24)) : Optional.empty();
        this.title = raster ? Optional.of(new TextRaster(paperDots, 44)) : Optional.empty();
    }

    public byte[] encode(Slip slip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        out.writeBytes(EscPos.INITIALISE);
        if (mode == JapaneseTextMode.KANJI) {
            out.writeBytes(EscPos.KANJI_SHIFT_JIS);
        }
        out.writeBytes(EscPos.align(EscPos.CENTRE));
        out.writeBytes(EscPos.size(2, 2));
        line(out, slip.title(), "", true, title);
        out.writeBytes(EscPos.size(1, 1));
        line(out, slip.storeId() + " / " + slip.kioskId(), "", true, body);
        line(out, TIME.format(slip.issuedAt()), "", true, body);
        out.writeBytes(EscPos.align(EscPos.LEFT));
        out.write(EscPos.LF);
        for (Slip.Row row : slip.lines()) {
            line(out, row.label(), row.value(), false, body);
        }
        slip.code().ifPresent(code -> {
            out.write(EscPos.LF);
            out.writeBytes(EscPos.align(EscPos.CENTRE));
            if (fitsCode128(code)) {
                out.writeBytes(code128(code));
                out.write(EscPos.LF);
            }
            line(out, PaymentReference.grouped(code), "", true, body); // as the screen writes it, for the cashier to type
            out.writeBytes(qr(code)); // the QR carries any code, the barcode only short ASCII ones
            out.writeBytes(EscPos.align(EscPos.LEFT));
        });
        out.write(EscPos.LF);
        out.writeBytes(EscPos.align(EscPos.CENTRE));
        line(out, slip.footer(), "", true, body);
        out.writeBytes(EscPos.feed(4));
        out.writeBytes(EscPos.CUT);
        return out.toByteArray();
    }

    private void line(ByteArrayOutputStream out, String left, String right, boolean centre, Optional<TextRaster> raster) {
        boolean ascii = isAscii(left) && isAscii(right);
        if (!ascii && raster.isPresent()) {
            out.writeBytes(EscPos.align(EscPos.LEFT)); // the image already carries its own alignment
            out.writeBytes(raster(raster.get().render(left, right, centre)));
            if (centre) {
                out.writeBytes(EscPos.align(EscPos.CENTRE));
            }
            return;
        }
        String text = right.isEmpty() ? left : padded(left, right);
        if (ascii) {
            out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        } else {
            out.writeBytes(EscPos.KANJI_ON);
            out.writeBytes(text.getBytes(SHIFT_JIS));
            out.writeBytes(EscPos.KANJI_OFF);
        }
        out.write(EscPos.LF);
    }

    /** Label left, value right, on one line of {@code columns}; kanji take two columns. */
    private String padded(String label, String value) {
        int gap = columns - width(label) - width(value);
        return label + " ".repeat(Math.max(1, gap)) + value;
    }

    static int width(String s) {
        return s.codePoints().map(c -> c < 0x80 || (c >= 0xFF61 && c <= 0xFF9F) ? 1 : 2).sum();
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    /** Code set B holds printable ASCII; GS k 73 counts its data in one byte. */
    static boolean fitsCode128(String code) {
        return isAscii(code) && code.length() + 2 + code.chars().filter(c -> c == '{').count() <= 255;
    }

    /** GS h, GS w, GS H, then GS k 73 (CODE128) with code set B selected by "{B". */
    static byte[] code128(String data) {
        // "{B" selects code set B; a literal "{" is written "{{".
        byte[] payload = ("{B" + data.replace("{", "{{")).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {EscPos.GS, 'h', 80, EscPos.GS, 'w', 2, EscPos.GS, 'H', 2});
        out.writeBytes(new byte[] {EscPos.GS, 'k', 73, (byte) payload.length});
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** GS ( k: model 2, module size 6, error correction M, store the data, print it. */
    static byte[] qr(String data) {
        byte[] payload = data.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {EscPos.GS, '(', 'k', 4, 0, 49, 65, 50, 0});
        out.writeBytes(new byte[] {EscPos.GS, '(', 'k', 3, 0, 49, 67, 6});
        out.writeBytes(new byte[] {EscPos.GS, '(', 'k', 3, 0, 49, 69, 49});
        int length = payload.length + 3;
        out.writeBytes(new byte[] {EscPos.GS, '(', 'k', (byte) length, (byte) (length >> 8), 49, 80, 48});
        out.writeBytes(payload);
        out.writeBytes(new byte[] {EscPos.GS, '(', 'k', 3, 0, 49, 81, 48});
        return out.toByteArray();
    }

    /** GS v 0 0 xL xH yL yH data. */
    static byte[] raster(RasterImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.widthBytes() * image.height() + 8);
        out.writeBytes(new byte[] {EscPos.GS, 'v', '0', 0,
            (byte) image.widthBytes(), (byte) (image.widthBytes() >> 8), (byte) image.height(), (byte) (image.height() >> 8)});
        out.writeBytes(image.bits());
        return out.toByteArray();
    }
}
