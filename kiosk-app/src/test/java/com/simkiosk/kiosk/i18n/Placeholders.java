package com.simkiosk.kiosk.i18n;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numbered placeholders ({0}, {1} …) of a message pattern, for the completeness tests of screen texts and speech. */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private Placeholders() {}

    /** The numbers of {@code pattern}'s plain placeholders ({@code {0}}; a choice's inner ones count). */
    public static Set<String> of(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
