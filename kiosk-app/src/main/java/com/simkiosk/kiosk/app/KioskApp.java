package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.theme.Styling;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.transform.Scale;
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
        CountDownLatch exited = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                new KioskApp(parts, windowed, exited).start(new Stage());
            } catch (RuntimeException e) {
                log.error("the kiosk could not start: {}", e.toString(), e);
                exited.countDown();
            }
        });
        exited.await();
        Platform.exit();
    }

    @Override
    public void start(Stage stage) {
        runtime = new KioskRuntime(parts, Clock.systemUTC(), () -> exit(stage));
        double w = runtime.root().prefWidth(-1);
        double h = KioskShell.HEIGHT;
        Group scaled = new Group(runtime.root());
        Scale scale = new Scale(1, 1, 0, 0);
        scaled.getTransforms().add(scale);
        StackPane holder = new StackPane(scaled);
        holder.setStyle("-fx-background-color: black;");
        Rectangle2D bounds = Screen.getPrimary().getBounds();
        double startW = windowed ? Math.min(w, bounds.getWidth() * 0.9) : bounds.getWidth();
        double startH = windowed ? startW * h / w : bounds.getHeight();
        Scene scene = new Scene(holder, startW, startH);
        Styling.apply(scene, parts.theme());
        scale.xProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(scene.getWidth() / w, scene.getHeight() / h), scene.widthProperty(), scene.heightProperty()));
        scale.yProperty().bind(scale.xProperty());
        stage.setScene(scene);
        stage.setTitle(runtime.messages().get("app.title"));
        if (windowed) {
            stage.setOnCloseRequest(e -> exit(stage));
        } else {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
            // A customer must not close the kiosk: only maintenance → exit ends it.
            stage.setOnCloseRequest(e -> e.consume());
        }
        stage.show();
        log.info("kiosk started ({}, {})", parts.demo() ? "demo" : "live", windowed ? "windowed" : "fullscreen");
    }

    private void exit(Stage stage) {
        stage.hide();
        if (runtime != null) {
            runtime.close();
        }
        exited.countDown();
    }
}
