package com.simkiosk.mock.serial;

import com.simkiosk.printer.escpos.RasterImage;

/** One thing the simulated printer put on paper, decoded from the ESC/POS bytes it received. */
public sealed interface PrintedItem {
    /** A line of text; {@code kanji} when it was sent in kanji mode (Shift_JIS). */
    record Text(String line, boolean kanji) implements PrintedItem {}

    /** A one-dimensional barcode ({@code GS k}); {@code system} 73 is CODE128, {@code data} without the code-set prefix. */
    record Barcode(int system, String data) implements PrintedItem {}

    /** A QR code ({@code GS ( k}, function 81) with the data stored before it. */
    record QrCode(String data) implements PrintedItem {}

    /** A raster image ({@code GS v 0}). */
    record Image(RasterImage image) implements PrintedItem {}

    /** The paper was cut: the slip is complete. */
    record Cut() implements PrintedItem {}
}
