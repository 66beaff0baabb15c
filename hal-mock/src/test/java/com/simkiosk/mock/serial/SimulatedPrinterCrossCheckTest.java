package com.simkiosk.mock.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.barcode.BarCode;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.serial.SerialLink;
import com.simkiosk.serial.SerialLinkException;
import com.simkiosk.testing.TestTime;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated printer decodes what escpos-coffee (an encoder we did not write) sends over a jssc stream,
 * so its decoder is checked against the protocol, not only against our own encoder.
 */
class SimulatedPrinterCrossCheckTest {

    @Test
    void decodesTextKanjiCode128QrAndCutFromAnIndependentEncoder() throws Exception {
        try (PtyPair pty = PtyPair.open(TestTime.bound(Duration.ofSeconds(5)));
             SimulatedEscPosPrinter printer = SimulatedEscPosPrinter.start(JsscSerialLink.open(pty.b().toString(), 115200));
             SerialLink link = JsscSerialLink.open(pty.a().toString(), 115200)) {
            EscPos escpos = new EscPos(stream(link));
            escpos.writeLF("Hello from escpos-coffee");
            escpos.setCharsetName("Shift_JIS");
            escpos.write(new byte[] {0x1C, 'C', 1, 0x1C, '&'}, 0, 5); // kanji mode is not in its API: raw bytes
            escpos.writeLF("データ追加");
            escpos.write(new byte[] {0x1C, '.'}, 0, 2);
            escpos.write(new BarCode().setSystem(BarCode.BarCodeSystem.CODE128), "{BPAY-7Q4K");
            escpos.write(new QRCode(), "PAY-7Q4K");
            escpos.cut(EscPos.CutMode.PART);

            List<PrintedItem> slip = printer.awaitSlip(TestTime.bound(Duration.ofSeconds(5)));
            assertThat(slip).containsExactly(
                    new PrintedItem.Text("Hello from escpos-coffee", false),
                    new PrintedItem.Text("データ追加", true),
                    new PrintedItem.Barcode(73, "PAY-7Q4K"),
                    new PrintedItem.QrCode("PAY-7Q4K"),
                    new PrintedItem.Cut());
        }
    }

    private static OutputStream stream(SerialLink link) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    link.write(Arrays.copyOfRange(b, off, off + len));
                } catch (SerialLinkException e) {
                    throw new IOException(e);
                }
            }
        };
    }
}
