package com.simkiosk.carrier;

import com.simkiosk.privacy.Mask;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything left on a line, summed over its active buckets; the buckets are kept for detail screens. */
public record Balance(long yen, long dataBytes, long voiceSeconds, long sms, Optional<Instant> expires, List<Bucket> buckets) {
    public Balance {
        buckets = List.copyOf(buckets);
    }

    /** A customer's balance is personal: it stays off logs. */
    @Override
    public String toString() {
        return "Balance[" + Mask.secret(String.valueOf(yen)) + ", " + buckets.size() + " buckets]";
    }
}
