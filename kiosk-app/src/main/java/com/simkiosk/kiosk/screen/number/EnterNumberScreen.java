package com.simkiosk.kiosk.screen.number;

import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.phone.PhoneNumberInput;
import com.simkiosk.kiosk.screen.common.Keypad;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The number keypad. The flow keeps the digits and formats them as typed; this screen only shows them. */
public final class EnterNumberScreen {
    private EnterNumberScreen() {}

    public static Parent view(State.EnterNumber s, ScreenContext ctx) {
        Messages m = ctx.messages();
        Label field = Ui.label(s.formatted().isEmpty() ? " " : s.formatted(), "entry-field");
        field.setId("number-field");
        Label hint = Ui.hint(m.get("number.hint"));
        Label problem = Ui.label(" ", "message-error");
        problem.setId("number-problem");
        // Complain only when the number is as long as it can be and still not a Japanese mobile number.
        if (!s.valid() && s.typed().length() >= PhoneNumberInput.MAX_DIGITS) {
            problem.setText(m.get("number.invalid"));
        }
        Button next = Ui.primary("submit", m.get("number.next"), () -> ctx.fire(new Event.KeypadSubmit()));
        next.setDisable(!s.valid());
        Keypad keypad = new Keypad(m, key -> {
            if (key instanceof Keypad.Key.Char d) {
                ctx.fire(new Event.KeypadDigit(d.c() - '0'));
            } else if (key instanceof Keypad.Key.Delete) {
                ctx.fire(new Event.KeypadBackspace());
            } else {
                for (int i = 0; i < s.typed().length(); i++) {
                    ctx.fire(new Event.KeypadBackspace());
                }
            }
        }, false, field, next);
        Button back = Ui.button("back", m.get("common.back"), () -> ctx.fire(new Event.Back()));
        VBox left = new VBox(24, Ui.title(m.get("screen.enterNumber")), hint, problem);
        left.getStyleClass().add("keypad-info");
        return Keypad.screen("screen-enterNumber", left, keypad, back);
    }
}
