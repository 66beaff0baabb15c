package com.simkiosk.kiosk.screen.common;

import com.simkiosk.kiosk.i18n.Messages;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * An on-screen keypad: 3×4 digits with delete and clear, and optionally a letters page (A–Z and '-') for order
 * numbers and document numbers. Keys are ≥ 96 px, well above the 64 px touch minimum.
 */
public final class Keypad extends VBox {

    /** What a key press means; the screen turns it into a flow event or an edit of its entry. */
    public sealed interface Key {
        record Char(char c) implements Key {}

        record Delete() implements Key {}

        record Clear() implements Key {}
    }

    /** Wide enough for the longest "delete" label in any language, so all columns line up. */
    private static final double KEY_WIDTH = 200;
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-";
    private final Messages m;
    private final Consumer<Key> onKey;
    private final boolean withLetters;
    private final GridPane grid = new GridPane();

    public Keypad(Messages m, Consumer<Key> onKey) {
        this(m, onKey, false);
    }

    public Keypad(Messages m, Consumer<Key> onKey, boolean withLetters) {
        this.m = m;
        this.onKey = onKey;
        this.withLetters = withLetters;
        getStyleClass().add("keypad");
        setSpacing(16);
        setAlignment(Pos.CENTER);
        grid.setHgap(16);
        grid.setVgap(16);
        grid.setAlignment(Pos.CENTER);
        getChildren().add(grid);
        showDigits();
    }

    /** Applies a key to text being typed (at most {@code max} characters); the shared editing rule of every entry. */
    public static void edit(StringBuilder typed, Key key, int max) {
        if (key instanceof Key.Char c && typed.length() < max) {
            typed.append(c.c());
        } else if (key instanceof Key.Delete && typed.length() > 0) {
            typed.setLength(typed.length() - 1);
        } else if (key instanceof Key.Clear) {
            typed.setLength(0);
        }
    }

    private void showDigits() {
        grid.getChildren().clear();
        String digits = "123456789";
        for (int i = 0; i < 9; i++) {
            char d = digits.charAt(i);
            grid.add(key(String.valueOf(d), "key-" + d, new Key.Char(d)), i % 3, i / 3);
        }
        grid.add(small(key(m.get("keypad.clear"), "key-clear", new Key.Clear())), 0, 3);
        grid.add(key("0", "key-0", new Key.Char('0')), 1, 3);
        grid.add(small(key("← " + m.get("keypad.delete"), "key-delete", new Key.Delete())), 2, 3);
        if (withLetters) {
            grid.add(small(toggle(m.get("keypad.letters"), this::showLetters)), 0, 4, 3, 1);
        }
    }

    private void showLetters() {
        grid.getChildren().clear();
        int cols = 7;
        for (int i = 0; i < LETTERS.length(); i++) {
            char c = LETTERS.charAt(i);
            Button b = key(String.valueOf(c), "key-" + (c == '-' ? "dash" : c), new Key.Char(c));
            b.setMinWidth(100);
            b.setPrefWidth(100);
            grid.add(b, i % cols, i / cols);
        }
        grid.add(small(key("←", "key-delete", new Key.Delete())), 6, 3);
        grid.add(small(toggle(m.get("keypad.digits"), this::showDigits)), 0, 4, cols, 1);
    }

    private Button toggle(String text, Runnable show) {
        Button b = new Button(text);
        b.setId("key-toggle");
        b.getStyleClass().add("key");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> show.run());
        return b;
    }

    private static Button small(Button b) {
        b.getStyleClass().add("key-small");
        return b;
    }

    private Button key(String text, String id, Key k) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("key");
        b.setMinWidth(KEY_WIDTH);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> onKey.accept(k));
        return b;
    }
}
