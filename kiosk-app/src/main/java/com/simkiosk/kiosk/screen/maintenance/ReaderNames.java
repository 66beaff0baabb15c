package com.simkiosk.kiosk.screen.maintenance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PC/SC names end in two numbers, the reader's index and its slot ({@code "ACS ACR39U ICC Reader 00 00"}): an
 * operator reads the model, and which one when there are several. Other names (a modem's port) stay as they are.
 */
final class ReaderNames {
    private static final Pattern PCSC = Pattern.compile("(.+?)\\s+(\\d{2})\\s+(\\d{2})");

    private ReaderNames() {}

    /** {@code "ACS ACR39U ICC Reader"}, {@code "… #2"} for a second reader of a kind, {@code ", slot 2"} for a second slot. */
    static String readable(String name) {
        Matcher m = PCSC.matcher(name.trim());
        if (!m.matches()) {
            return name.trim();
        }
        int index = Integer.parseInt(m.group(2));
        int slot = Integer.parseInt(m.group(3));
        return m.group(1) + (index > 0 ? " #" + (index + 1) : "") + (slot > 0 ? ", slot " + (slot + 1) : "");
    }
}
