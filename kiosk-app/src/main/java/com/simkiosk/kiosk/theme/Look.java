package com.simkiosk.kiosk.theme;

import java.util.ArrayList;
import java.util.List;

/**
 * What the customer sees the kiosk in: the colours (normal or high contrast) and, independently, large text laid
 * over either. Each part is one stylesheet; {@link #stylesheetUrls()} lists them in the order they apply.
 */
public record Look(boolean highContrast, boolean largeText) {
    public static final Look NORMAL = new Look(false, false);

    /** The look a configured {@link Theme} starts with. */
    public static Look of(Theme theme) {
        return switch (theme) {
            case NORMAL -> NORMAL;
            case HIGH_CONTRAST -> new Look(true, false);
            case LARGE_TEXT -> new Look(false, true);
        };
    }

    public Look withHighContrast(boolean on) {
        return new Look(on, largeText);
    }

    public Look withLargeText(boolean on) {
        return new Look(highContrast, on);
    }

    /** The colour sheet, then the large-text layer when it is on. */
    public List<String> stylesheets() {
        List<String> sheets = new ArrayList<>();
        sheets.add(highContrast ? "theme-high-contrast.css" : "theme-normal.css");
        if (largeText) {
            sheets.add("theme-large-text.css");
        }
        return sheets;
    }

    public List<String> stylesheetUrls() {
        return stylesheets().stream().map(s -> Look.class.getResource(s).toExternalForm()).toList();
    }

    /** Every combination, for tests and the tour. */
    public static List<Look> all() {
        return List.of(NORMAL, new Look(false, true), new Look(true, false), new Look(true, true));
    }
}
