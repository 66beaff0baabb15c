package com.simkiosk.kiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** PNG pictures of screens, for the tour and for UI tests (works on Monocle headless and on Xvfb). */
public final class Snapshots {
    private Snapshots() {}

    /** Renders {@code node} and writes it as PNG. FX thread only. */
    public static Path write(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(null, null);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
        return file;
    }
}
