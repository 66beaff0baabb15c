package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.theme.Styling;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk window. Fullscreen with no exit key and close requests refused (the only way out is maintenance), or a
 * resizable window with {@code --windowed}. The 1920×1080 surface is scaled to whatever the display is.
 * Started with {@link #run}, which owns the toolkit: it is not launched through {@code Application.launch}, so the
 * parts are handed over by constructor, not through a static.
 */
public final class KioskApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(KioskApp.class);

    /** Starting the simulator or connecting the hardware must not hang a kiosk that has nobody to tell. */
    private static final long PARTS_START_BOUND_SECONDS = 60;

    private final KioskParts parts;
    private final boolean windowed;
    private final CountDownLatch exited;
    private KioskRuntime runtime;

    KioskApp(KioskParts parts, boolean windowed, CountDownLatch exited) {
        this.parts = parts;
        this.windowed = windowed;
        this.exited = exited;
    }

    /** Starts the toolkit, shows the kiosk and blocks until it exits (maintenance → exit, or closing a window). */
    public static void run(KioskParts parts, boolean windowed) throws InterruptedException {
        FutureTask<KioskParts> ready = new FutureTask<>(() -> parts);
        ready.run();
        runWith(ready, Optional.empty(), windowed);
    }

    /**
     * The same, starting the parts (simulator, back-end client, reader) on their own thread while the toolkit starts:
     * on two cores the two halves of a cold start overlap instead of queueing. A failure to start them is thrown here.
     */
    public static void run(Callable<KioskParts> startParts, boolean windowed) throws Exception {
        run(startParts, Optional.empty(), windowed);
    }

    /**
     * The same, showing the attract screen as soon as the toolkit runs, built from {@code face} (what the parts will
     * say the kiosk looks like) while the parts still start (issue 17, cold start): the runtime takes that screen over
     * when they are ready (or builds its own if they turn out to look different).
     */
    public static void run(Callable<KioskParts> startParts, Optional<EarlyShell.Face> face, boolean windowed) throws Exception {
        FutureTask<KioskParts> parts = new FutureTask<>(startParts);
        Thread starter = new Thread(parts, "kiosk-parts-start");
        starter.setDaemon(true);
        starter.start();
        runWith(parts, face, windowed);
        if (parts.isDone() && !parts.isCancelled()) {
            try {
                parts.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    private static void runWith(FutureTask<KioskParts> parts, Optional<EarlyShell.Face> face, boolean windowed)
            throws InterruptedException {
        CountDownLatch exited = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            if (face.isPresent() && !parts.isDone()) {
                startEarly(parts, face.get(), windowed, exited);
                return;
            }
            try {
                new KioskApp(parts.get(PARTS_START_BOUND_SECONDS, TimeUnit.SECONDS), windowed, exited).start(new Stage());
            } catch (ExecutionException e) {
                exited.countDown(); // the caller throws the cause
            } catch (Exception e) {
                log.error("the kiosk could not start: {}", e.toString(), e);
                exited.countDown();
            }
        });
        exited.await();
        Platform.exit();
    }

    /** Shows the attract screen now, and hands the kiosk to its parts on the FX thread once they have started. */
    private static void startEarly(FutureTask<KioskParts> parts, EarlyShell.Face face, boolean windowed, CountDownLatch exited) {
        Stage stage = new Stage();
        EarlyShell early = new EarlyShell(face, Clock.systemUTC());
        show(stage, early.root(), face.theme(), early.shell().messages(face.firstLanguage()).get("app.title"),
                windowed, exited);
        Thread waiter = new Thread(() -> {
            try {
                KioskParts ready = parts.get(PARTS_START_BOUND_SECONDS, TimeUnit.SECONDS);
                Platform.runLater(() -> {
                    try {
                        KioskApp app = new KioskApp(ready, windowed, exited);
                        app.runtime = new KioskRuntime(ready, Clock.systemUTC(), () -> app.exit(stage), Optional.of(early));
                        if (app.runtime.root() != early.root()) {
                            stage.getScene().setRoot(new Letterbox(app.runtime.root())); // built for another look
                        }
                        app.started(stage, (Letterbox) stage.getScene().getRoot());
                    } catch (RuntimeException e) {
                        log.error("the kiosk could not start: {}", e.toString(), e);
                        stage.hide();
                        exited.countDown();
                    }
                });
            } catch (ExecutionException e) {
                Platform.runLater(stage::hide);
                exited.countDown(); // the caller throws the cause
            } catch (Exception e) {
                log.error("the kiosk could not start: {}", e.toString(), e);
                Platform.runLater(stage::hide);
                exited.countDown();
            }
        }, "kiosk-parts-wait");
        waiter.setDaemon(true);
        waiter.start();
    }

    @Override
    public void start(Stage stage) {
        runtime = new KioskRuntime(parts, Clock.systemUTC(), () -> exit(stage));
        Letterbox letterbox = show(stage, runtime.root(), parts.theme(), runtime.messages().get("app.title"), windowed,
                exited);
        started(stage, letterbox);
    }

    /** Puts {@code content} on the stage, fullscreen or in a window, and shows it. */
    private static Letterbox show(Stage stage, javafx.scene.Parent content, com.simkiosk.kiosk.theme.Theme theme, String title,
                                  boolean windowed, CountDownLatch exited) {
        Letterbox letterbox = new Letterbox(content);
        Scene scene = new Scene(letterbox);
        Styling.apply(scene, theme);
        letterbox.applyCss(); // the kiosk's own size comes from its CSS: take it only once that is applied
        WindowGeometry place = place(stage, letterbox, windowed);
        stage.setScene(scene);
        stage.setTitle(title);
        if (windowed) {
            stage.setOnCloseRequest(e -> {
                stage.hide();
                exited.countDown(); // (replaced by the runtime's own exit once it runs)
            });
        } else {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
            // A customer must not close the kiosk: only maintenance → exit ends it.
            stage.setOnCloseRequest(e -> e.consume());
        }
        stage.show();
        if (windowed) {
            size(stage, place);
        }
        return letterbox;
    }

    /** Places the stage for its content (before it is shown: a fullscreen kiosk's letterbox takes the screen's size). */
    private static WindowGeometry place(Stage stage, Letterbox letterbox, boolean windowed) {
        Screen screen = Screen.getPrimary();
        WindowGeometry place = windowed ? windowedPlace(letterbox, screen.getVisualBounds()) : screenPlace(screen.getBounds());
        if (!windowed) {
            letterbox.setPrefSize(place.width(), place.height());
        }
        stage.setX(place.x());
        stage.setY(place.y());
        return place;
    }

    /**
     * Sized and placed once shown: JavaFX 21 on Linux loses a size given before the window is mapped under some window
     * managers (openbox: a 200×200 window; JDK-8316423, fixed in JavaFX 22). The stage's size includes the window's
     * frame, which the visual bounds' share left room for.
     */
    private static void size(Stage stage, WindowGeometry place) {
        stage.setX(place.x());
        stage.setY(place.y());
        stage.setWidth(place.width());
        stage.setHeight(place.height());
    }

    /** The runtime runs on the shown stage: its exit, and (a window) a size that takes in the demo panel. */
    private void started(Stage stage, Letterbox letterbox) {
        Screen screen = Screen.getPrimary();
        WindowGeometry place;
        if (windowed) {
            stage.setOnCloseRequest(e -> exit(stage));
            letterbox.applyCss();
            place = windowedPlace(letterbox, screen.getVisualBounds());
            if (stage.getWidth() != place.width() || stage.getHeight() != place.height()) {
                size(stage, place); // the demo panel came with the parts
            }
        } else {
            place = screenPlace(screen.getBounds());
        }
        log.info("kiosk started ({}, {}): kiosk {}×{} on a {}×{} screen, window {}×{} at {},{}", parts.demo() ? "demo" : "live",
                windowed ? "windowed" : "fullscreen", fmt(letterbox.designWidth()), fmt(letterbox.designHeight()),
                fmt(screen.getBounds().getWidth()), fmt(screen.getBounds().getHeight()),
                fmt(place.width()), fmt(place.height()), fmt(place.x()), fmt(place.y()));
    }

    private static WindowGeometry windowedPlace(Letterbox letterbox, Rectangle2D area) {
        return WindowGeometry.windowed(letterbox.designWidth(), letterbox.designHeight(),
                area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight());
    }

    private static WindowGeometry screenPlace(Rectangle2D screen) {
        return new WindowGeometry(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight());
    }

    private static String fmt(double v) {
        return String.valueOf(Math.round(v));
    }

    private void exit(Stage stage) {
        stage.hide();
        if (runtime != null) {
            runtime.close();
        }
        exited.countDown();
    }
}
