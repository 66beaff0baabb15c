package com.simkiosk.kiosk.screen.attract;

import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.i18n.LanguageLook;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.Pictures;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Welcome, readable in one glance: how to insert a SIM (pictures, bare and in its adapter) or, beside it, type a
 * number; the time in Japan; five languages. While the reader service is gone the SIM box says so and the number
 * is the way in.
 */
public final class AttractScreen {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private AttractScreen() {}

    public static Parent view(Language current, ScreenContext ctx) {
        return view(current, ctx, true);
    }

    public static Parent view(Language current, ScreenContext ctx, boolean readerAvailable) {
        Built b = build(current, ctx, readerAvailable);
        ctx.onTick(b.tick());
        b.tick().accept(ctx.clock().instant());
        return b.root();
    }

    /** A built attract screen and what keeps its clock going. */
    private record Built(boolean readerAvailable, Parent root, Consumer<Instant> tick) {}

    /**
     * The attract screen kept across customers (issue 17: rebuilding it, its pictures and its labels after every
     * session was ≈ 12 % of what a journey allocated). It holds nothing personal: its texts depend only on the
     * language and whether the reader is there, so one is kept per language and made again when the reader's state
     * differs; the look and the language's font come from the scene's style sheets and the surface, which restyle a
     * kept screen as they do a new one. Each time it is shown its clock is put back on the shell's tick. FX thread
     * only; one per shell.
     */
    public static final class Kept {
        private final java.util.Map<Language, Built> views = new java.util.EnumMap<>(Language.class);

        public Parent view(Language current, ScreenContext ctx, boolean readerAvailable) {
            Built b = views.get(current);
            if (b == null || b.readerAvailable() != readerAvailable) {
                b = build(current, ctx, readerAvailable);
                views.put(current, b);
            }
            ctx.onTick(b.tick());
            b.tick().accept(ctx.clock().instant());
            return b.root();
        }
    }

    private static Built build(Language current, ScreenContext ctx, boolean readerAvailable) {
        Messages m = ctx.messages();
        Label sim = Ui.label(m.get(readerAvailable ? "attract.insertSim" : "attract.readerUnavailable"), "title");
        sim.setId(readerAvailable ? "insert-sim" : "reader-unavailable");
        Label simHint = Ui.hint(m.get(readerAvailable ? "attract.insertSimHint" : "attract.readerUnavailableHint"));
        VBox simBox = new VBox(12);
        if (readerAvailable) {
            HBox pictures = new HBox(32, Pictures.captioned(Pictures.insertSim(false, 200), Ui.hint(m.get("attract.picture.sim"))),
                    Pictures.captioned(Pictures.insertSim(true, 200), Ui.hint(m.get("attract.picture.adapter"))));
            pictures.setAlignment(Pos.CENTER);
            simBox.getChildren().add(pictures);
        }
        simBox.getChildren().addAll(sim, simHint);
        simBox.setAlignment(Pos.CENTER);
        simBox.getStyleClass().addAll("card", "attract-way");
        Button number = Ui.primary("start-number", m.get("attract.enterNumber"), () -> ctx.fire(new Event.StartNumberEntry()));
        number.setMinWidth(480);
        VBox numberBox = new VBox(16, Ui.spacer(), number, Ui.hint(m.get("attract.numberHint")), Ui.spacer());
        numberBox.setAlignment(Pos.CENTER);
        numberBox.getStyleClass().addAll("card", "attract-way");
        Label or = Ui.label(m.get("attract.or"), "headline");
        HBox ways = new HBox(32, simBox, or, numberBox);
        ways.setAlignment(Pos.CENTER);
        HBox.setHgrow(simBox, Priority.ALWAYS);
        HBox languages = new HBox(20);
        languages.setAlignment(Pos.CENTER);
        for (Language l : ctx.languages()) {
            Button b = languageButton(l, current, ctx);
            b.setMinWidth(220);
            languages.getChildren().add(b);
        }
        VBox heading = new VBox(8, Ui.title(m.get("screen.attract")), Ui.hint(m.get("attract.subtitle")));
        Label time = Ui.label(" ", "attract-time");
        time.setId("attract-clock");
        Label date = Ui.label(" ", "hint");
        date.setId("attract-date");
        VBox clock = new VBox(0, time, date);
        clock.setAlignment(Pos.TOP_RIGHT);
        clock.getStyleClass().add("attract-clock");
        HBox top = new HBox(heading, Ui.spacer(), clock);
        top.setAlignment(Pos.TOP_LEFT);
        VBox box = Ui.screen("screen-attract",
                top,
                Ui.spacer(),
                ways,
                Ui.spacer(),
                Ui.hint(m.get("attract.chooseLanguage")),
                languages,
                Ui.hint(m.get("attract.privacy")));
        box.setAlignment(Pos.TOP_CENTER);
        // The time and date in Japan, from the flow's clock, updated every second while shown.
        Consumer<Instant> tick = now -> {
            ZonedDateTime jst = now.atZone(BalanceView.JST);
            time.setText(HH_MM.format(jst));
            date.setText(m.date(jst.toLocalDate()) + " · " + m.get("common.japanTime"));
        };
        return new Built(readerAvailable, box, tick);
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
