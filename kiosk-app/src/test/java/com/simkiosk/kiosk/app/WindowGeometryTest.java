package com.simkiosk.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WindowGeometryTest {
    private static final double DEMO_WIDTH = 1920 + 420; // the kiosk surface and the demo tray beside it

    @Test
    void demoWindowOnA1080pScreenKeepsItsAspectAndLeavesRoomForTheFrame() {
        WindowGeometry g = WindowGeometry.windowed(DEMO_WIDTH, 1080, 0, 0, 1920, 1080);
        assertEquals(1728, g.width());
        assertEquals(797, g.height()); // 1728 × 1080 / 2340, rounded down
        assertEquals(96, g.x());
        assertEquals(141, g.y());
    }

    @Test
    void onAScreenBiggerThanTheKioskTheWindowIsTheKioskAtItsOwnSize() {
        WindowGeometry g = WindowGeometry.windowed(1920, 1080, 0, 0, 3840, 2160);
        assertEquals(new WindowGeometry(960, 540, 1920, 1080), g);
    }

    @Test
    void aTallNarrowUsableAreaLimitsByHeightAndTheWindowIsCentredInThatArea() {
        // a 1366×768 screen with a 32 px panel at the top: usable 1366×736 from y = 32
        WindowGeometry g = WindowGeometry.windowed(1920, 1080, 0, 32, 1366, 736);
        assertEquals(1177, g.width()); // 1920 × 662.4 / 1080
        assertEquals(662, g.height());
        assertEquals(32 + 37, g.y());
    }

    @Test
    void contentIsScaledToFitWholeWithBarsOnTheSidesThatDoNotMatch() {
        assertEquals(0.5, WindowGeometry.fitScale(1920, 1080, 960, 1000));
        assertEquals(2.0, WindowGeometry.fitScale(1920, 1080, 4000, 2160));
    }

    @Test
    void anEmptyWindowOrContentGivesScaleZeroNeverInfinityOrNaN() {
        assertEquals(0, WindowGeometry.fitScale(0, 1080, 1920, 1080));
        assertEquals(0, WindowGeometry.fitScale(1920, 1080, 0, 0));
        assertEquals(0, WindowGeometry.fitScale(Double.NaN, 1080, 1920, 1080));
    }

    @Test
    void aContentWithoutASizeIsRefusedNotPlacedAsAnEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> WindowGeometry.windowed(0, 1080, 0, 0, 1920, 1080));
    }
}
