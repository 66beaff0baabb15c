package com.simkiosk.kiosk.screen.attract;

import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.i18n.LanguageLook;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Welcome: insert a SIM (from any screen an insertion starts a session), or type a number; five languages. While
 * the reader service is gone the SIM box says so and the number is the way in.
 */
public final class AttractScreen {
    private AttractScreen() {}

    public static Parent view(Language current, ScreenContext ctx) {
        return view(current, ctx, true);
    }

    public static Parent view(Language current, ScreenContext ctx, boolean readerAvailable) {
        Messages m = ctx.messages();
        Label sim = Ui.label(m.get(readerAvailable ? "attract.insertSim" : "attract.readerUnavailable"), "title");
        sim.setId(readerAvailable ? "insert-sim" : "reader-unavailable");
        Label simHint = Ui.hint(m.get(readerAvailable ? "attract.insertSimHint" : "attract.readerUnavailableHint"));
        VBox simBox = new VBox(12, sim, simHint);
        simBox.setAlignment(Pos.CENTER);
        simBox.getStyleClass().add("card");
        simBox.setMaxWidth(1300);
        Button number = Ui.primary("start-number", m.get("attract.enterNumber"), () -> ctx.fire(new Event.StartNumberEntry()));
        number.setMinWidth(560);
        HBox languages = new HBox(20);
        languages.setAlignment(Pos.CENTER);
        for (Language l : ctx.languages()) {
            Button b = languageButton(l, current, ctx);
            b.setMinWidth(220);
            languages.getChildren().add(b);
        }
        VBox box = Ui.screen("screen-attract",
                Ui.title(m.get("screen.attract")),
                Ui.hint(m.get("attract.subtitle")),
                Ui.spacer(),
                simBox,
                Ui.body(m.get("attract.or")),
                number,
                Ui.spacer(),
                Ui.hint(m.get("attract.chooseLanguage")),
                languages,
                Ui.hint(m.get("attract.privacy")));
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    /** A language button: its own name in its own script and font, whatever the current language. */
    public static Button languageButton(Language l, Language current, ScreenContext ctx) {
        Button b = Ui.button("lang-" + l.tag(), LanguageLook.nativeName(l), () -> ctx.fire(new Event.LanguageChosen(l)));
        b.getStyleClass().addAll("language-button", LanguageLook.styleClass(l));
        b.setMinWidth(140);
        if (l == current) {
            b.getStyleClass().add("current");
        }
        return b;
    }
}
