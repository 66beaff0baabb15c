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

    /**
     * The one bucket sum: amounts over the active buckets, and the line's expiry as the latest end among them (when
     * the line stops being usable). Inactive buckets are kept, so that a used-up or expired kind still shows as 0.
     */
    public static Balance of(List<Bucket> buckets) {
        long yen = 0;
        long bytes = 0;
        long seconds = 0;
        long sms = 0;
        Optional<Instant> expires = Optional.empty();
        for (Bucket b : buckets) {
            if (!b.active()) {
                continue;
            }
            switch (b.type()) {
                case MONETARY -> yen += b.remaining();
                case DATA -> bytes += b.remaining();
                case VOICE -> seconds += b.remaining();
                case SMS -> sms += b.remaining();
            }
            if (b.validUntil().isPresent() && expires.map(e -> b.validUntil().get().isAfter(e)).orElse(true)) {
                expires = b.validUntil();
            }
        }
        return new Balance(yen, bytes, seconds, sms, expires, buckets);
    }

    /** Whether the line has this kind of balance at all: a bucket of the type (even used up or expired) or an amount. */
    public boolean has(UsageType type) {
        long amount = switch (type) {
            case MONETARY -> yen;
            case DATA -> dataBytes;
            case VOICE -> voiceSeconds;
            case SMS -> sms;
        };
        return amount > 0 || buckets.stream().anyMatch(bucket -> bucket.type() == type);
    }

    /** What the active data buckets started with (at least what is left), for a gauge. */
    public long dataInitialBytes() {
        long initial = 0;
        for (Bucket bucket : buckets) {
            if (bucket.active() && bucket.type() == UsageType.DATA) {
                initial += Math.max(bucket.initial().orElse(bucket.remaining()), bucket.remaining());
            }
        }
        return Math.max(initial, dataBytes);
    }

    /** A customer's balance is personal: it stays off logs. */
    @Override
    public String toString() {
        return "Balance[" + Mask.secret(String.valueOf(yen)) + ", " + buckets.size() + " buckets]";
    }
}
