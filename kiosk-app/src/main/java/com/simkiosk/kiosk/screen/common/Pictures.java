package com.simkiosk.kiosk.screen.common;

import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.transform.Scale;

/**
 * Pictures the project draws itself, as vector shapes: how to insert a SIM (bare, or a nano SIM in its adapter),
 * take the SIM, take the slip, and one icon per kind of problem. Every shape is coloured by a style class whose
 * rule uses the theme's looked-up colours ({@code .picture-*} in kiosk.css), so each theme repaints them.
 * Drawn on a 240 × 240 grid and scaled to the size asked for.
 */
public final class Pictures {
    static final double GRID = 240;
    /** A SIM card upright, 100 × 150, with its cut corner top right. */
    private static final String SIM = "M0,0 H76 L100,24 V150 H0 Z";
    private static final String NANO = "M0,0 H34 L44,10 V60 H0 Z";
    private static final String ARROW_DOWN = "M-14,0 H14 V70 H34 L0,110 L-34,70 H-14 Z";
    private static final String CLOUD = "M60,170 C20,170 20,115 58,112 C60,70 120,60 135,98 C150,80 190,90 188,125 "
            + "C222,128 222,170 190,170 Z";

    /** What a problem screen's icon shows; see the error screen for which error is which. */
    public enum Problem { CARD, LINE, SERVICE }

    private Pictures() {}

    /** A SIM going into the kiosk's slot, cut corner first, contacts down (drawn dashed, as seen through the card). */
    public static Region insertSim(boolean adapter, double size) {
        Group g = new Group(slot());
        g.getChildren().add(card(70, 20, adapter, true));
        g.getChildren().add(arrow(205, 30, false));
        return framed(adapter ? "picture-insert-sim-adapter" : "picture-insert-sim", g, size);
    }

    /** The SIM standing out of the slot, an arrow pulling it up. */
    public static Region takeSim(double size) {
        Group g = new Group();
        g.getChildren().add(card(70, 66, false, false));
        g.getChildren().add(slot()); // over the card's lower half: the card is still inside
        g.getChildren().add(arrow(205, 30, true));
        return framed("picture-take-sim", g, size);
    }

    /** The slip coming out of the printer, with its barcode, an arrow pulling it up. */
    public static Region takeSlip(double size) {
        Rectangle paper = style(new Rectangle(50, 20, 120, 160), "picture-paper");
        Group g = new Group(paper);
        for (int i = 0; i < 3; i++) {
            g.getChildren().add(style(new Line(66, 44 + i * 18, i == 2 ? 120 : 154, 44 + i * 18), "picture-ink-line"));
        }
        int[] bars = {3, 1, 2, 1, 3, 2, 1, 1, 3, 1, 2, 3, 1, 2};
        double x = 66;
        for (int w : bars) {
            g.getChildren().add(style(new Rectangle(x, 104, w * 2, 40), "picture-ink"));
            x += w * 2 + 3;
        }
        Rectangle printer = style(new Rectangle(20, 160, 200, 64), "picture-body");
        printer.setArcWidth(20);
        printer.setArcHeight(20);
        g.getChildren().addAll(printer, style(new Rectangle(40, 168, 160, 8), "picture-slot"));
        g.getChildren().add(arrow(205, 30, true));
        return framed("picture-take-slip", g, size);
    }

    /** The icon of a problem: a SIM with a warning mark, a signal with a cross, or a cloud with a warning mark. */
    public static Region problem(Problem kind, double size) {
        Group g = new Group();
        switch (kind) {
            case CARD -> {
                g.getChildren().add(card(70, 45, false, false));
                g.getChildren().add(mark(165, 175));
            }
            case LINE -> {
                for (int i = 0; i < 4; i++) {
                    double h = 40 + i * 40;
                    Rectangle bar = style(new Rectangle(40 + i * 44, 200 - h, 30, h), "picture-outline");
                    bar.setArcWidth(8);
                    bar.setArcHeight(8);
                    g.getChildren().add(bar);
                }
                g.getChildren().add(style(new Line(30, 30, 210, 210), "picture-cross"));
            }
            case SERVICE -> {
                g.getChildren().add(style(path(CLOUD), "picture-outline"));
                g.getChildren().add(mark(170, 175));
            }
        }
        Region r = framed("picture-problem-" + kind.name().toLowerCase(java.util.Locale.ROOT), g, size);
        r.getStyleClass().add("picture-problem");
        return r;
    }

    /** A picture with its caption centred under it. */
    public static VBox captioned(Region picture, Label caption) {
        VBox box = new VBox(8, picture, caption);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** The kiosk's card slot: a panel with a dark opening. */
    private static Group slot() {
        Rectangle panel = style(new Rectangle(20, 176, 200, 48), "picture-body");
        panel.setArcWidth(20);
        panel.setArcHeight(20);
        return new Group(panel, style(new Rectangle(50, 184, 140, 10), "picture-slot"));
    }

    /**
     * A SIM at ({@code x}, {@code y}). {@code adapter}: the card is an adapter frame holding a nano SIM.
     * {@code contactsDown}: the card is drawn upside down (cut corner leading into the slot), contacts dashed.
     */
    private static Group card(double x, double y, boolean adapter, boolean contactsDown) {
        SVGPath outline = style(path(SIM), "picture-card");
        Group card = new Group(outline);
        if (adapter) {
            SVGPath nano = style(path(NANO), "picture-nano");
            nano.setTranslateX(28);
            nano.setTranslateY(45);
            card.getChildren().add(nano);
        }
        Rectangle chip = style(new Rectangle(30, 60, 40, 32), contactsDown ? "picture-chip-hidden" : "picture-chip");
        chip.setArcWidth(8);
        chip.setArcHeight(8);
        card.getChildren().add(chip);
        if (contactsDown) {
            card.setRotate(180); // the cut corner now leads, bottom left
        }
        card.setLayoutX(x);
        card.setLayoutY(y);
        return card;
    }

    private static Node arrow(double x, double y, boolean up) {
        SVGPath a = style(path(ARROW_DOWN), "picture-arrow");
        a.setLayoutX(x);
        a.setLayoutY(y);
        if (up) {
            a.setRotate(180);
        }
        return a;
    }

    /** A round "!" badge. */
    private static Group mark(double cx, double cy) {
        Circle disc = style(new Circle(cx, cy, 38), "picture-mark");
        Rectangle stem = style(new Rectangle(cx - 6, cy - 24, 12, 30), "picture-mark-ink");
        Circle dot = style(new Circle(cx, cy + 18, 7), "picture-mark-ink");
        return new Group(disc, stem, dot);
    }

    private static SVGPath path(String d) {
        SVGPath p = new SVGPath();
        p.setContent(d);
        return p;
    }

    private static <S extends Shape> S style(S shape, String styleClass) {
        shape.getStyleClass().addAll("picture-shape", styleClass);
        return shape;
    }

    private static Region framed(String id, Group drawing, double size) {
        drawing.getTransforms().add(new Scale(size / GRID, size / GRID, 0, 0));
        StackPane frame = new StackPane(new Group(drawing));
        frame.setId(id);
        frame.getStyleClass().add("picture");
        frame.setMinSize(size, size);
        frame.setPrefSize(size, size);
        frame.setMaxSize(size, size);
        return frame;
    }
}
