package com.simkiosk.kiosk.screen.common;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Holds one screen and, when it needs more height than there is (large text, a long translation), scales it down
 * evenly so that nothing (least of all the buttons at the bottom) falls off the glass. Never scales up.
 * {@link #centred()} holds a box instead (an overlay's): at its own size, no wider than its maximum width, centred.
 */
public final class FitPane extends Region {
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final boolean centred;
    private Node content;

    public FitPane() {
        this(false);
    }

    private FitPane(boolean centred) {
        this.centred = centred;
        getStyleClass().add("fit-pane");
    }

    /** For a box shown over the screen: its preferred height, at most its maximum width, centred; shrunk only to fit. */
    public static FitPane centred() {
        return new FitPane(true);
    }

    public void setContent(Parent node) {
        if (node == content) {
            return; // the same screen updated in place: nothing to re-attach or restyle
        }
        if (content != null) {
            content.getTransforms().remove(scale);
        }
        content = node;
        node.getTransforms().add(scale);
        getChildren().setAll(node);
    }

    /** How much the current screen is shrunk to fit (1 = not at all). */
    public double fitScale() {
        return scale.getX();
    }

    @Override
    protected void layoutChildren() {
        if (content == null) {
            return;
        }
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        if (w <= 0 || h <= 0) {
            scale.setX(1);
            scale.setY(1);
            content.resizeRelocate(in.getLeft(), in.getTop(), Math.max(0, w), Math.max(0, h));
            return;
        }
        double cw = centred ? Math.min(w, content.maxWidth(-1)) : w;
        double needed = content.prefHeight(cw);
        double s = needed > h ? h / needed : 1.0;
        // At a smaller scale the screen gets more logical width, so it may wrap less and need less height.
        if (s < 1.0) {
            cw = centred ? Math.min(w / s, content.maxWidth(-1)) : w / s;
            needed = content.prefHeight(cw);
            s = needed > h ? h / needed : 1.0;
        }
        scale.setX(s);
        scale.setY(s);
        if (centred) {
            double ch = Math.min(needed, h / s);
            content.resizeRelocate(in.getLeft() + (w - cw * s) / 2, in.getTop() + (h - ch * s) / 2, cw, ch);
        } else {
            content.resizeRelocate(in.getLeft(), in.getTop(), w / s, h / s);
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return 0; // takes what the frame gives it
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }
}
