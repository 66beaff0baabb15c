package com.simkiosk.kiosk.screen.error;

import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;

/** A calm error: what happened, what to do, and a button forward (try again where that can help, else start over). */
public final class ErrorScreen {
    private ErrorScreen() {}

    public static Parent view(State.Error s, ScreenContext ctx) {
        Messages m = ctx.messages();
        String key = s.kind().key();
        Label title = Ui.title(m.get(key + ".title"));
        title.setId("error-title");
        Label body = Ui.body(m.get(key + ".body"));
        body.setId("error-body");
        body.setMaxWidth(1400);
        var actions = Ui.actions(Ui.button("done", m.get("error.action.startOver"), () -> ctx.fire(new Event.Done())));
        if (s.kind().offersNumberEntry()) {
            // The card did not work, the phone number may: the way forward, unless Retry is offered as well.
            Runnable useNumber = () -> ctx.fire(new Event.StartNumberEntry());
            String text = m.get("error.action.useNumber");
            actions.getChildren().add(s.canRetry() ? Ui.button("use-number", text, useNumber)
                    : Ui.primary("use-number", text, useNumber));
        }
        if (s.canRetry()) {
            actions.getChildren().add(Ui.primary("retry", m.get("error.action.retry"), () -> ctx.fire(new Event.Retry())));
        }
        var box = Ui.screen("screen-error", Ui.spacer(), Ui.label("ⓘ", "error-icon"), title, body, Ui.spacer(), actions);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
