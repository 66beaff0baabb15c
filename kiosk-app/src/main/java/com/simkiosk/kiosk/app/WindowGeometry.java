package com.simkiosk.kiosk.app;

/**
 * Where the kiosk window goes and how big it is, worked out from the screen's usable area (its visual bounds: the
 * screen less panels and docks) and the kiosk's own size. Plain numbers, so it is tested without a display.
 */
record WindowGeometry(double x, double y, double width, double height) {
    /** The windowed kiosk takes at most this much of the usable area, leaving room for the window's frame and title. */
    static final double WINDOWED_SHARE = 0.9;

    /**
     * A window for content of {@code contentWidth}×{@code contentHeight}: its aspect kept, never larger than the content
     * itself (1:1 on a big screen) nor than {@link #WINDOWED_SHARE} of the usable area, centred in that area.
     */
    static WindowGeometry windowed(double contentWidth, double contentHeight,
                                   double areaX, double areaY, double areaWidth, double areaHeight) {
        requireSize(contentWidth, contentHeight, "content");
        requireSize(areaWidth, areaHeight, "screen area");
        double s = Math.min(1, fitScale(contentWidth, contentHeight, areaWidth * WINDOWED_SHARE, areaHeight * WINDOWED_SHARE));
        double w = Math.floor(contentWidth * s);
        double h = Math.floor(contentHeight * s);
        return new WindowGeometry(areaX + Math.floor((areaWidth - w) / 2), areaY + Math.floor((areaHeight - h) / 2), w, h);
    }

    /** The even scale that fits content into a box whole (the rest of the box is letterbox bars); 0 for an empty box. */
    static double fitScale(double contentWidth, double contentHeight, double boxWidth, double boxHeight) {
        if (!(contentWidth > 0) || !(contentHeight > 0) || !(boxWidth > 0) || !(boxHeight > 0)) {
            return 0; // nothing to show into, or nothing to show: never infinite or NaN
        }
        return Math.min(boxWidth / contentWidth, boxHeight / contentHeight);
    }

    private static void requireSize(double w, double h, String what) {
        if (!(w > 0 && h > 0 && Double.isFinite(w) && Double.isFinite(h))) {
            throw new IllegalArgumentException("the " + what + " has no size: " + w + "×" + h);
        }
    }
}
