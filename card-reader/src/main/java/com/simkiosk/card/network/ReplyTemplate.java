package com.simkiosk.card.network;

import java.util.regex.Pattern;

/**
 * One carrier's reply, described: a regular expression whose named groups ({@code yen}, {@code data} — a number
 * with its unit, {@code expires}, {@code currency}, {@code amount}) override what the general reading finds, and
 * how to answer its USSD menu. Groups a template lacks are left to the general reading.
 */
public record ReplyTemplate(String name, Pattern pattern, UssdMenu menu) {
    public static final String[] GROUPS = {"yen", "data", "expires", "currency", "amount"};
}
