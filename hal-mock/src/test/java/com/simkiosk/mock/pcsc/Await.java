package com.simkiosk.mock.pcsc;

import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Poll-until with a hard (scaled) deadline, for conditions that have no callback (a file appearing, a daemon). */
public final class Await {
    private Await() {}

    public static void until(Duration max, BooleanSupplier condition, String what) {
        TestTime.awaitUntil(max, condition, what);
    }
}
