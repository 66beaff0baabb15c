package com.simkiosk.kiosk.screen.common;

import com.simkiosk.kiosk.i18n.LineBreaks;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small builders so that every screen uses the same style classes. */
public final class Ui {
    private Ui() {}

    public static Label title(String text) {
        return label(text, "title");
    }

    public static Label headline(String text) {
        return label(text, "headline");
    }

    public static Label body(String text) {
        return label(text, "body");
    }

    public static Label hint(String text) {
        return label(text, "hint");
    }

    public static Label label(String text, String... styleClasses) {
        Label l = keepWordsTogether(new Label(text));
        l.getStyleClass().addAll(styleClasses);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    public static Button button(String id, String text, Runnable action) {
        Button b = keepWordsTogether(new Button(text));
        b.setId(id);
        b.setWrapText(true);
        b.setOnAction(e -> action.run());
        return b;
    }

    public static Button primary(String id, String text, Runnable action) {
        Button b = button(id, text, action);
        b.getStyleClass().add("primary");
        b.setDefaultButton(false);
        return b;
    }

    /**
     * Japanese, Chinese and Korean text wraps between words and never before 、。」 or after 「（, now and after every
     * later {@code setText} (see {@link LineBreaks}); Latin text is left as it is.
     */
    public static <T extends Labeled> T keepWordsTogether(T labeled) {
        labeled.setText(LineBreaks.keepWordsTogether(labeled.getText()));
        labeled.textProperty().addListener((o, old, now) -> {
            String kept = LineBreaks.keepWordsTogether(now);
            if (!Objects.equals(kept, now) && !labeled.textProperty().isBound()) {
                labeled.setText(kept);
            }
        });
        return labeled;
    }

    /** A screen's body: a vertical stack with the screen's padding. */
    public static VBox screen(String id, Node... children) {
        VBox box = new VBox(children);
        box.setId(id);
        box.getStyleClass().add("screen");
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    /** The row of actions at the bottom of a screen, right-aligned, primary last. */
    public static HBox actions(Node... buttons) {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(24);
        row.getChildren().add(grow);
        row.getChildren().addAll(buttons);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    public static Region spacer() {
        Region r = new Region();
        VBox.setVgrow(r, Priority.ALWAYS);
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** A labelled value in a card, e.g. "Balance / ¥1,280". */
    public static VBox card(String id, String label, String value, boolean warning) {
        Label v = label(value, "card-value");
        v.setId(id);
        if (warning) {
            v.getStyleClass().add("warning");
        }
        VBox c = new VBox(label(label, "card-label"), v);
        c.getStyleClass().add("card");
        return c;
    }
}
