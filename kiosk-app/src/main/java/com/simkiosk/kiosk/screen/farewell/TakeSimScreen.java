package com.simkiosk.kiosk.screen.farewell;

import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import javafx.geometry.Pos;
import javafx.scene.Parent;

/** "Please take your SIM card": the session is already wiped; the flow returns to the start once the SIM is out. */
public final class TakeSimScreen {
    private TakeSimScreen() {}

    public static Parent view(ScreenContext ctx) {
        Messages m = ctx.messages();
        var box = Ui.screen("screen-takeSim", Ui.spacer(), Ui.label("↑", "countdown"), Ui.title(m.get("screen.takeSim")),
                Ui.body(m.get("takeSim.body")), Ui.spacer());
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
