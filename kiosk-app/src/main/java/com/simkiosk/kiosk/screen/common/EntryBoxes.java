package com.simkiosk.kiosk.screen.common;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * One box per character a code or PIN can have, so the customer sees how long it is before typing: six boxes for
 * an SMS code; for a PIN of 4 to 8 digits, four boxes that must be filled and four more that may be
 * ({@code optional}). A PIN shows dots, never its digits.
 */
public final class EntryBoxes extends HBox {
    private final int min;
    private final boolean secret;
    private final List<Label> boxes = new ArrayList<>();

    public EntryBoxes(int min, int max, boolean secret) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("boxes " + min + ".." + max);
        }
        this.min = min;
        this.secret = secret;
        setId("entry-boxes");
        getStyleClass().add("entry-boxes");
        setAlignment(Pos.CENTER);
        for (int i = 0; i < max; i++) {
            Label box = new Label(" ");
            box.setId("entry-box-" + i);
            box.getStyleClass().add("entry-box");
            if (i >= min) {
                box.getStyleClass().add("optional");
            }
            box.setAlignment(Pos.CENTER);
            boxes.add(box);
            getChildren().add(box);
        }
    }

    /** Six boxes for a six-digit code. */
    public static EntryBoxes code(int length) {
        return new EntryBoxes(length, length, false);
    }

    /** Boxes for a PIN of {@code min}..{@code max} digits, shown as dots. */
    public static EntryBoxes pin(int min, int max) {
        return new EntryBoxes(min, max, true);
    }

    /** Fills one box per typed character; the next box to fill is marked. */
    public void show(CharSequence typed) {
        for (int i = 0; i < boxes.size(); i++) {
            Label box = boxes.get(i);
            box.setText(i < typed.length() ? (secret ? "●" : String.valueOf(typed.charAt(i))) : " ");
            box.getStyleClass().removeAll("filled", "next");
            if (i < typed.length()) {
                box.getStyleClass().add("filled");
            } else if (i == typed.length()) {
                box.getStyleClass().add("next");
            }
        }
    }

    /** How many boxes there are (the longest entry). */
    public int size() {
        return boxes.size();
    }

    /** How many must be filled. */
    public int required() {
        return min;
    }

    /** What the boxes show, as one string without gaps (dots for a PIN). */
    public String shown() {
        StringBuilder out = new StringBuilder();
        for (Label box : boxes) {
            if (box.getStyleClass().contains("filled")) {
                out.append(box.getText());
            }
        }
        return out.toString();
    }
}
