package com.simkiosk.carrier.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.testing.conformance.Deviation;
import com.simkiosk.testing.conformance.OfficialApis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects what a journey found: every exchange checked, and every deviation from the official documents (or an
 * answer with another status than the one the contract expects), so one failure lists them all.
 */
final class ConformanceReport {
    private static final Pattern ELEMENT = Pattern.compile("/\\d+(?=/|$)");
    final OfficialApis apis = OfficialApis.shared();
    private final List<String> checked = new ArrayList<>();
    /** Problem → how many times it was seen (the same deviation in every element of a list is listed once). */
    private final Map<String, Integer> problems = new LinkedHashMap<>();

    /** An answer: its status is the one expected, and its body is what the document says for that status. */
    void answer(String method, String pathAndQuery, int expectedStatus, int status, String body) {
        String exchange = method + " " + pathAndQuery + " -> " + status;
        checked.add(exchange);
        if (status != expectedStatus) {
            problem(exchange + ": expected " + expectedStatus + " (" + abbreviated(body) + ")");
        }
        add(exchange, apis.validateResponse(method, pathAndQuery, status, body));
    }

    /** A request body the client sent. */
    void request(String method, String pathAndQuery, String body) {
        String exchange = method + " " + pathAndQuery + " (request)";
        checked.add(exchange);
        add(exchange, apis.validateRequest(method, pathAndQuery, body));
    }

    /** A fact of the contract the journey relies on (kept with the deviations, so one run lists everything). */
    void expect(boolean holds, String what) {
        if (!holds) {
            problem("expected: " + what);
        }
    }

    void add(String exchange, List<Deviation> deviations) {
        for (Deviation d : deviations) {
            String anyElement = ELEMENT.matcher(d.pointer()).replaceAll("/*");
            problem(exchange + ": " + new Deviation(anyElement, d.message(), d.rule()));
        }
    }

    List<String> checked() {
        return List.copyOf(checked);
    }

    private synchronized void problem(String text) {
        problems.merge(text, 1, Integer::sum);
    }

    void assertConforms() {
        List<String> listed = new ArrayList<>();
        problems.forEach((text, times) -> listed.add(times == 1 ? text : text + "  (x" + times + ")"));
        assertThat(listed).as("deviations from the official documents in %d checked exchanges", checked.size())
                .isEmpty();
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
