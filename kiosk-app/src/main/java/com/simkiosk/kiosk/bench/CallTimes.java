package com.simkiosk.kiosk.bench;

import com.simkiosk.carrier.CarrierBackend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trace of one journey for {@code bench journey}: how long each card and carrier call took (summed when a call
 * is made twice), and the wall time of the balance step's calls together (balance, usage and offers: from the first
 * asked to the last answered), so that overlapping calls show as a span shorter than their sum. Thread-safe: the
 * calls come from the flow's card and carrier threads and the balance's helper threads.
 */
final class CallTimes {
    /** The carrier calls of the balance screen, whose span is measured apart. */
    private static final Set<String> BALANCE_STEP = Set.of("carrier balance", "carrier dailyUsage", "carrier topUpOffers");
    static final String BALANCE_SPAN = "balance step (wall)";

    private final Map<String, AtomicLong> nanos = new ConcurrentHashMap<>();
    private final AtomicLong firstAsked = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastAnswered = new AtomicLong(Long.MIN_VALUE);

    @FunctionalInterface
    interface Call<T, E extends Throwable> {
        T call() throws E;
    }

    <T, E extends Throwable> T time(String name, Call<T, E> call) throws E {
        long start = System.nanoTime();
        try {
            return call.call();
        } finally {
            long end = System.nanoTime();
            nanos.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(end - start);
            if (BALANCE_STEP.contains(name)) {
                firstAsked.accumulateAndGet(start, Math::min);
                lastAnswered.accumulateAndGet(end, Math::max);
            }
        }
    }

    /** Adds {@code nanos} under {@code name} (a span measured elsewhere, e.g. between two screens). */
    void add(String name, long nanos) {
        this.nanos.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(nanos);
    }

    /** The calls since the last take, by name, and the balance step's span; starts a new trace. */
    synchronized Map<String, Long> take() {
        Map<String, Long> taken = new TreeMap<>();
        nanos.forEach((name, n) -> taken.put(name, n.get()));
        nanos.clear();
        long first = firstAsked.getAndSet(Long.MAX_VALUE);
        long last = lastAnswered.getAndSet(Long.MIN_VALUE);
        if (last >= first) {
            taken.put(BALANCE_SPAN, last - first);
        }
        return taken;
    }

    /** The carrier, every call timed under "carrier" + its method name; nothing else changes. */
    CarrierBackend carrier(CarrierBackend carrier) {
        return (CarrierBackend) Proxy.newProxyInstance(CarrierBackend.class.getClassLoader(), new Class<?>[] {CarrierBackend.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(carrier, args);
                    }
                    return time("carrier " + method.getName(), () -> {
                        try {
                            return method.invoke(carrier, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
                });
    }
}
