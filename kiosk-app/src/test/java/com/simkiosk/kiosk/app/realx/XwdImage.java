package com.simkiosk.kiosk.app.realx;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what {@code xwd -root} writes (the X Window Dump format, ZPixmap, 24/32 bits per pixel true colour) into an
 * image, so that the real-display tests need no image converter: only the X server's own {@code xwd}.
 */
final class XwdImage {
    private static final int Z_PIXMAP = 2;

    private XwdImage() {
    }

    static BufferedImage read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        int[] h = new int[25];
        for (int i = 0; i < h.length; i++) {
            h[i] = in.readInt();
        }
        int headerSize = h[0];
        int format = h[2];
        int width = h[4];
        int height = h[5];
        boolean msbFirst = h[7] == 1;
        int bitsPerPixel = h[11];
        int bytesPerLine = h[12];
        int redMask = h[14];
        int greenMask = h[15];
        int blueMask = h[16];
        int colormapEntries = h[19];
        if (format != Z_PIXMAP || (bitsPerPixel != 32 && bitsPerPixel != 24) || width <= 0 || height <= 0) {
            throw new IOException("not a true-colour ZPixmap dump: format " + format + ", " + bitsPerPixel + " bits per pixel, "
                    + width + "×" + height);
        }
        in.skipNBytes(headerSize - 100L); // the window name
        in.skipNBytes(colormapEntries * 12L);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] line = new byte[bytesPerLine];
        int bytes = bitsPerPixel / 8;
        for (int y = 0; y < height; y++) {
            in.readFully(line);
            for (int x = 0; x < width; x++) {
                int p = 0;
                for (int b = 0; b < bytes; b++) {
                    int v = line[x * bytes + b] & 0xff;
                    p |= msbFirst ? v << (8 * (bytes - 1 - b)) : v << (8 * b);
                }
                pixels[y * width + x] = channel(p, redMask) << 16 | channel(p, greenMask) << 8 | channel(p, blueMask);
            }
        }
        return image;
    }

    private static int channel(int pixel, int mask) {
        int shift = Integer.numberOfTrailingZeros(mask);
        int bits = Integer.bitCount(mask);
        int v = (pixel & mask) >>> shift;
        return bits >= 8 ? v >>> (bits - 8) : v << (8 - bits);
    }
}
