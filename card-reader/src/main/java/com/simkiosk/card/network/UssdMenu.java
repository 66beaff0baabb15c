package com.simkiosk.card.network;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How to answer a USSD menu ({@code +CUSD: 1,…}, "more input wanted"): the first step whose pattern is found in
 * the menu's text is answered with its reply, once. A menu no step matches ends the session with its text as the
 * answer. From a carrier's reply template.
 */
public record UssdMenu(List<Step> steps) {
    public static final UssdMenu NONE = new UssdMenu(List.of());

    public record Step(Pattern when, String reply) {}

    public UssdMenu {
        steps = List.copyOf(steps);
    }
}
