package com.simkiosk.kiosk.screen.common;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/** Daily data use as bars, oldest on the left; each bar is labelled with its day of the month. */
public final class UsageChart extends VBox {
    private static final double HEIGHT = 100;

    /** One bar: a short day label and the bytes used that day. */
    public record Bar(String dayLabel, long bytes) {}

    public UsageChart(String title, List<Bar> bars) {
        getStyleClass().add("usage-chart");
        setSpacing(8);
        Label t = new Label(title);
        t.getStyleClass().add("card-label");
        long max = bars.stream().mapToLong(Bar::bytes).max().orElse(0);
        HBox row = new HBox(10);
        row.setAlignment(Pos.BOTTOM_LEFT);
        for (Bar b : bars) {
            double h = max == 0 ? 2 : Math.max(2, HEIGHT * b.bytes() / (double) max);
            Rectangle r = new Rectangle(44, h);
            r.getStyleClass().add("bar");
            Label d = new Label(b.dayLabel());
            d.setStyle("-fx-font-size: 0.95em;");
            VBox col = new VBox(2, r, d);
            col.setAlignment(Pos.BOTTOM_CENTER);
            col.setMinHeight(HEIGHT + 30);
            row.getChildren().add(col);
        }
        getChildren().addAll(t, row);
    }
}
