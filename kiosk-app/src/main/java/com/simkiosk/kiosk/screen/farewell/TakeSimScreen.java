package com.simkiosk.kiosk.screen.farewell;

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
 * SIM is out.
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
}
