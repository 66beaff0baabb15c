package com.simkiosk.kiosk.screen.common;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** A payment code drawn as CODE128 and as QR (ZXing), black on white, for the slip screen. */
public final class PaymentCodes {
    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    private PaymentCodes() {}

    public static Image code128(String code, int width, int height) {
        BitMatrix m = new Code128Writer().encode(code, BarcodeFormat.CODE_128, width, height, Map.of(EncodeHintType.MARGIN, 10));
        return toImage(m);
    }

    public static Image qr(String code, int size) {
        try {
            BitMatrix m = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            return toImage(m);
        } catch (WriterException e) {
            // Only for content larger than a QR code holds; a payment code is a few dozen characters.
            throw new IllegalArgumentException("payment code too long for a QR code", e);
        }
    }

    static Image toImage(BitMatrix m) {
        WritableImage img = new WritableImage(m.getWidth(), m.getHeight());
        PixelWriter w = img.getPixelWriter();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                w.setArgb(x, y, m.get(x, y) ? BLACK : WHITE);
            }
        }
        return img;
    }
}
