package com.simkiosk.kiosk.flow;

import java.time.Duration;
import java.util.Optional;

/**
 * Tunables of the session flow. {@code readerName} empty = any reader. Attempt limits are the kiosk's own hard
 * bounds on top of the carrier's and the card's.
 */
public record FlowConfig(
        Duration idleWarningAfter,
        Duration idleCountdown,
        Optional<String> readerName,
        Language defaultLanguage,
        int codeAttempts,
        int codeSends,
        int detailAttempts,
        int usageDays,
        int expiryWarningDays,
        String storeId,
        String kioskId) {

    public FlowConfig {
        if (idleWarningAfter.isNegative() || idleWarningAfter.isZero()) {
            throw new IllegalArgumentException("idleWarningAfter must be positive");
        }
        if (idleCountdown.isNegative() || idleCountdown.isZero()) {
            throw new IllegalArgumentException("idleCountdown must be positive");
        }
        if (codeAttempts < 1 || codeSends < 1 || detailAttempts < 1 || usageDays < 1 || expiryWarningDays < 0) {
            throw new IllegalArgumentException("attempt limits and usageDays must be at least 1");
        }
    }

    /** 60 s quiet, 15 s countdown, any reader, Japanese, 3 codes × 3 attempts, 14 days of usage, warn at 3 days. */
    public static FlowConfig defaults() {
        return new FlowConfig(Duration.ofSeconds(60), Duration.ofSeconds(15), Optional.empty(), Language.JA,
                3, 3, 3, 14, 3, "store", "kiosk");
    }
}
