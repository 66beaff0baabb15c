package com.simkiosk.kiosk.telemetry;

import java.util.Optional;

/**
 * The topic contract ({@code docs/telemetry.md}): everything a kiosk says lives under
 * {@code simkiosk/<storeId>/<kioskId>/}, in {@code state} (retained), {@code health} and {@code events}.
 * Store and kiosk ids are the configuration's ids (letters, digits, '.', '_', '-'), never anything personal.
 */
public record Topics(String storeId, String kioskId) {
    public static final String ROOT = "simkiosk";
    /** What the fleet command subscribes to: every kiosk's every topic. */
    public static final String EVERY_KIOSK = ROOT + "/+/+/+";

    public Topics {
        if (!storeId.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || !kioskId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("store and kiosk ids are letters, digits, '.', '_' and '-'");
        }
    }

    public enum Kind { STATE, HEALTH, EVENTS }

    public String topic(Kind kind) {
        return ROOT + "/" + storeId + "/" + kioskId + "/" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A topic read from the broker, split into its kiosk and kind; empty for anything outside the contract. */
    public record Parsed(Topics kiosk, Kind kind) {}

    public static Optional<Parsed> parse(String topic) {
        String[] parts = topic.split("/", -1);
        if (parts.length != 4 || !parts[0].equals(ROOT)) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.name().toLowerCase(java.util.Locale.ROOT).equals(parts[3])) {
                try {
                    return Optional.of(new Parsed(new Topics(parts[1], parts[2]), kind));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
