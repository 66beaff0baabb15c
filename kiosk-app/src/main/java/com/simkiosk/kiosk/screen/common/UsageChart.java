package com.simkiosk.kiosk.screen.common;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * Daily data use as bars, oldest on the left, each labelled with its month and day. A dotted scale line marks the
 * tallest day, named in the legend; today's bar (still filling) is drawn apart and named; the recent pace is a
 * dashed line; the projected run-out day is a dashed marker on the axis (days ahead at the pace drawn as outlines),
 * or an arrow in the legend when it lies beyond the chart. Each day is a column as wide as its label needs, so no
 * label is cut in any theme; the lines are drawn piecewise in every column.
 */
public final class UsageChart extends VBox {
    private static final double HEIGHT = 90;
    private static final double BAR = 56;
    private static final double COLUMN = 68;
    private static final double TOP = 8;

    /** How a bar was measured: a whole past day, today so far, or a day ahead at the recent pace. */
    public enum Kind { USED, TODAY, PROJECTED }

    /** One bar: a short day label ({@code 11/28}) and the bytes used that day. */
    public record Bar(String dayLabel, long bytes, Kind kind) {
        public Bar(String dayLabel, long bytes) {
            this(dayLabel, bytes, Kind.USED);
        }
    }

    /**
     * The run-out marker, drawn at the left edge of the bar at {@code index} ({@code bars.size()}: the right edge);
     * {@code beyond} when the day itself lies past the chart (the legend then points on).
     */
    public record RunOut(int index, String label, boolean beyond) {}

    /** The legend's words: the title, the scale ("top line: 800 MB a day"), today's bar, the pace. */
    public record Words(String title, String scale, String today, String pace) {}

    /** @param pace bytes a day at the recent pace, drawn dashed */
    public UsageChart(List<Bar> bars, Words words, OptionalLong pace, Optional<RunOut> runOut) {
        getStyleClass().add("usage-chart");
        long max = Math.max(bars.stream().mapToLong(Bar::bytes).max().orElse(0), pace.orElse(0));
        HBox columns = new HBox(0);
        columns.setId("usage-plot");
        columns.setAlignment(Pos.BOTTOM_LEFT);
        for (int i = 0; i <= bars.size(); i++) {
            boolean marker = runOut.isPresent() && runOut.get().index() == i;
            if (i == bars.size()) {
                if (marker) {
                    columns.getChildren().add(column(null, max, pace, true));
                }
                break;
            }
            columns.getChildren().add(column(bars.get(i), max, pace, marker));
        }

        VBox legend = new VBox(4);
        legend.getChildren().add(Ui.label(words.title(), "card-label"));
        if (max > 0) {
            legend.getChildren().add(note("chart-scale", "┈ " + words.scale()));
        }
        String todayDay = bars.stream().filter(b -> b.kind() == Kind.TODAY).map(Bar::dayLabel).findFirst().orElse("");
        Label today = note("chart-today-label", (todayDay + " " + words.today()).strip());
        today.getStyleClass().add("chart-today");
        legend.getChildren().add(today);
        if (pace.isPresent()) {
            legend.getChildren().add(note("chart-pace-label", "╌ " + words.pace()));
        }
        runOut.ifPresent(end -> {
            Label r = note("chart-runout-label", (end.beyond() ? "→ " : "┆ ") + end.label());
            r.getStyleClass().add("chart-runout-label");
            legend.getChildren().add(r);
        });
        legend.setAlignment(Pos.CENTER_LEFT);
        HBox row = new HBox(32, columns, legend);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(row);
    }

    private static Label note(String id, String text) {
        Label label = Ui.label(text, "chart-note");
        label.setId(id);
        return label;
    }

    /** One day: its bar and its piece of every line, over its label; {@code bar} null for the marker's end column. */
    private static VBox column(Bar bar, long max, OptionalLong pace, boolean marker) {
        Pane cell = new Pane();
        cell.setMinSize(bar == null ? 12 : COLUMN, TOP + HEIGHT);
        cell.setPrefSize(bar == null ? 12 : COLUMN, TOP + HEIGHT);
        cell.setMaxHeight(TOP + HEIGHT);
        line(cell, TOP + HEIGHT, "bar-axis");
        if (max > 0) {
            line(cell, TOP, "bar-axis", "bar-scale");
        }
        if (bar != null) {
            double h = max == 0 ? 2 : Math.max(2, HEIGHT * bar.bytes() / (double) max);
            Rectangle r = new Rectangle(BAR, h);
            r.xProperty().bind(cell.widthProperty().subtract(BAR).divide(2));
            r.setY(TOP + HEIGHT - h);
            r.getStyleClass().add("bar");
            if (bar.kind() == Kind.TODAY) {
                r.getStyleClass().add("bar-today");
                r.setId("bar-today");
            } else if (bar.kind() == Kind.PROJECTED) {
                r.getStyleClass().add("bar-projected");
            }
            cell.getChildren().add(r);
        }
        if (pace.isPresent() && max > 0) {
            line(cell, TOP + HEIGHT - HEIGHT * pace.getAsLong() / (double) max, "chart-guide", "chart-pace");
        }
        if (marker) {
            Line m = new Line(1.5, 0, 1.5, TOP + HEIGHT);
            m.getStyleClass().addAll("chart-guide", "chart-runout");
            m.setId("chart-runout");
            cell.getChildren().add(m);
        }
        VBox col = new VBox(2, cell);
        col.setAlignment(Pos.BOTTOM_CENTER);
        if (bar != null) {
            Label d = Ui.label(bar.dayLabel(), "chart-day");
            if (bar.kind() == Kind.TODAY) {
                d.getStyleClass().add("chart-today");
            }
            d.setMinWidth(Region.USE_PREF_SIZE);
            d.setPadding(new javafx.geometry.Insets(0, 4, 0, 4));
            col.getChildren().add(d);
        }
        return col;
    }

    /** A horizontal line across the whole cell, whatever width its column takes. */
    private static void line(Pane cell, double y, String... styles) {
        Line l = new Line(0, y, 0, y);
        l.endXProperty().bind(cell.widthProperty());
        l.getStyleClass().addAll(styles);
        cell.getChildren().add(l);
    }
}
