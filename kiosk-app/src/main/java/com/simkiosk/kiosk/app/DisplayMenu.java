package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.Ui;
import com.simkiosk.kiosk.screen.help.Overlays;
import com.simkiosk.kiosk.theme.Look;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * 「見やすさ」/ Display: the current setting in words, and two switches that combine freely — large text, and high
 * contrast — plus "standard" to undo both. Each tap applies at once, so the customer sees what they chose.
 */
final class DisplayMenu {
    private DisplayMenu() {}

    /** "Standard", "Large text", "High contrast" or "Large text + high contrast" in the customer's language. */
    static String describe(Look look, Messages m) {
        if (look.largeText() && look.highContrast()) {
            return m.get("display.both");
        }
        return m.get(look.largeText() ? "display.largeText" : look.highContrast() ? "display.highContrast" : "display.standard");
    }

    static Parent view(Look look, Messages m, Consumer<Look> choose, Runnable close, java.util.List<javafx.scene.Node> extras) {
        Label current = Ui.label(m.get("display.current", describe(look, m)), "headline");
        current.setId("display-current");
        Button large = toggle("display-large-text", m.get("display.largeText"), look.largeText(), m,
                () -> choose.accept(look.withLargeText(!look.largeText())));
        Button contrast = toggle("display-high-contrast", m.get("display.highContrast"), look.highContrast(), m,
                () -> choose.accept(look.withHighContrast(!look.highContrast())));
        Button standard = Ui.button("display-standard", m.get("display.standard"), () -> choose.accept(Look.NORMAL));
        HBox switches = new HBox(24, large, contrast, standard);
        switches.setAlignment(Pos.CENTER);
        HBox more = new HBox(24); // other switches in a row of their own (voice guidance)
        more.getChildren().addAll(extras);
        more.setAlignment(Pos.CENTER);
        VBox box = new VBox(28, Ui.title(m.get("display.title")), current, Ui.hint(m.get("display.hint")), switches, more,
                Ui.actions(Ui.primary("display-close", m.get("help.close"), close)));
        return Overlays.scrim("display-menu", box, Pos.TOP_CENTER, 1500, 760);
    }

    /** A switch: its name and ON/OFF in words, and the "current" look when on. */
    private static Button toggle(String id, String name, boolean on, Messages m, Runnable flip) {
        Button b = Ui.button(id, name + "\n" + m.get(on ? "display.on" : "display.off"), flip);
        b.getStyleClass().add("display-switch");
        if (on) {
            b.getStyleClass().add("current");
        }
        b.setMinWidth(420);
        return b;
    }
}
