package com.simkiosk.kiosk.screen.progress;

import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import java.time.Duration;
import java.time.Instant;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;

/** Reading the SIM or waiting for the carrier: never a frozen screen, always a way out. */
public final class ProgressScreen {
    /** After this long, say that it is slow (and that Cancel is there). */
    static final Duration SLOW = Duration.ofSeconds(6);

    private ProgressScreen() {}

    public static Parent reading(ScreenContext ctx) {
        Messages m = ctx.messages();
        return view("screen-reading", m.get("screen.reading"), m.get("reading.keepInserted"), ctx);
    }

    public static Parent lookingUp(ScreenContext ctx) {
        Messages m = ctx.messages();
        return view("screen-lookingUp", m.get("screen.lookingUp"), " ", ctx);
    }

    /** The SIM proves itself to its carrier: nothing to type, the card stays in. */
    public static Parent checkingSim(ScreenContext ctx) {
        Messages m = ctx.messages();
        return view("screen-checkingSim", m.get("screen.checkingSim"), m.get("reading.keepInserted"), ctx);
    }

    private static Parent view(String id, String title, String hint, ScreenContext ctx) {
        Messages m = ctx.messages();
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(160, 160);
        Label slow = Ui.hint(" ");
        slow.setId("slow-note");
        Instant shownAt = ctx.clock().instant();
        ctx.onTick(now -> {
            if (Duration.between(shownAt, now).compareTo(SLOW) >= 0) {
                slow.setText(m.get("lookup.slow"));
            }
        });
        var box = Ui.screen(id, Ui.spacer(), spinner, Ui.headline(title), Ui.hint(hint), slow, Ui.spacer(),
                Ui.actions(Ui.button("cancel", m.get("common.cancel"), () -> ctx.fire(new Event.Cancel()))));
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
