package com.simkiosk.kiosk.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contrast measured from the stylesheets, not guessed: the looked-up colours of each look (colour sheet, then the
 * large-text layer) are read from the CSS, and every pair the layout sheet puts together is measured with the WCAG 2
 * formula. Text needs 4.5:1 (disabled buttons too), borders, the gauge and the focus ring 3:1 (WCAG 1.4.3, 1.4.11).
 */
class ThemeContrastTest {
    private static final Pattern LOOKED_UP = Pattern.compile("(-kiosk-[a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6}|rgba\\([^)]*\\))\\s*;");
    private static final Pattern USE = Pattern.compile("-fx-(text-fill|border-color|stroke)\\s*:\\s*(-kiosk-[a-z-]+)");

    enum Kind {
        TEXT(4.5),
        NON_TEXT(3.0);

        final double minimum;

        Kind(double minimum) {
            this.minimum = minimum;
        }
    }

    /** A colour drawn on another, where kiosk.css puts them together. */
    record Pair(String front, String back, Kind kind, String where) {}

    /** Every place kiosk.css draws a looked-up colour on a looked-up background. */
    static final List<Pair> PAIRS = List.of(
            new Pair("-kiosk-fg", "-kiosk-bg", Kind.TEXT, "text on a screen"),
            new Pair("-kiosk-fg", "-kiosk-surface", Kind.TEXT, "text in a card, the top and bottom bars, the entry field"),
            new Pair("-kiosk-muted", "-kiosk-bg", Kind.TEXT, "hints"),
            new Pair("-kiosk-muted", "-kiosk-surface", Kind.TEXT, "card labels"),
            new Pair("-kiosk-accent", "-kiosk-bg", Kind.TEXT, "info messages, the countdown, icons"),
            new Pair("-kiosk-accent", "-kiosk-surface", Kind.TEXT, "info messages in a card"),
            new Pair("-kiosk-warning", "-kiosk-bg", Kind.TEXT, "warnings on a screen"),
            new Pair("-kiosk-warning", "-kiosk-surface", Kind.TEXT, "warnings in a card"),
            new Pair("-kiosk-danger", "-kiosk-bg", Kind.TEXT, "error messages"),
            new Pair("-kiosk-danger", "-kiosk-surface", Kind.TEXT, "error messages in a card"),
            new Pair("-kiosk-button-fg", "-kiosk-button-bg", Kind.TEXT, "a button"),
            new Pair("-kiosk-button-fg", "-kiosk-button-pressed", Kind.TEXT, "a pressed button"),
            new Pair("-kiosk-on-accent", "-kiosk-accent", Kind.TEXT, "a primary button, the current language"),
            new Pair("-kiosk-on-accent", "-kiosk-accent-pressed", Kind.TEXT, "a pressed primary button"),
            new Pair("-kiosk-disabled-fg", "-kiosk-disabled-bg", Kind.TEXT, "a disabled button"),
            new Pair("-kiosk-on-demo", "-kiosk-demo", Kind.TEXT, "the DEMO mark"),
            new Pair("-kiosk-button-border", "-kiosk-bg", Kind.NON_TEXT, "a button's border on a screen"),
            new Pair("-kiosk-button-border", "-kiosk-surface", Kind.NON_TEXT, "a button's border in a bar or card"),
            new Pair("-kiosk-accent", "-kiosk-bg", Kind.NON_TEXT, "a primary button, the entry field's and overlay's border"),
            new Pair("-kiosk-accent", "-kiosk-surface", Kind.NON_TEXT, "the entry field's border"),
            new Pair("-kiosk-card-border", "-kiosk-bg", Kind.NON_TEXT, "a card's border"),
            new Pair("-kiosk-disabled-border", "-kiosk-bg", Kind.NON_TEXT, "a disabled button's border"),
            new Pair("-kiosk-disabled-border", "-kiosk-surface", Kind.NON_TEXT, "a disabled button's border in a bar"),
            new Pair("-kiosk-focus", "-kiosk-bg", Kind.NON_TEXT, "the focus ring"),
            new Pair("-kiosk-focus", "-kiosk-surface", Kind.NON_TEXT, "the focus ring in a bar or card"),
            new Pair("-kiosk-accent", "-kiosk-track", Kind.NON_TEXT, "the data gauge's filled part on its track"),
            new Pair("-kiosk-warning", "-kiosk-track", Kind.NON_TEXT, "the data gauge in warning"),
            new Pair("-kiosk-muted", "-kiosk-surface", Kind.NON_TEXT, "the chart's axis"),
            new Pair("-kiosk-demo", "-kiosk-surface", Kind.NON_TEXT, "the demo panel's top border"));

    static List<Look> looks() {
        return Look.all();
    }

    @ParameterizedTest
    @MethodSource("looks")
    void everyTextAndBorderPairMeetsWcag(Look look) throws IOException {
        Map<String, String> colours = colours(look);
        List<String> failures = new ArrayList<>();
        for (Pair p : PAIRS) {
            assertThat(colours).as("%s defines %s and %s", look, p.front(), p.back()).containsKeys(p.front(), p.back());
            double ratio = contrast(colours.get(p.front()), colours.get(p.back()));
            if (ratio < p.kind().minimum) {
                failures.add("%s %s on %s (%s): %.2f:1 < %.1f:1".formatted(p.where(), colours.get(p.front()),
                        colours.get(p.back()), p.front() + " / " + p.back(), ratio, p.kind().minimum));
            }
        }
        assertThat(failures).as("contrast in %s", look).isEmpty();
    }

    /** A new rule cannot slip past: every looked-up colour kiosk.css uses as text, border or stroke is measured above. */
    @Test
    void everyColourTheLayoutDrawsWithIsMeasured() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher m = USE.matcher(read("kiosk.css"));
        while (m.find()) {
            used.add(m.group(2));
        }
        Set<String> measured = new TreeSet<>();
        PAIRS.forEach(p -> measured.add(p.front()));
        assertThat(measured).as("colours drawn by kiosk.css").containsAll(used);
        assertThat(used).as("the parse found the layout's colours").contains("-kiosk-fg", "-kiosk-disabled-fg", "-kiosk-focus");
    }

    /** Large text is only a size layer: over high contrast it must not bring the normal colours back. */
    @Test
    void largeTextHoldsNoColours() throws IOException {
        assertThat(LOOKED_UP.matcher(read("theme-large-text.css")).find()).isFalse();
        assertThat(colours(new Look(true, true))).isEqualTo(colours(new Look(true, false)));
    }

    @Test
    void theFormulaGivesTheKnownRatios() {
        assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#777777", "#ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#ffffff", "#ffffff")).isEqualTo(1.0);
    }

    /** The looked-up colours of a look: each of its sheets in order, a later one overriding an earlier one. */
    static Map<String, String> colours(Look look) throws IOException {
        Map<String, String> colours = new LinkedHashMap<>();
        for (String sheet : look.stylesheets()) {
            Matcher m = LOOKED_UP.matcher(read(sheet));
            while (m.find()) {
                colours.put(m.group(1), m.group(2).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return colours;
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        assertThat(hex).as("an opaque colour").matches("#[0-9a-f]{6}");
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String read(String sheet) throws IOException {
        try (InputStream in = Look.class.getResourceAsStream(sheet)) {
            assertThat(in).as(sheet).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
