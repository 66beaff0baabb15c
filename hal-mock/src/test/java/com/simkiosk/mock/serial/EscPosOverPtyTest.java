package com.simkiosk.mock.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.printer.PrinterException;
import com.simkiosk.printer.PrinterStatus;
import com.simkiosk.printer.Slip;
import com.simkiosk.printer.escpos.EscPosPrinter;
import com.simkiosk.printer.escpos.JapaneseTextMode;
import com.simkiosk.printer.escpos.TextRaster;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ESC/POS driver through a real pseudo-terminal pair, decoded by the simulated printer. */
class EscPosOverPtyTest {
    private static final Duration BOUND = TestTime.bound(Duration.ofSeconds(5));
    private static final Instant ISSUED = Instant.parse("2026-11-26T09:30:00Z"); // 18:30 in Tokyo

    private PtyPair pty;
    private SimulatedEscPosPrinter device;
    private EscPosPrinter printer;

    private void start(JapaneseTextMode mode) throws Exception {
        pty = PtyPair.open(BOUND);
        device = SimulatedEscPosPrinter.start(JsscSerialLink.open(pty.b().toString(), 115200));
        printer = new EscPosPrinter(pty.a().toString(), () -> JsscSerialLink.open(pty.a().toString(), 115200),
                new EscPosPrinter.Settings(mode, 576, Duration.ofMillis(300)));
    }

