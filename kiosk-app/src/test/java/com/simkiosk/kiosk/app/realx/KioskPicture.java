package com.simkiosk.kiosk.app.realx;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * What a screenshot of the real screen must show of the kiosk: its parts at the places the 1920×1080 surface (and the
 * demo tray beside it) puts them, once scaled evenly into the window and centred. Places are in the kiosk's own pixels,
 * colours are the normal theme's (theme-normal.css). Each check names what a person would miss if it failed.
 */
final class KioskPicture {
    static final int SURFACE_WIDTH = 1920;
    static final int TRAY_WIDTH = 420;
    static final int HEIGHT = 1080;

    private static final int WHITE = 0xffffff;      // -kiosk-surface: the top bar, the buttons
    private static final int ACCENT = 0x0b5cad;     // -kiosk-accent: the current language, button borders and text
    private static final int DEMO = 0xc2185b;       // -kiosk-demo: the DEMO mark
    private static final int LANGUAGE_ROW_TOP = 825;
    private static final int LANGUAGE_ROW_BOTTOM = 890;
    /** The five language buttons' left and right edges on the attract screen; the first (日本語) is the current one. */
    private static final int[][] LANGUAGE_BUTTONS = {{370, 589}, {610, 828}, {850, 1068}, {1091, 1309}, {1330, 1549}};

    private final BufferedImage shot;
    private final double scale;
    private final double left;
    private final double top;
    private final int width;

    /** {@code window}: the inside of the kiosk's window in screen pixels; {@code demo}: with the tray beside the kiosk. */
    KioskPicture(BufferedImage shot, Rectangle window, boolean demo) {
        this.shot = shot;
        this.width = demo ? SURFACE_WIDTH + TRAY_WIDTH : SURFACE_WIDTH;
        this.scale = Math.min(window.width / (double) width, window.height / (double) HEIGHT);
        this.left = window.x + (window.width - width * scale) / 2;
        this.top = window.y + (window.height - HEIGHT * scale) / 2;
    }

    double scale() {
        return scale;
    }

    /** Where the kiosk is drawn on the screen. */
    Rectangle onScreen() {
        return new Rectangle((int) Math.round(left), (int) Math.round(top), (int) Math.round(width * scale), (int) Math.round(HEIGHT * scale));
    }

    /** A point of the kiosk (its own pixels) on the screen. */
    int[] screenPoint(double x, double y) {
        return new int[] {(int) Math.round(left + x * scale), (int) Math.round(top + y * scale)};
    }

    /** What is wrong with the attract screen as drawn (empty: all there). */
    List<String> attractProblems(boolean demo) {
        List<String> problems = new ArrayList<>();
        Rectangle on = onScreen();
        if (on.x < 0 || on.y < 0 || on.x + on.width > shot.getWidth() + 1 || on.y + on.height > shot.getHeight() + 1) {
            problems.add("the kiosk " + on + " does not fit on the " + shot.getWidth() + "×" + shot.getHeight() + " screen");
            return problems;
        }
        expect(problems, "the top bar's background", 460, 4, 1700, 20, WHITE, 12, 0.9);
        expect(problems, "the maintenance corner (top-left, over the top bar)", 0, 0, 16, 96, WHITE, 12, 0.8);
        expect(problems, "the title at the top bar's left end", 20, 20, 360, 76, 0x14213d, 80, 0.03);
        expect(problems, "the Help button at the bottom bar's left end (filled)", 30, 1016, 150, 1068, ACCENT, 40, 0.5);
        expect(problems, "the Display button beside Help", 180, 1016, 540, 1068, ACCENT, 80, 0.01);
        expect(problems, "the right end of the top bar", 1900, 4, 1918, 92, WHITE, 12, 0.8);
        if (demo) {
            expect(problems, "the DEMO mark in the top bar", 370, 12, 455, 52, DEMO, 40, 0.5);
            expect(problems, "the tray's remove button", 1945, 60, 2310, 110, ACCENT, 40, 0.7);
        }
        for (int i = 0; i < LANGUAGE_BUTTONS.length; i++) {
            int l = LANGUAGE_BUTTONS[i][0] + 15;
            int r = LANGUAGE_BUTTONS[i][1] - 15;
            String what = "language button " + (i + 1) + " of 5";
            if (i == 0) {
                expect(problems, what + " (the current language, filled)", l, LANGUAGE_ROW_TOP, r, LANGUAGE_ROW_BOTTOM, ACCENT, 40, 0.6);
            } else {
                expect(problems, what + " (white)", l, LANGUAGE_ROW_TOP, r, LANGUAGE_ROW_BOTTOM, WHITE, 12, 0.5);
                expect(problems, what + " (its name)", l, LANGUAGE_ROW_TOP, r, LANGUAGE_ROW_BOTTOM, ACCENT, 80, 0.01);
            }
        }
        return problems;
    }

