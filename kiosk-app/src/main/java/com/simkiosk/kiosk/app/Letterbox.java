package com.simkiosk.kiosk.app;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * The window's content: the kiosk (its 1920×1080 surface, and the demo tray beside it in demo mode) laid out at its own
 * size and scaled evenly, up or down, to whatever the window or screen is, centred, with black bars on the sides that
 * do not match its aspect. The scale and the centring are worked out here from the window's size at each layout, never
 * from sizes taken before the first layout.
 */
final class Letterbox extends Region {
    private final Parent content;
    private final Scale scale = new Scale(1, 1, 0, 0);

    Letterbox(Parent content) {
        this.content = content;
        content.getTransforms().add(scale);
        getChildren().add(content);
        getStyleClass().add("letterbox");
        setStyle("-fx-background-color: black;");
    }

    /** The content's own width (before scaling): its preferred width once its CSS is applied. */
    double designWidth() {
        return content.prefWidth(-1);
    }

    double designHeight() {
        return content.prefHeight(designWidth());
    }

    /** The scale the content is shown at (1 = its own size). */
    double contentScale() {
        return scale.getX();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        double dw = designWidth();
        double dh = designHeight();
        content.resize(dw, dh);
        double s = WindowGeometry.fitScale(dw, dh, w, h);
        scale.setX(s);
        scale.setY(s);
        content.relocate(in.getLeft() + (w - dw * s) / 2, in.getTop() + (h - dh * s) / 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return designWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        return designHeight();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }
}
