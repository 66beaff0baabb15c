package com.simkiosk.mock.carrier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fault injection for tests and the demo: each rule applies to one endpoint or to all, for the next N requests.
 * Rules are tried in the order they were added; a request meets at most one fault, plus any latency.
 */
public final class Faults {

    private static final class Rule {
        final Optional<Endpoint> endpoint;
        final Fault fault;
        int remaining;

        Rule(Optional<Endpoint> endpoint, Fault fault, int remaining) {
            this.endpoint = endpoint;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    /** What happens to one request: a delay first, then maybe a failure instead of the real answer. */
    record Planned(Optional<Fault.Latency> latency, Optional<Fault> failure) {}

    private final List<Rule> rules = new ArrayList<>();

    /** The next {@code times} requests to any endpoint meet this fault. */
    public Faults inject(Fault fault, int times) {
        return add(Optional.empty(), fault, times);
    }

    /** The next {@code times} requests to this endpoint meet this fault. */
    public Faults inject(Endpoint endpoint, Fault fault, int times) {
        return add(Optional.of(endpoint), fault, times);
    }

    /** Removes every rule, spent or not. */
    public synchronized void clear() {
        rules.clear();
    }

    /** How many injected faults have not happened yet. */
    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.remaining).sum();
    }

    private synchronized Faults add(Optional<Endpoint> endpoint, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        rules.add(new Rule(endpoint, fault, times));
        return this;
    }

    /** Takes (and uses up) what applies to one request to this endpoint. */
    synchronized Planned take(Endpoint endpoint) {
        Optional<Fault.Latency> latency = Optional.empty();
        Optional<Fault> failure = Optional.empty();
        for (Rule rule : rules) {
            if (rule.remaining == 0 || rule.endpoint.filter(e -> e != endpoint).isPresent()) {
                continue;
            }
            if (rule.fault instanceof Fault.Latency l && latency.isEmpty()) {
                latency = Optional.of(l);
                rule.remaining--;
            } else if (!(rule.fault instanceof Fault.Latency) && failure.isEmpty()) {
                failure = Optional.of(rule.fault);
                rule.remaining--;
            }
        }
        rules.removeIf(r -> r.remaining == 0);
        return new Planned(latency, failure);
    }
}
