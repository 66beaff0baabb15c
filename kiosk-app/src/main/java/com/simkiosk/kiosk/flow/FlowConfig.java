package com.simkiosk.kiosk.flow;

import java.time.Duration;
import java.util.Optional;

/**
 * Tunables of the session flow. {@code readerName} empty = any reader. Attempt limits are the kiosk's own hard
 * bounds on top of the carrier's and the card's. {@code cardReadWait} bounds one card read or PIN check and
 * {@code carrierWait} one step with the carrier: when either passes, the customer gets a classified error
 * screen with a way forward, whatever the card or the back end is still doing.
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
        String kioskId,
        Duration cardReadWait,
        Duration carrierWait) {

    public static final Duration DEFAULT_CARD_READ_WAIT = Duration.ofSeconds(3);
    /** The default carrier call bound (5 s) plus {@link #CARRIER_GRACE}. */
    public static final Duration DEFAULT_CARRIER_WAIT = Duration.ofSeconds(6);
    /**
     * What the flow adds to the carrier client's own per-call deadline, so that the client's classified TIMEOUT
     * normally arrives first and the flow's deadline is only the backstop.
     */
    public static final Duration CARRIER_GRACE = Duration.ofSeconds(1);

    public FlowConfig {
        requirePositive(idleWarningAfter, "idleWarningAfter");
        requirePositive(idleCountdown, "idleCountdown");
        requirePositive(cardReadWait, "cardReadWait");
        requirePositive(carrierWait, "carrierWait");
        if (codeAttempts < 1 || codeSends < 1 || detailAttempts < 1 || usageDays < 1 || expiryWarningDays < 0) {
            throw new IllegalArgumentException("attempt limits and usageDays must be at least 1");
        }
    }

    /** With the default waits for the card (3 s) and the carrier (6 s). */
    public FlowConfig(Duration idleWarningAfter, Duration idleCountdown, Optional<String> readerName,
                      Language defaultLanguage, int codeAttempts, int codeSends, int detailAttempts, int usageDays,
                      int expiryWarningDays, String storeId, String kioskId) {
        this(idleWarningAfter, idleCountdown, readerName, defaultLanguage, codeAttempts, codeSends, detailAttempts,
                usageDays, expiryWarningDays, storeId, kioskId, DEFAULT_CARD_READ_WAIT, DEFAULT_CARRIER_WAIT);
    }

    /** 60 s quiet, 15 s countdown, any reader, Japanese, 3 codes × 3 attempts, 14 days of usage, warn at 3 days. */
    public static FlowConfig defaults() {
        return new FlowConfig(Duration.ofSeconds(60), Duration.ofSeconds(15), Optional.empty(), Language.JA,
                3, 3, 3, 14, 3, "store", "kiosk");
    }

    /** The same settings with other waits for the card and the carrier. */
    public FlowConfig withWaits(Duration cardRead, Duration carrier) {
        return new FlowConfig(idleWarningAfter, idleCountdown, readerName, defaultLanguage, codeAttempts, codeSends,
                detailAttempts, usageDays, expiryWarningDays, storeId, kioskId, cardRead, carrier);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
