package com.simkiosk.kiosk.screen.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.StrokeLineCap;

/** A ring showing the share of data left, with the amount in the middle. */
public final class DataGauge extends StackPane {
    private static final double RADIUS = 100;

    /** @param fraction 0..1 of the data left; {@code warning} colours the ring when little is left. */
    public DataGauge(double fraction, String amount, String ofTotal, boolean warning) {
        getStyleClass().add("gauge");
        Circle track = new Circle(RADIUS + 14);
        track.getStyleClass().add("gauge-track");
        Circle hole = new Circle(RADIUS - 14);
        hole.setStyle("-fx-fill: -kiosk-surface;");
        Arc arc = new Arc(0, 0, RADIUS, RADIUS, 90, -360 * Math.max(0, Math.min(1, fraction)));
        arc.setType(ArcType.OPEN);
        arc.setStrokeWidth(24);
        arc.setStrokeLineCap(StrokeLineCap.BUTT);
        arc.getStyleClass().add("gauge-arc");
        if (warning) {
            arc.getStyleClass().add("warning");
        }
        Label value = new Label(amount);
        value.setId("data-left");
        value.getStyleClass().add("gauge-text");
        Label total = new Label(ofTotal);
        total.getStyleClass().addAll("card-label");
        VBox text = new VBox(4, value, total);
        text.setAlignment(Pos.CENTER);
        // A transparent full circle gives the arc's group the ring's bounds, so a partial arc stays centred.
        Circle bounds = new Circle(RADIUS + 14);
        bounds.setStyle("-fx-fill: transparent;");
        getChildren().addAll(track, hole, new javafx.scene.Group(bounds, arc), text);
        setAlignment(Pos.CENTER);
        setMinSize(2 * RADIUS + 40, 2 * RADIUS + 40);
    }
}
