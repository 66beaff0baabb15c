package com.simkiosk.kiosk.screen.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.util.List;
import java.util.Map;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A cashier's scanner must read back exactly the code the carrier gave: decode what we drew. */
class PaymentCodesTest {
    private static final String CODE = "KS2026112600042";

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void barcodeDecodesToThePaymentCode() throws Exception {
        Result r = decode(PaymentCodes.code128(CODE, 600, 160), BarcodeFormat.CODE_128);
        assertThat(r.getText()).isEqualTo(CODE);
        assertThat(r.getBarcodeFormat()).isEqualTo(BarcodeFormat.CODE_128);
    }

    @Test
    void qrDecodesToThePaymentCode() throws Exception {
        Result r = decode(PaymentCodes.qr(CODE, 300), BarcodeFormat.QR_CODE);
        assertThat(r.getText()).isEqualTo(CODE);
        assertThat(r.getBarcodeFormat()).isEqualTo(BarcodeFormat.QR_CODE);
    }

    private static Result decode(Image image, BarcodeFormat format) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, argb)));
        return new MultiFormatReader().decode(bitmap, Map.of(
                DecodeHintType.POSSIBLE_FORMATS, List.of(format), DecodeHintType.PURE_BARCODE, Boolean.FALSE));
    }
}
