package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.i18n.LineBreaks;
import com.simkiosk.testing.TestTime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers for UI tests on headless Monocle: run on the FX thread, wait with a bound, screenshots, texts. */
public final class Fx {
    public static final Duration PATIENCE = TestTime.bound(Duration.ofSeconds(30)); // some calls render every screen of a language

    private Fx() {}

    public static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    public static <T> T call(Callable<T> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static void run(Runnable task) throws Exception {
        call(() -> {
            task.run();
            return null;
        });
    }

    /** Polls {@code condition} on the FX thread until it holds, or fails after {@link #PATIENCE}. */
    public static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (call(condition::getAsBoolean)) {
                return;
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
        throw new AssertionError("timed out after " + PATIENCE.toSeconds() + " s waiting for: " + what);
    }

    /** The fit pane that holds the shell's screen (not one of an overlay's). FX thread. */
    public static com.simkiosk.kiosk.screen.common.FitPane screenPane(KioskShell shell) {
        for (Node n : shell.surface().lookupAll(".fit-pane")) {
            var fit = (com.simkiosk.kiosk.screen.common.FitPane) n;
            if (!fit.getChildrenUnmodifiable().isEmpty()
                    && fit.getChildrenUnmodifiable().get(0).getStyleClass().contains("screen")) {
                return fit;
            }
        }
        throw new AssertionError("no screen in a fit pane");
    }

    /** Every text a Labeled below {@code root} shows. FX thread only. */
    public static List<String> texts(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(LineBreaks.plain(l.getText())); // as read, without the line-break joiners
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** Writes a PNG of {@code node} to {@code target/screenshots/name.png}. FX thread only. */
    public static Path screenshot(Node node, String name) throws IOException {
        Path dir = Path.of(System.getProperty("kiosk.screenshots", "target/screenshots"));
        return Snapshots.write(node, dir.resolve(name + ".png"));
    }

    /** A kiosk shell in a 1920×1080 scene styled with {@code theme}. FX thread only; close it when done. */
    public static KioskShell shell(java.time.Clock clock, com.simkiosk.kiosk.theme.Theme theme) {
        KioskShell shell = new KioskShell(e -> {}, clock, false, () -> {});
        javafx.scene.Scene scene = new javafx.scene.Scene(shell.surface(), KioskShell.WIDTH, KioskShell.HEIGHT);
        com.simkiosk.kiosk.theme.Styling.apply(scene, theme);
        return shell;
    }

    /** Shows {@code state} in {@code language} with its styles applied and laid out. FX thread only. */
    public static void show(KioskShell shell, com.simkiosk.kiosk.flow.State state, com.simkiosk.kiosk.flow.Language language) {
        shell.show(new com.simkiosk.kiosk.flow.FlowView(state, language, java.util.OptionalInt.empty()));
        shell.surface().applyCss();
        shell.surface().layout();
    }
}
