package com.simkiosk.kiosk.theme;

import java.util.Locale;

/** The look of the kiosk: colours and text size. Each theme is one stylesheet of looked-up colours. */
public enum Theme {
    NORMAL("theme-normal.css"),
    HIGH_CONTRAST("theme-high-contrast.css"),
    LARGE_TEXT("theme-large-text.css");

    private final String sheet;

    Theme(String sheet) {
        this.sheet = sheet;
    }

    public String stylesheetUrl() {
        return Theme.class.getResource(sheet).toExternalForm();
    }

    public static Theme parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