    @AfterEach
    void stop() {
        if (printer != null) {
            printer.close();
        }
        if (device != null) {
            device.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private static Slip topUpSlip(String title, String footer) {
        return new Slip(title, "Store 0421", "Kiosk K-07", ISSUED,
                List.of(new Slip.Row("Number", "090-****-5678"), new Slip.Row("Data", "3 GB"), new Slip.Row("Price", "JPY 1,500")),
                Optional.of("PAY-7Q4K-93X2"), footer);
    }

    private static List<String> texts(List<PrintedItem> slip) {
        return slip.stream().filter(PrintedItem.Text.class::isInstance).map(i -> ((PrintedItem.Text) i).line()).toList();
    }

    @Test
    void printsTheTopUpSlipWithTimeInJstBarcodeAndQr() throws Exception {
        start(JapaneseTextMode.KANJI);
        assertThat(printer.status()).isEqualTo(PrinterStatus.READY);

        printer.print(topUpSlip("Data top-up", "Pay at the register within 30 minutes"));

        List<PrintedItem> slip = device.awaitSlip(BOUND);
        assertThat(texts(slip)).startsWith("Data top-up", "Store 0421 / Kiosk K-07", "2026-11-26 18:30 JST");
        assertThat(texts(slip)).anySatisfy(l -> assertThat(l).startsWith("Number").endsWith("090-****-5678").hasSize(48));
        assertThat(texts(slip)).contains("Pay at the register within 30 minutes");
        assertThat(slip).contains(new PrintedItem.Barcode(73, "PAY-7Q4K-93X2"), new PrintedItem.QrCode("PAY-7Q4K-93X2"));
        assertThat(slip.get(slip.size() - 1)).isInstanceOf(PrintedItem.Cut.class);
    }

    @Test
    void printsJapaneseInTheKanjiModeWhenConfigured() throws Exception {
        start(JapaneseTextMode.KANJI);
        printer.print(topUpSlip("データ追加のお支払い", "30分以内にレジでお支払いください"));

        List<PrintedItem> slip = device.awaitSlip(BOUND);
        assertThat(slip).contains(new PrintedItem.Text("データ追加のお支払い", true),
                new PrintedItem.Text("30分以内にレジでお支払いください", true));
        assertThat(slip).noneMatch(PrintedItem.Image.class::isInstance);
    }

    @Test
    void printsJapaneseAsRasterImagesWhenConfigured() throws Exception {
        start(JapaneseTextMode.RASTER);
        printer.print(topUpSlip("データ追加のお支払い", "30分以内にレジでお支払いください"));

        List<PrintedItem> slip = device.awaitSlip(BOUND);
        TextRaster body = new TextRaster(576, 24);
        TextRaster title = new TextRaster(576, 44);
        assertThat(slip).contains(
                new PrintedItem.Image(title.render("データ追加のお支払い", "", true)),
                new PrintedItem.Image(body.render("30分以内にレジでお支払いください", "", true)));
        assertThat(slip).filteredOn(PrintedItem.Image.class::isInstance)
                .allSatisfy(i -> assertThat(((PrintedItem.Image) i).image().blackDots()).isGreaterThan(100));
        assertThat(slip).noneMatch(i -> i instanceof PrintedItem.Text t && t.kanji());
        assertThat(texts(slip)).contains("2026-11-26 18:30 JST"); // ASCII stays text
        assertThat(slip).contains(new PrintedItem.QrCode("PAY-7Q4K-93X2"));
    }

    @Test
    void refusesToPrintWithoutPaperAndSaysWhy() throws Exception {
        start(JapaneseTextMode.KANJI);
        device.setPaperOut(true);
        assertThat(printer.status()).isEqualTo(PrinterStatus.PAPER_OUT);
        assertThatThrownBy(() -> printer.print(topUpSlip("Data top-up", "footer")))
                .isInstanceOfSatisfying(PrinterException.class, e -> assertThat(e.status()).isEqualTo(PrinterStatus.PAPER_OUT));

        device.setPaperOut(false);
        printer.print(topUpSlip("Second try", "footer"));
        assertThat(texts(device.awaitSlip(BOUND))).first().isEqualTo("Second try"); // nothing of the refused slip
    }

    @Test
    void reportsCoverOpenAndOffline() throws Exception {
        start(JapaneseTextMode.KANJI);
        device.setCoverOpen(true);
        assertThat(printer.status()).isEqualTo(PrinterStatus.COVER_OPEN);
        device.setCoverOpen(false);
        device.setOffline(true);
        assertThat(printer.status()).isEqualTo(PrinterStatus.OFFLINE);
        device.setOffline(false);
        assertThat(printer.status()).isEqualTo(PrinterStatus.READY);
    }

    @Test
    void aPrinterThatDoesNotAnswerIsNotConnected() throws Exception {
        start(JapaneseTextMode.KANJI);
        device.setMute(true);
        assertThat(printer.status()).isEqualTo(PrinterStatus.NOT_CONNECTED);
    }

    @Test
    void aVanishedLineIsNotConnectedAndPrintingSaysSo() throws Exception {
        start(JapaneseTextMode.KANJI);
        assertThat(printer.status()).isEqualTo(PrinterStatus.READY);
        pty.vanish();
        assertThat(printer.status()).isEqualTo(PrinterStatus.NOT_CONNECTED);
        assertThatThrownBy(() -> printer.print(topUpSlip("Data top-up", "footer")))
                .isInstanceOfSatisfying(PrinterException.class, e -> assertThat(e.status()).isEqualTo(PrinterStatus.NOT_CONNECTED));
    }

    @Test
    void tellsTheKioskWhenThePaperRanOutOnThisSlip() throws Exception {
        start(JapaneseTextMode.KANJI);
        device.runOutOfPaperAtNextCut();
        assertThatThrownBy(() -> printer.print(topUpSlip("Data top-up", "footer")))
                .isInstanceOfSatisfying(PrinterException.class, e -> assertThat(e.status()).isEqualTo(PrinterStatus.PAPER_OUT));
        assertThat(printer.status()).isEqualTo(PrinterStatus.PAPER_OUT);
    }

    @Test
    void kanjiRowsLineUpWithAsciiRows() throws Exception {
        start(JapaneseTextMode.KANJI);
        printer.print(new Slip("残高", "Store 0421", "Kiosk K-07", ISSUED,
                List.of(new Slip.Row("Data", "3 GB"), new Slip.Row("データ残量", "3 GB")), Optional.empty(), "ありがとうございました"));
        List<PrintedItem> slip = device.awaitSlip(BOUND);
        String ascii = texts(slip).stream().filter(l -> l.startsWith("Data")).findFirst().orElseThrow();
        String kanji = texts(slip).stream().filter(l -> l.startsWith("データ残量")).findFirst().orElseThrow();
        assertThat(ascii).hasSize(48);
        // five full-width characters take ten columns: the values end in the same column
        assertThat(kanji.length() + "データ残量".length()).isEqualTo(48);
        assertThat(kanji).endsWith("3 GB");
        assertThat(slip).noneMatch(i -> i instanceof PrintedItem.Barcode || i instanceof PrintedItem.QrCode);
    }

    @Test
    void aCodeTooLongForABarcodeStillPrintsAsQr() throws Exception {
        start(JapaneseTextMode.KANJI);
        String longCode = "https://pay.example.jp/topup?order=" + "7Q4K93X2".repeat(40);
        printer.print(new Slip("Data top-up", "Store 0421", "Kiosk K-07", ISSUED, List.of(), Optional.of(longCode), "footer"));
        List<PrintedItem> slip = device.awaitSlip(BOUND);
        assertThat(slip).contains(new PrintedItem.QrCode(longCode));
        assertThat(slip).noneMatch(PrintedItem.Barcode.class::isInstance);
    }
}
