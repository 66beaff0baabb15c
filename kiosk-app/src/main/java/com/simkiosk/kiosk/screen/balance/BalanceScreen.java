package com.simkiosk.kiosk.screen.balance;

import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.Situation;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.DisplayDates;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.DataGauge;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import com.simkiosk.kiosk.screen.common.UsageChart;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What the customer came for, and what to do about it: one headline for the line's {@link Situation}, the top-up as
 * the primary button when the situation asks for it, the figures "as of" the time they were fetched, tiles only for
 * what the line has, the expiry with its time in Japan time, and 14 days of use with the projected run-out drawn on
 * the chart. Everything it says comes from the {@link BalanceView}; it decides nothing about the balance.
 */
public final class BalanceScreen {
    /** Below this share of data left, the gauge turns to the warning colour. */
    static final double LOW_DATA = 0.1;
    /** Days after today the chart draws at the recent pace before pointing beyond its edge. */
    static final int PROJECTED_DAYS = 3;

    private BalanceScreen() {}

    public static Parent view(State.ShowBalance s, ScreenContext ctx) {
        Messages m = ctx.messages();
        BalanceView b = s.balance();

        // The headline is the screen's title: the one sentence the customer came for.
        Label headline = Ui.title(headline(b, m));
        headline.setId("headline");
        headline.setWrapText(true);
        headline.getStyleClass().add("balance-headline");
        if (b.situation().needsAction()) {
            headline.getStyleClass().add("warning");
        }
        Label plan = Ui.label(b.planName(), "card-value");
        plan.setId("plan");
        Label asOf = Ui.label(m.get("balance.asOf", DisplayDates.time(b.asOf())), "card-label");
        asOf.setId("as-of");
        HBox below = new HBox(24);
        below.setAlignment(Pos.BASELINE_LEFT);
        nextStep(b, m).ifPresent(text -> {
            Label next = Ui.body(text);
            next.setId("next-step");
            below.getChildren().add(next);
        });
        below.getChildren().addAll(Ui.spacer(), Ui.label(m.get("balance.plan"), "card-label"), plan, asOf);

        HBox top = new HBox(24);
        if (b.hasData()) {
            top.getChildren().add(dataCard(b, m));
        }
        List<VBox> present = new ArrayList<>();
        // Only what the line has: a data-only SIM shows no yen, calls, SMS or number tiles rather than a "—".
        b.maskedNumber().ifPresent(number -> present.add(Ui.card("number", m.get("balance.number"), number, false)));
        b.yen().ifPresent(yen -> present.add(Ui.card("yen", m.get("balance.yen"), m.yen(yen), false)));
        b.voiceSeconds().ifPresent(sec -> present.add(Ui.card("voice", m.get("balance.voice"), m.minutes(sec), false)));
        b.sms().ifPresent(n -> present.add(Ui.card("sms", m.get("balance.sms"), m.get("balance.smsValue", m.grouped(n)), false)));
        GridPane tiles = new GridPane();
        tiles.setHgap(20);
        tiles.setVgap(20);
        tiles.add(expiryCard(b, m), 0, 0, 2, 1); // the expiry, with its time, is the widest tile
        for (int i = 0; i < present.size(); i++) {
            int cell = i + 2;
            tiles.add(present.get(i), cell % 3, cell / 3);
        }
        tiles.getChildren().forEach(n -> {
            GridPane.setHgrow(n, Priority.ALWAYS);
            ((VBox) n).setMaxWidth(Double.MAX_VALUE);
        });
        top.getChildren().add(tiles);
        HBox.setHgrow(tiles, Priority.ALWAYS);

        List<Node> parts = new ArrayList<>(List.of(headline, below, top));
        if (b.hasData()) {
            HBox usage = new HBox(chart(b, m));
            usage.setAlignment(Pos.CENTER_LEFT);
            usage.getStyleClass().add("card");
            parts.add(usage);
        }
        parts.add(Ui.spacer());
        parts.add(actions(b, ctx, m));
        return Ui.screen("screen-balance", parts.toArray(Node[]::new));
    }

    /** The one sentence for the situation. */
    static String headline(BalanceView b, Messages m) {
        var language = m.language();
        return switch (b.situation()) {
            case FINE -> b.expires().map(e -> m.get("balance.situation.fine", DisplayDates.moment(e, language)))
                    .orElse(m.get("balance.situation.fineNoExpiry"));
            case EXPIRES_SOON -> m.get("balance.situation.expiresSoon", b.daysLeft().orElse(0L),
                    DisplayDates.moment(b.expires().orElseThrow(), language));
            case RUNS_OUT_BEFORE_EXPIRY -> m.get("balance.situation.runsOut",
                    DisplayDates.day(b.dataRunsOut().orElseThrow(), language));
            case USED_UP -> m.get("balance.situation.usedUp");
            case EXPIRED -> m.get("balance.situation.expired");
        };
    }

