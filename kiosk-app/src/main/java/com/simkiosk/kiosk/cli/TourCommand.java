package com.simkiosk.kiosk.cli;

import com.simkiosk.kiosk.bench.Headless;
import com.simkiosk.kiosk.tour.Tour;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
        if (!Headless.startToolkit()) {
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
