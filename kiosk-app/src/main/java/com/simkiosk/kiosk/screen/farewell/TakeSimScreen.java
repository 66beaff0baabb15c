package com.simkiosk.kiosk.screen.farewell;

import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.Pictures;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.layout.HBox;

/**
 * "Please take your SIM card" — and, after a slip was printed, "your SIM card and your slip" with both pictures
 * side by side, so neither is left behind. The session is already wiped; the flow returns to the start once the
 * SIM is out. On the number path there is no SIM: after a slip, "take your slip" alone, until Done or the quiet period.
 */
public final class TakeSimScreen {
    private TakeSimScreen() {}

    public static Parent view(State.TakeSim s, ScreenContext ctx) {
        Messages m = ctx.messages();
        HBox pictures = new HBox(96, Pictures.captioned(Pictures.takeSim(260), Ui.label(m.get("attract.picture.sim"), "headline")));
        pictures.setAlignment(Pos.CENTER);
        if (s.withSlip()) {
            pictures.getChildren().add(Pictures.captioned(Pictures.takeSlip(260), Ui.label(m.get("screen.topUpSlip"), "headline")));
        }
        var title = Ui.title(m.get(s.withSlip() ? "takeSim.withSlip.title" : "screen.takeSim"));
        title.setId("take-title");
        var body = Ui.body(m.get(s.withSlip() ? "takeSim.withSlip.body" : "takeSim.body"));
        var box = Ui.screen("screen-takeSim", Ui.spacer(), pictures, title, body, Ui.spacer());
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** The number path's ending after a slip: the slip's picture alone, the way to pay, and Done. */
    public static Parent takeSlip(State.TakeSlip s, ScreenContext ctx) {
        Messages m = ctx.messages();
        HBox pictures = new HBox(Pictures.captioned(Pictures.takeSlip(260), Ui.label(m.get("screen.topUpSlip"), "headline")));
        pictures.setAlignment(Pos.CENTER);
        var title = Ui.title(m.get("screen.takeSlip"));
        title.setId("take-title");
        var body = Ui.body(m.get("takeSim.withSlip.body"));
        var box = Ui.screen("screen-takeSlip", Ui.spacer(), pictures, title, body, Ui.spacer(),
                Ui.actions(Ui.primary("done", m.get("common.done"), () -> ctx.fire(new Event.Done()))));
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
