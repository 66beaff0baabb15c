package com.simkiosk.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Bounds;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kiosk scaled into windows of other shapes: whole, centred, bars on the sides that do not match (Monocle). */
class LetterboxTest {
    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    private static Region kiosk() {
        Region r = new Region();
        r.setPrefSize(2340, 1080); // the surface and the demo tray
        return r;
    }

    private static Bounds laidOutIn(double width, double height) throws Exception {
        return Fx.call(() -> {
            Region content = kiosk();
            Letterbox box = new Letterbox(content);
            box.resize(width, height);
            box.layout();
            return content.localToParent(content.getLayoutBounds());
        });
    }

    @Test
    void aWindowTallerThanTheKioskGetsBarsAboveAndBelow() throws Exception {
        Bounds b = laidOutIn(1170, 1000); // scale 0.5: 1170×540, 230 px bars
        assertEquals(0, b.getMinX(), 0.01);
        assertEquals(230, b.getMinY(), 0.01);
        assertEquals(1170, b.getWidth(), 0.01);
        assertEquals(540, b.getHeight(), 0.01);
    }

    @Test
    void aWindowWiderThanTheKioskGetsBarsLeftAndRightAndTheKioskGrows() throws Exception {
        Bounds b = laidOutIn(5000, 2160); // scale 2: 4680×2160
        assertEquals(160, b.getMinX(), 0.01);
        assertEquals(0, b.getMinY(), 0.01);
        assertEquals(4680, b.getWidth(), 0.01);
        assertEquals(2160, b.getHeight(), 0.01);
    }

    @Test
    void anEmptyWindowShowsNothingInsteadOfAnInfiniteScale() throws Exception {
        double scale = Fx.call(() -> {
            Letterbox box = new Letterbox(kiosk());
            box.resize(0, 0);
            box.layout();
            return box.contentScale();
        });
        assertEquals(0, scale);
    }
}
