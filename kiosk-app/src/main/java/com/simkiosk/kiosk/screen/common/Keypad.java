package com.simkiosk.kiosk.screen.common;

import com.simkiosk.kiosk.i18n.Messages;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;

/** A 3×4 on-screen keypad: digits, delete one, clear. Keys are ≥ 96 px, well above the 64 px touch minimum. */
public final class Keypad extends GridPane {

    /** What a key press means; the screen turns it into a flow event. */
    public sealed interface Key {
        record Digit(char digit) implements Key {}

        record Delete() implements Key {}

        record Clear() implements Key {}
    }

    public Keypad(Messages m, Consumer<Key> onKey) {
        getStyleClass().add("keypad");
        setHgap(16);
        setVgap(16);
        String digits = "123456789";
        for (int i = 0; i < 9; i++) {
            char d = digits.charAt(i);
            add(key(String.valueOf(d), "key-" + d, () -> onKey.accept(new Key.Digit(d))), i % 3, i / 3);
        }
        Button clear = key(m.get("keypad.clear"), "key-clear", () -> onKey.accept(new Key.Clear()));
        clear.getStyleClass().add("key-small");
        add(clear, 0, 3);
        add(key("0", "key-0", () -> onKey.accept(new Key.Digit('0'))), 1, 3);
        Button delete = key("← " + m.get("keypad.delete"), "key-delete", () -> onKey.accept(new Key.Delete()));
        delete.getStyleClass().add("key-small");
        add(delete, 2, 3);
    }

    private static Button key(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("key");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> action.run());
        return b;
    }
}
