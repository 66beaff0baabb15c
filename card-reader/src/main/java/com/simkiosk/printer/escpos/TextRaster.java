package com.simkiosk.printer.escpos;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders a line of text (any script) into a {@link RasterImage} the width of the paper, with Noto Sans CJK JP. */
public final class TextRaster {
    private static final Logger LOG = LoggerFactory.getLogger(TextRaster.class);
    static final String FONT_FAMILY = "Noto Sans CJK JP";

    private final int widthDots;
    private final Font font;
    private final FontMetrics metrics;

    public TextRaster(int widthDots, int fontPixels) {
        this.widthDots = widthDots;
        boolean installed = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .contains(FONT_FAMILY);
        if (!installed) {
            LOG.warn("font {} not installed (Debian: fonts-noto-cjk); Japanese raster text may show boxes", FONT_FAMILY);
        }
        this.font = new Font(installed ? FONT_FAMILY : Font.SANS_SERIF, Font.PLAIN, fontPixels);
        Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_BINARY).createGraphics();
        try {
            this.metrics = probe.getFontMetrics(font);
        } finally {
            probe.dispose();
        }
    }

    /** {@code left} flush left and {@code right} flush right (either may be empty), or {@code left} centred. */
    public RasterImage render(String left, String right, boolean centre) {
        int height = metrics.getHeight() + 4;
        BufferedImage image = new BufferedImage(widthDots, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            // Thermal heads print dots, not grey: no anti-aliasing, so the threshold is exact.
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, widthDots, height);
            g.setColor(Color.BLACK);
            g.setFont(font);
            int baseline = 2 + metrics.getAscent();
            int leftX = centre ? Math.max(0, (widthDots - metrics.stringWidth(left)) / 2) : 0;
            g.drawString(left, leftX, baseline);
            if (!right.isEmpty()) {
                g.drawString(right, Math.max(0, widthDots - metrics.stringWidth(right)), baseline);
            }
        } finally {
            g.dispose();
        }
        int widthBytes = (widthDots + 7) / 8;
        byte[] bits = new byte[widthBytes * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < widthDots; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0) {
                    bits[y * widthBytes + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return new RasterImage(widthBytes, height, bits);
    }
}
