package com.simkiosk.kiosk.cli;

import com.simkiosk.kiosk.tour.Tour;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kiosk tour --out DIR}: every screen in every language as PNG, headless, through the real flow. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = "Render every kiosk screen in every language headless (Monocle) to DIR/NN-screen-lang.png + tour.json.")
public final class TourCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the pictures and tour.json.")
    Path out;

    @Override
    public Integer call() throws Exception {
        // Monocle's headless glass and software rendering: no display needed. Must be set before the toolkit starts.
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "2400x1200-32");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(started::countDown);
        if (!started.await(30, TimeUnit.SECONDS)) {
            System.err.println("tour: the JavaFX toolkit did not start within 30 s");
            return 1;
        }
        try {
            List<Tour.Step> steps = new Tour(out).run();
            System.out.println("tour: " + steps.size() + " screens in " + out.toAbsolutePath() + " (tour.json lists them)");
            return 0;
        } catch (Exception e) {
            System.err.println("tour: stopped: " + e.getMessage());
            return 1;
        } finally {
            Platform.exit();
        }
    }
}
