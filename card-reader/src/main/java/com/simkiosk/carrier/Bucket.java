package com.simkiosk.carrier;

import java.time.Instant;
import java.util.Optional;

/**
 * One prepaid bucket (TMF654). Amounts in base units: yen for MONETARY, bytes for DATA, seconds for VOICE,
 * messages for SMS. {@code initial} is what the bucket started with, where the carrier says.
 */
public record Bucket(UsageType type, long remaining, Optional<Long> initial, Optional<Instant> validUntil, boolean active) {}
