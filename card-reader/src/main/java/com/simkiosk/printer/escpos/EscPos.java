package com.simkiosk.printer.escpos;

/** The ESC/POS command bytes this driver sends (Epson ESC/POS reference), named once. */
final class EscPos {
    private EscPos() {}

    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte FS = 0x1C;
    static final byte DLE = 0x10;
    static final byte EOT = 0x04;
    static final byte LF = 0x0A;

    /** ESC @: initialise (clears modes, including kanji mode). */
    static final byte[] INITIALISE = {ESC, '@'};
    /** FS C 1: kanji characters are Shift_JIS. */
    static final byte[] KANJI_SHIFT_JIS = {FS, 'C', 1};
    /** FS &: kanji mode on. */
    static final byte[] KANJI_ON = {FS, '&'};
    /** FS .: kanji mode off. */
    static final byte[] KANJI_OFF = {FS, '.'};

    static byte[] align(int n) {
        return new byte[] {ESC, 'a', (byte) n};
    }

    static final int LEFT = 0;
    static final int CENTRE = 1;

    /** GS ! n: character size, high nibble width, low nibble height (0 = normal). */
    static byte[] size(int widthTimes, int heightTimes) {
        return new byte[] {GS, '!', (byte) (((widthTimes - 1) << 4) | (heightTimes - 1))};
    }

    /** ESC d n: print and feed n lines. */
    static byte[] feed(int lines) {
        return new byte[] {ESC, 'd', (byte) lines};
    }

    /** GS V 66 n: feed n dots and cut partially, so the slip stays in the mouth of the kiosk. */
    static final byte[] CUT = {GS, 'V', 66, 0};

    /** DLE EOT n: real-time status. n = 1 printer, 2 offline cause, 4 paper roll sensor. */
    static byte[] status(int n) {
        return new byte[] {DLE, EOT, (byte) n};
    }

    /** A real-time status byte always has bit 1 and bit 4 set, bit 0 and bit 7 clear. */
    static boolean isStatusByte(int b) {
        return (b & 0x93) == 0x12;
    }

    static final int STATUS_OFFLINE = 0x08;       // n=1 bit 3
    static final int CAUSE_COVER_OPEN = 0x04;     // n=2 bit 2
    static final int CAUSE_PAPER_END_STOP = 0x20; // n=2 bit 5
    static final int CAUSE_ERROR = 0x40;          // n=2 bit 6
    static final int PAPER_END = 0x60;            // n=4 bits 5 and 6
}
