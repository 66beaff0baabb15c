package com.simkiosk.kiosk.screen.help;

import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** A box shown over the screen on a scrim (help, display, idle warning, maintenance): one look for all of them. */
public final class Overlays {
    private Overlays() {}

    public static StackPane scrim(String id, Region box, Pos align, double maxWidth, double maxHeight) {
        box.getStyleClass().add("overlay-box");
        box.setMaxSize(maxWidth, maxHeight);
        if (box instanceof javafx.scene.layout.VBox v) {
            v.setAlignment(align);
        }
        StackPane scrim = new StackPane(box);
        scrim.setId(id);
        scrim.getStyleClass().add("overlay");
        return scrim;
    }
}