    /** What to do, when the situation asks for something. */
    static Optional<String> nextStep(BalanceView b, Messages m) {
        if (!b.situation().needsAction()) {
            return Optional.empty();
        }
        return Optional.of(b.topUp().offered() ? m.get("balance.next.topUp", m.get(b.topUp().key()))
                : m.get("balance.next.nothingOnSale"));
    }

    private static Node actions(BalanceView b, ScreenContext ctx, Messages m) {
        Runnable end = () -> ctx.fire(new Event.Done());
        Runnable topUp = () -> ctx.fire(new Event.ShowTopUps());
        List<Button> buttons = new ArrayList<>();
        if (b.topUpFirst()) {
            buttons.add(Ui.button("done", m.get("balance.done"), end));
            buttons.add(Ui.primary("topup", m.get(b.topUp().key()), topUp));
        } else {
            if (b.topUp().offered()) {
                buttons.add(Ui.button("topup", m.get(b.topUp().key()), topUp));
            }
            buttons.add(Ui.primary("done", m.get("balance.done"), end));
        }
        return Ui.actions(buttons.toArray(Node[]::new));
    }

    private static VBox dataCard(BalanceView b, Messages m) {
        VBox dataCard = new VBox(12);
        dataCard.getStyleClass().add("card");
        dataCard.setAlignment(Pos.CENTER);
        dataCard.getChildren().add(Ui.label(m.get("balance.data"), "card-label"));
        double fraction = b.dataInitialBytes() > 0 ? b.dataRemainingBytes() / (double) b.dataInitialBytes() : 0.0;
        String total = b.dataInitialBytes() > 0 ? m.get("balance.dataOf", m.data(b.dataInitialBytes())) : " ";
        boolean low = fraction < LOW_DATA || b.situation() == Situation.USED_UP
                || b.situation() == Situation.RUNS_OUT_BEFORE_EXPIRY;
        dataCard.getChildren().add(new DataGauge(fraction, m.data(b.dataRemainingBytes()), total, low));
        dataCard.setMinWidth(420);
        return dataCard;
    }

    private static VBox expiryCard(BalanceView b, Messages m) {
        String expiry = b.expires().map(e -> DisplayDates.until(e, m.language())).orElse(m.get("balance.noExpiry"));
        Label expiryValue = Ui.label(expiry, "card-value");
        expiryValue.setId("expiry");
        expiryValue.setWrapText(true);
        VBox expiryCard = new VBox(Ui.label(m.get("balance.expiry"), "card-label"), expiryValue);
        if (b.situation() != Situation.EXPIRED) {
            b.daysLeft().ifPresent(days -> {
                Label left = Ui.label(m.daysLeft(days), "card-value");
                left.setId("days-left");
                if (b.expiryWarning()) {
                    left.getStyleClass().add("warning");
                }
                expiryCard.getChildren().add(left);
            });
        }
        if (b.expiryWarning() || b.situation() == Situation.EXPIRED) {
            expiryValue.getStyleClass().add("warning");
        }
        expiryCard.getStyleClass().add("card");
        return expiryCard;
    }

    private static UsageChart chart(BalanceView b, Messages m) {
        LocalDate today = b.today();
        List<UsageChart.Bar> bars = new ArrayList<>();
        for (DailyUsage d : b.dailyUsage()) {
            UsageChart.Kind kind = d.dayJst().equals(today) ? UsageChart.Kind.TODAY : UsageChart.Kind.USED;
            bars.add(new UsageChart.Bar(DisplayDates.shortDay(d.dayJst()), d.dataBytes(), kind));
        }
        Optional<UsageChart.RunOut> runOut = b.runsOutFirst().map(end -> {
            long ahead = Math.max(0, ChronoUnit.DAYS.between(today, end));
            long drawn = Math.min(ahead == 0 ? 0 : ahead - 1, PROJECTED_DAYS);
            for (long i = 1; i <= drawn; i++) {
                bars.add(new UsageChart.Bar(DisplayDates.shortDay(today.plusDays(i)),
                        b.recentDailyBytes().orElse(0L), UsageChart.Kind.PROJECTED));
            }
            // Today's column when it is today, else just after the last day drawn; beyond the edge past that.
            int index = ahead == 0 ? bars.size() - 1 : bars.size();
            return new UsageChart.RunOut(index, m.get("balance.chartRunsOut", DisplayDates.shortDay(end)), ahead - 1 > drawn);
        });
        OptionalLong pace = b.recentDailyBytes().map(OptionalLong::of).orElse(OptionalLong.empty());
        long top = Math.max(bars.stream().mapToLong(UsageChart.Bar::bytes).max().orElse(0), pace.orElse(0));
        UsageChart.Words words = new UsageChart.Words(m.get("balance.usageChart"), m.get("balance.chartScale", m.data(top)),
                m.get("balance.chartToday"), m.get("balance.chartPace", m.data(pace.orElse(0))));
        return new UsageChart(bars, words, pace, runOut);
    }
}
