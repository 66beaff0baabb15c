package com.simkiosk.printer.escpos;

/** How Japanese (and any other non-ASCII) text reaches the paper. */
public enum JapaneseTextMode {
    /** The printer's own kanji font: Shift_JIS bytes after {@code FS C 1}, {@code FS &}. Fast; needs a Japanese model. */
    KANJI,
    /** Lines with non-ASCII text rendered here into a bitmap and sent with {@code GS v 0}. Works on any printer. */
    RASTER
}
