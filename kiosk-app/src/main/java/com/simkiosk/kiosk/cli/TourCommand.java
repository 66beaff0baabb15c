package com.simkiosk.kiosk.cli;

import com.simkiosk.kiosk.bench.Headless;
import com.simkiosk.kiosk.tour.Tour;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kiosk tour --out DIR}: every screen, error kind and reading path in every language (and Japanese in every
 * theme) as PNG, headless, through the real flow; exit 1 if any picture could not be taken.
 */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = "Render every kiosk screen, error and reading path in every language (Japanese in every theme) headless "
                + "(Monocle) to DIR/NNN-lang-theme-screen.png + tour.json (screen, language, theme, sample of each picture).")
public final class TourCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the pictures and tour.json.")
    Path out;

    @Option(names = "--only", paramLabel = "SCREEN", split = ",",
            description = "Only these screens (their names in tour.json, e.g. attract), in every pass.")
    List<String> only;

    @Override
    public Integer call() throws Exception {
        List<Tour.Stop> stops = only == null ? Tour.stops()
                : Tour.stops().stream().filter(s -> only.contains(s.screen())).toList();
        if (stops.isEmpty()) {
            System.err.println("tour: no screen named " + only + " (see tour.json of a whole tour for the names)");
            return 2;
        }
        if (!Headless.startToolkit()) {
            System.err.println("tour: the JavaFX toolkit did not start within 30 s");
            return 1;
        }
        try {
            List<Tour.Picture> pictures = new Tour(out, stops).run();
            List<Tour.Picture> missing = pictures.stream().filter(p -> !p.ok()).toList();
            System.out.println("tour: " + (pictures.size() - missing.size()) + " pictures in " + out.toAbsolutePath()
                    + " (tour.json lists them)");
            for (Tour.Picture p : missing) {
                System.err.println("tour: not taken: " + p.file() + " (" + p.sample() + "): " + p.problem().orElse(""));
            }
            return missing.isEmpty() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("tour: stopped: " + e.getMessage());
            return 1;
        } finally {
            Platform.exit();
        }
    }
}