    /** Problems unless language button {@code index} (0: 日本語 … 4: 한국어) is the filled, current one on the attract screen. */
    List<String> currentLanguageProblems(int index) {
        List<String> problems = new ArrayList<>();
        int l = LANGUAGE_BUTTONS[index][0] + 15;
        int r = LANGUAGE_BUTTONS[index][1] - 15;
        expect(problems, "language button " + (index + 1) + " of 5 as the current one (filled)", l, LANGUAGE_ROW_TOP, r,
                LANGUAGE_ROW_BOTTOM, ACCENT, 40, 0.6);
        return problems;
    }

    /** The centre of language button {@code index} on the attract screen, in the kiosk's own pixels. */
    static int[] languageButtonCentre(int index) {
        return new int[] {(LANGUAGE_BUTTONS[index][0] + LANGUAGE_BUTTONS[index][1]) / 2, (LANGUAGE_ROW_TOP + LANGUAGE_ROW_BOTTOM) / 2};
    }

    /** The maintenance PIN pad's dark veil over the screen (what five taps in the corner open). */
    List<String> maintenanceProblems() {
        List<String> problems = new ArrayList<>();
        // rgba(20, 33, 61, 0.7) over the screen's #f7f9fc
        expect(problems, "the maintenance veil over the screen, left of the PIN pad", 10, 200, 150, 900, 0x586276, 24, 0.8);
        return problems;
    }

    /** The window's area outside the kiosk must be black bars, not leftovers. */
    List<String> barProblems(Rectangle window) {
        List<String> problems = new ArrayList<>();
        Rectangle on = onScreen();
        int leftBar = on.x - window.x;
        int topBar = on.y - window.y;
        if (leftBar >= 6) {
            expectScreen(problems, "the black bar left of the kiosk", window.x + 2, window.y + window.height / 4, on.x - 3,
                    window.y + 3 * window.height / 4, 0x000000, 8, 0.95);
        }
        if (topBar >= 6) {
            expectScreen(problems, "the black bar above the kiosk", window.x + window.width / 4, window.y + 2,
                    window.x + 3 * window.width / 4, on.y - 3, 0x000000, 8, 0.95);
        }
        return problems;
    }

    private void expect(List<String> problems, String what, int x0, int y0, int x1, int y1, int rgb, int tolerance, double share) {
        int[] a = screenPoint(x0, y0);
        int[] b = screenPoint(x1, y1);
        expectScreen(problems, what, a[0], a[1], b[0], b[1], rgb, tolerance, share);
    }

    private void expectScreen(List<String> problems, String what, int x0, int y0, int x1, int y1, int rgb, int tolerance, double share) {
        int total = 0;
        int matching = 0;
        for (int y = Math.max(0, y0); y <= Math.min(shot.getHeight() - 1, y1); y++) {
            for (int x = Math.max(0, x0); x <= Math.min(shot.getWidth() - 1, x1); x++) {
                total++;
                if (near(shot.getRGB(x, y), rgb, tolerance)) {
                    matching++;
                }
            }
        }
        double got = total == 0 ? 0 : matching / (double) total;
        if (got < share) {
            problems.add(String.format("%s: %.0f%% of the pixels in (%d,%d)-(%d,%d) are #%06x, expected at least %.0f%%",
                    what, got * 100, x0, y0, x1, y1, rgb, share * 100));
        }
    }

    private static boolean near(int argb, int rgb, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((argb >> shift) & 0xff) - ((rgb >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
