package com.simkiosk.printer.escpos;

import java.util.Arrays;

/**
 * A 1-bit image as ESC/POS raster data ({@code GS v 0}): rows of {@code widthBytes} bytes, most significant
 * bit leftmost, 1 = black.
 */
public record RasterImage(int widthBytes, int height, byte[] bits) {
    public RasterImage {
        if (widthBytes <= 0 || height <= 0 || bits.length != widthBytes * height) {
            throw new IllegalArgumentException("raster is " + widthBytes + "x" + height + " bytes, data " + bits.length);
        }
        bits = bits.clone();
    }

    public boolean black(int x, int y) {
        return (bits[y * widthBytes + x / 8] & (0x80 >> (x % 8))) != 0;
    }

    public int blackDots() {
        int n = 0;
        for (byte b : bits) {
            n += Integer.bitCount(b & 0xFF);
        }
        return n;
    }

    @Override
    public byte[] bits() {
        return bits.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RasterImage r && r.widthBytes == widthBytes && r.height == height && Arrays.equals(r.bits, bits);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * widthBytes + height) + Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return "RasterImage[" + widthBytes * 8 + "x" + height + " dots, " + blackDots() + " black]";
    }
}
