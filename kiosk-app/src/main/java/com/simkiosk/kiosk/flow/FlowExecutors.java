package com.simkiosk.kiosk.flow;

import java.util.concurrent.Executor;

/**
 * Where the flow's blocking calls run: card I/O, carrier I/O and the printer each on their own executor, so a
 * stalled back end cannot keep the next SIM from being read, and a slow card cannot hold up the carrier. Their
 * owner (the kiosk runtime) names and closes them.
 */
public record FlowExecutors(Executor card, Executor carrier, Executor printer) {

    /** One executor for everything: tests that run I/O by hand, and benchmarks. */
    public static FlowExecutors sharing(Executor one) {
        return new FlowExecutors(one, one, one);
    }
}
