package com.simkiosk.kiosk.theme;

import java.util.Locale;

/**
 * The kiosk's own look as configured ({@code --theme}): normal, high contrast or large text. A customer may combine
 * large text with either colour set for their session ({@link Look}).
 */
public enum Theme {
    NORMAL,
    HIGH_CONTRAST,
    LARGE_TEXT;

    public Look look() {
        return Look.of(this);
    }

    public static Theme parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
