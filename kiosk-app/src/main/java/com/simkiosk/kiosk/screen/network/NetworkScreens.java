package com.simkiosk.kiosk.screen.network;

import com.simkiosk.card.network.BalanceReading;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.DisplayDates;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.Pictures;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;

/**
 * The screens of the balance through the SIM's own network (issue 14): consent before anything is sent, the wait,
 * the answer (the figures found, else the carrier's own words, with the source and the time in Japan), and "no
 * answer" with its way forward.
 */
public final class NetworkScreens {
    private NetworkScreens() {}

    /** What will be sent and what it may cost; Go ahead or Cancel. */
    public static Parent consent(State.NetworkConsent s, ScreenContext ctx) {
        Messages m = ctx.messages();
        Label what = Ui.body(m.get("network.consent." + s.source().name()));
        what.setId("network-consent-what");
        Label cost = Ui.body(m.get(s.foreign() ? "network.consent.roaming" : "network.consent.domestic"));
        cost.setId("network-consent-cost");
        cost.getStyleClass().add("network-cost");
        var box = Ui.screen("screen-networkConsent", Ui.title(m.get("screen.networkConsent")), what, cost, Ui.spacer(),
                Ui.actions(Ui.button("cancel", m.get("common.cancel"), () -> ctx.fire(new Event.Cancel())),
                        Ui.primary("go-ahead", m.get("network.consent.goAhead"), () -> ctx.fire(new Event.NetworkGoAhead()))));
        box.getStyleClass().add("network-consent");
        return box;
    }

    /** The module asks the network: never a frozen screen, Cancel always there. */
    public static Parent asking(ScreenContext ctx) {
        Messages m = ctx.messages();
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(160, 160);
        var box = Ui.screen("screen-askingNetwork", Ui.spacer(), spinner, Ui.headline(m.get("screen.askingNetwork")),
                Ui.hint(m.get("network.asking.hint")), Ui.spacer(),
                Ui.actions(Ui.button("cancel", m.get("common.cancel"), () -> ctx.fire(new Event.Cancel()))));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** The figures the reply gave, the carrier's own words, and where and when they came from. */
    public static Parent balance(State.NetworkBalance s, ScreenContext ctx) {
        Messages m = ctx.messages();
        BalanceReading r = s.reading();
        List<Node> cards = new ArrayList<>();
        r.yen().ifPresent(yen -> cards.add(Ui.card("network-yen", m.get("network.yen"), m.yen(yen), false)));
        r.amount().ifPresent(amount -> cards.add(Ui.card("network-amount", m.get("network.amount"),
                r.currency().map(c -> amount + " " + c).orElse(amount), false)));
        r.dataBytes().ifPresent(bytes -> cards.add(Ui.card("network-data", m.get("network.data"), m.data(asWritten(bytes)), false)));
        r.expires().ifPresent(day -> cards.add(Ui.card("network-expires", m.get("network.expires"),
                DisplayDates.day(day, m.language()), false)));
        FlowPane figures = new FlowPane(24, 24);
        figures.getChildren().addAll(cards);
        figures.setId("network-figures");
        Label words = Ui.body(r.raw());
        words.setId("carrier-words");
        words.getStyleClass().add("carrier-words");
        Label wordsLabel = Ui.label(m.get(r.recognised() ? "network.carrierWords" : "network.unrecognised"), "card-label");
        Label source = Ui.hint(m.get("network.source." + s.source().name(), DisplayDates.moment(s.answeredAt(), m.language())));
        source.setId("network-source");
        var box = Ui.screen("screen-networkBalance", Ui.title(m.get("screen.networkBalance")), figures, wordsLabel, words,
                source, Ui.spacer(), Ui.actions(Ui.primary("done", m.get("balance.done"), () -> ctx.fire(new Event.Done()))));
        box.getStyleClass().add("network-balance");
        return box;
    }

    /**
     * The reply parser counts a carrier's GB as 1024 MB (as Japanese carriers do); the kiosk's data figures are
     * decimal. Scaled back, the screen shows the figure the carrier wrote: its "2.5GB" is "2.5 GB", not "2.7 GB".
     */
    static long asWritten(long binaryBytes) {
        int power = binaryBytes >= 1L << 30 ? 3 : binaryBytes >= 1L << 20 ? 2 : binaryBytes >= 1L << 10 ? 1 : 0;
        return Math.round(binaryBytes / Math.pow(1.024, power));
    }

    /** Why there is no answer, and the way forward: try again where that can help, else done. */
    public static Parent unanswered(State.NetworkUnanswered s, ScreenContext ctx) {
        Messages m = ctx.messages();
        Label title = Ui.title(m.get("screen.networkUnanswered"));
        Label body = Ui.body(m.get(s.reasonKey()));
        body.setId("network-error-body");
        body.setMaxWidth(1400);
        Runnable done = () -> ctx.fire(new Event.Done());
        var actions = s.canRetry()
                ? Ui.actions(Ui.button("done", m.get("balance.done"), done),
                        Ui.primary("retry", m.get("error.action.retry"), () -> ctx.fire(new Event.Retry())))
                : Ui.actions(Ui.primary("done", m.get("balance.done"), done));
        var box = Ui.screen("screen-networkUnanswered", Ui.spacer(), Pictures.problem(Pictures.Problem.SERVICE, 200),
                title, body, Ui.spacer(), actions);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
