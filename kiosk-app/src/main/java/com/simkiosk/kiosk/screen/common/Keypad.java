package com.simkiosk.kiosk.screen.common;

import com.simkiosk.kiosk.i18n.Messages;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The one on-screen keypad of the kiosk, the same on every screen and in every language: what is typed (boxes or a
 * field) directly above the keys, 3×4 equal digit keys, and beside them a column of equal keys — delete, clear and
 * Confirm — like a bank terminal. Its size comes from the stylesheet ({@code .keypad}), never from a text, so the
 * digits sit at the same place whatever the language; a screen places it at the top right. An optional letters page
 * (A–Z and '-') for order and document numbers replaces the digits in the same block.
 */
public final class Keypad extends VBox {

    /** What a key press means; the screen turns it into a flow event or an edit of its entry. */
    public sealed interface Key {
        record Char(char c) implements Key {}

        record Delete() implements Key {}

        record Clear() implements Key {}
    }

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-";
    private static final int LETTER_COLUMNS = 7;
    private final Messages m;
    private final Consumer<Key> onKey;
    private final boolean withLetters;
    /** Four equal columns and rows: digits in the first three columns, delete, clear and Confirm in the fourth. */
    private final GridPane grid = new GridPane();
    /** The letters page, over the three digit columns. */
    private final GridPane block = new GridPane();

    /** Keys only (digits, delete, clear): the maintenance PIN pad, which has its own OK. */
    public Keypad(Messages m, Consumer<Key> onKey) {
        this(m, onKey, false, Optional.empty(), Optional.empty());
    }

    /**
     * The customer's keypad: {@code display} (an {@link EntryBoxes} or an entry field) above the keys and
     * {@code confirm} in the key column beside them.
     */
    public Keypad(Messages m, Consumer<Key> onKey, boolean withLetters, Node display, Button confirm) {
        this(m, onKey, withLetters, Optional.of(display), Optional.of(confirm));
    }

    private Keypad(Messages m, Consumer<Key> onKey, boolean withLetters, Optional<Node> display, Optional<Button> confirm) {
        this.m = m;
        this.onKey = onKey;
        this.withLetters = withLetters;
        setId("keypad");
        getStyleClass().add("keypad");
        setAlignment(Pos.TOP_CENTER);
        setFillWidth(true);
        block.getStyleClass().add("keypad-block");
        grid.getStyleClass().add("keypad-grid");
        grid.setId("keypad-grid");
        for (int i = 0; i < 4; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(25);
            grid.getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(25);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        grid.add(key("⌫ " + m.get("keypad.delete"), "key-delete", new Key.Delete(), "key-action"), 3, 0);
        grid.add(key(m.get("keypad.clear"), "key-clear", new Key.Clear(), "key-action"), 3, 1);
        confirm.ifPresent(c -> {
            c.getStyleClass().addAll("key", "key-action", "key-confirm");
            fill(c);
            grid.add(c, 3, 2, 1, 2);
        });
        display.ifPresent(d -> {
            StackPane slot = new StackPane(d);
            slot.getStyleClass().add("keypad-display");
            slot.setId("keypad-display");
            getChildren().add(slot);
        });
        getChildren().add(grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        showDigits();
    }

    /**
     * A keypad screen: what the step is about on the left, the keypad at the top right (the same place on every
     * keypad screen), {@code back} at the bottom left.
     */
    public static VBox screen(String id, Node info, Keypad keypad, Button back) {
        HBox.setHgrow(info, Priority.ALWAYS);
        HBox row = new HBox(info, keypad);
        row.getStyleClass().add("keypad-row");
        row.setAlignment(Pos.TOP_LEFT);
        HBox actions = new HBox(back);
        actions.setAlignment(Pos.CENTER_LEFT);
        return Ui.screen(id, row, Ui.spacer(), actions);
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
        grid.getChildren().removeIf(n -> n == block || n.getStyleClass().contains("key-digit") || "key-toggle".equals(n.getId()));
        String digits = "123456789";
        for (int i = 0; i < 9; i++) {
            char d = digits.charAt(i);
            grid.add(key(String.valueOf(d), "key-" + d, new Key.Char(d), "key-digit"), i % 3, i / 3);
        }
        grid.add(key("0", "key-0", new Key.Char('0'), "key-digit"), 1, 3);
        if (withLetters) {
            grid.add(toggle(m.get("keypad.letters"), this::showLetters), 0, 3);
        }
    }

    private void showLetters() {
        grid.getChildren().removeIf(n -> n.getStyleClass().contains("key-digit") || "key-toggle".equals(n.getId()));
        layout(LETTER_COLUMNS);
        for (int i = 0; i < LETTERS.length(); i++) {
            char c = LETTERS.charAt(i);
            block.add(key(String.valueOf(c), "key-" + (c == '-' ? "dash" : c), new Key.Char(c), "key-letter"),
                    i % LETTER_COLUMNS, i / LETTER_COLUMNS);
        }
        block.add(toggle(m.get("keypad.digits"), this::showDigits), LETTER_COLUMNS - 1, 3);
        grid.add(block, 0, 0, 3, 4);
    }

    /** Equal cells: every key of the block gets the same share of its width and height. */
    private void layout(int columns) {
        block.getChildren().clear();
        block.getColumnConstraints().clear();
        block.getRowConstraints().clear();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            block.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 4; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(25);
            block.getRowConstraints().add(rc);
        }
    }

    private Button toggle(String text, Runnable show) {
        Button b = new Button(text);
        b.setId("key-toggle");
        b.getStyleClass().addAll("key", "key-action");
        fill(b);
        b.setOnAction(e -> show.run());
        return b;
    }

    private Button key(String text, String id, Key k, String kind) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().addAll("key", kind);
        b.setWrapText(true);
        fill(b);
        b.setOnAction(e -> onKey.accept(k));
        return b;
    }

    /** A key fills its cell, whatever its text: the cells, not the labels, decide the sizes. */
    private static void fill(Button b) {
        b.setMinSize(0, 0);
        b.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        GridPane.setFillWidth(b, true);
        GridPane.setFillHeight(b, true);
    }
}
