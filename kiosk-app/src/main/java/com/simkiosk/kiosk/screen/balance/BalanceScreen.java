package com.simkiosk.kiosk.screen.balance;

import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.DataGauge;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import com.simkiosk.kiosk.screen.common.UsageChart;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** What the customer came for: data left, yen, minutes, SMS, expiry in Japan time, 14 days of use, a projection. */
public final class BalanceScreen {
    /** Below this share of data left, the gauge turns to the warning colour. */
    static final double LOW_DATA = 0.1;
    /** Shown for something the line does not have (no number, no yen balance, no calls, no SMS). */
    static final String NONE = "—";

    private BalanceScreen() {}

    public static Parent view(State.ShowBalance s, ScreenContext ctx) {
        Messages m = ctx.messages();
        BalanceView b = s.balance();
        LocalDate today = ctx.clock().instant().atZone(BalanceView.JST).toLocalDate();

        VBox dataCard = new VBox(12);
        dataCard.getStyleClass().add("card");
        dataCard.setAlignment(Pos.CENTER);
        dataCard.getChildren().add(Ui.label(m.get("balance.data"), "card-label"));
        if (b.dataInitialBytes() > 0 || b.dataRemainingBytes() > 0) {
            double fraction = b.dataInitialBytes() > 0 ? b.dataRemainingBytes() / (double) b.dataInitialBytes() : 1.0;
            String total = b.dataInitialBytes() > 0 ? m.get("balance.dataOf", m.data(b.dataInitialBytes())) : " ";
            dataCard.getChildren().add(new DataGauge(fraction, m.data(b.dataRemainingBytes()), total, fraction < LOW_DATA));
        } else {
            Label none = Ui.body(m.get("balance.dataNone"));
            none.setId("data-left");
            dataCard.getChildren().add(none);
        }
        dataCard.setMinWidth(420);

        String expiry = b.expires()
                .map(e -> m.get("balance.expiryValue", m.date(e.atZone(BalanceView.JST).toLocalDate())))
                .orElse(m.get("balance.noExpiry"));
        String daysLeft = b.daysLeft().map(m::daysLeft).orElse(" ");
        Label expiryValue = Ui.label(expiry, "card-value");
        expiryValue.setId("expiry");
        Label days = Ui.label(daysLeft, "card-value");
        days.setId("days-left");
        if (b.expiryWarning()) {
            days.getStyleClass().add("warning");
        }
        if (b.expiryWarning()) {
            expiryValue.getStyleClass().add("warning");
        }
        VBox expiryCard = new VBox(Ui.label(m.get("balance.expiry"), "card-label"), new HBox(32, expiryValue, days));
        expiryCard.getStyleClass().add("card");

        GridPane cards = new GridPane();
        cards.setHgap(20);
        cards.setVgap(20);
        // "—" for what the line does not have at all (a data-only SIM), as for a line without a number.
        cards.add(Ui.card("yen", m.get("balance.yen"), b.yen().map(m::yen).orElse(NONE), false), 0, 0);
        cards.add(Ui.card("voice", m.get("balance.voice"), b.voiceSeconds().map(m::minutes).orElse(NONE), false), 1, 0);
        cards.add(Ui.card("sms", m.get("balance.sms"),
                b.sms().map(n -> m.get("balance.smsValue", m.grouped(n))).orElse(NONE), false), 2, 0);
        cards.add(expiryCard, 0, 1, 2, 1);
        cards.add(Ui.card("number", m.get("balance.number"), b.maskedNumber().orElse(NONE), false), 2, 1);
        cards.getChildren().forEach(n -> GridPane.setHgrow(n, Priority.ALWAYS));
        cards.getChildren().forEach(n -> ((VBox) n).setMaxWidth(Double.MAX_VALUE));

        List<UsageChart.Bar> bars = new ArrayList<>();
        for (DailyUsage d : b.dailyUsage()) {
            bars.add(new UsageChart.Bar(String.valueOf(d.dayJst().getDayOfMonth()), d.dataBytes()));
        }
        UsageChart chart = new UsageChart(m.get("balance.usageChart"), bars);
        Label projection = Ui.body(projection(b, today, m));
        projection.setId("projection");
        projection.setMaxWidth(760);
        HBox usage = new HBox(48, chart, projection);
        usage.setAlignment(Pos.CENTER_LEFT);
        usage.getStyleClass().add("card");
        HBox.setHgrow(usage, Priority.ALWAYS);

        Label plan = Ui.headline(b.planName());
        plan.setId("plan");
        HBox header = new HBox(24, Ui.title(m.get("screen.balance")), Ui.spacer(), Ui.label(m.get("balance.plan"), "card-label"), plan);
        header.setAlignment(Pos.BASELINE_LEFT);
        HBox top = new HBox(24, dataCard, cards);
        HBox.setHgrow(cards, Priority.ALWAYS);
        return Ui.screen("screen-balance", header, top, usage, Ui.spacer(),
                Ui.actions(Ui.button("topup", m.get("balance.topUp"), () -> ctx.fire(new Event.ShowTopUps())),
                        Ui.primary("done", m.get("balance.done"), () -> ctx.fire(new Event.Done()))));
    }

    static String projection(BalanceView b, LocalDate today, Messages m) {
        if (b.dataRunsOut().isEmpty()) {
            return m.get("balance.projectionUnknown");
        }
        LocalDate end = b.dataRunsOut().get();
        boolean outlastsExpiry = b.expires().map(e -> !end.isBefore(e.atZone(BalanceView.JST).toLocalDate())).orElse(false);
        if (outlastsExpiry) {
            return m.get("balance.projectionEnough");
        }
        long days = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(today, end));
        return m.get("balance.projection", m.grouped(days), m.date(end));
    }
}
