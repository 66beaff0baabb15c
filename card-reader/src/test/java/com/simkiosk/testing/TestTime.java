package com.simkiosk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The one place a test's waits get their deadlines, and the clocks a test may run on.
 *
 * <p>Every bound a test waits for (an event, a file, a daemon, a screen) goes through {@link #bound(Duration)} or
 * {@link #scaled(long)}: the system property {@value #SCALE_PROPERTY} (default 1) multiplies it, so a slow or loaded
 * CI machine raises every deadline at once instead of failing at random. A deadline is how long a test is willing to
 * wait, never a speed it asserts: speed is measured by the benchmarks.
 *
 * <p>Dates: a test either runs on a fixed clock ({@link MutableClock}) with fixed dates, or builds its dates from the
 * clock it runs on. {@link #runningFrom(Instant)} joins the two for tests with real threads and timers: a clock that
 * ticks like the system's but started at a fixed instant, so fixture dates never meet the real calendar.
 */
public final class TestTime {
    public static final String SCALE_PROPERTY = "kiosk.test.timeoutScale";
    private static final double SCALE = readScale();
    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    private TestTime() {}

    /** The factor every test deadline is multiplied by (≥ 1). */
    public static double scale() {
        return SCALE;
    }

    /** A deadline of {@code d}, scaled. */
    public static Duration bound(Duration d) {
        return Duration.ofNanos((long) Math.ceil(d.toNanos() * SCALE));
    }

    /** A deadline of {@code amount} in whatever unit the caller passes beside it, scaled and rounded up. */
    public static long scaled(long amount) {
        return (long) Math.ceil(amount * SCALE);
    }

    /** Polls {@code condition} until it holds, failing with {@code what} once the scaled bound has passed. */
    public static void awaitUntil(Duration max, BooleanSupplier condition, String what) {
        Duration bound = bound(max);
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + bound.toMillis() + " ms: " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** A clock that runs at the system's pace from {@code origin} (UTC), whatever the real date is. */
    public static Clock runningFrom(Instant origin) {
        Clock system = Clock.systemUTC();
        return Clock.offset(system, Duration.between(system.instant(), origin));
    }

    private static double readScale() {
        String value = System.getProperty(SCALE_PROPERTY, "1").trim();
        try {
            double scale = value.isEmpty() ? 1 : Double.parseDouble(value);
            if (!(scale >= 1 && scale <= 100)) {
                throw new IllegalArgumentException(SCALE_PROPERTY + " must be between 1 and 100, not " + value);
            }
            return scale;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SCALE_PROPERTY + " must be a number, not " + value, e);
        }
    }
}
