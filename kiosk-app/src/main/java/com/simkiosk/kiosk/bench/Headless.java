package com.simkiosk.kiosk.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Starts JavaFX on Monocle's headless glass with software rendering (no display needed), or on the real display. */
public final class Headless {
    private Headless() {}

    /** Must run before anything touches JavaFX. Returns false when the toolkit did not come up within the bound. */
    public static boolean startToolkit() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "2400x1200-32");
        System.setProperty("java.awt.headless", "true");
        return startRealToolkit();
    }

    /** The kiosk's screen at its design size in the normal theme, on a new stage that is shown. FX thread. */
    static Scene show(com.simkiosk.kiosk.app.KioskRuntime runtime) {
        Scene scene = new Scene(runtime.root(), com.simkiosk.kiosk.app.KioskShell.WIDTH, com.simkiosk.kiosk.app.KioskShell.HEIGHT);
        com.simkiosk.kiosk.theme.Styling.apply(scene, com.simkiosk.kiosk.theme.Theme.NORMAL);
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    /** JavaFX's own glass and pipeline on the display in $DISPLAY (a real screen, or Xvfb). */
    public static boolean startRealToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(started::countDown);
        return started.await(30, TimeUnit.SECONDS);
    }
}
