package com.simkiosk.kiosk.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The fleet as the topics tell it: one row per kiosk, built from {@code state}, {@code health} and {@code events}
 * messages. The reference consumer of the contract in {@code docs/telemetry.md}: it relies on nothing else.
 * A redelivered event (same kiosk start and {@code seq}) is counted once. Any thread.
 */
public final class FleetTable {

    /** One kiosk as last heard. {@code since}: when it came online, or when it went offline. */
    public record Row(String store, String kiosk, boolean online, String since, String version, String reader,
                      String printer, Map<String, String> backends, long sessionsToday, long errorsLastHour,
                      String lastHealth, long events, String lastEvent) {}

    private static final class Kiosk {
        boolean online;
        String since = "";
        String version = "";
        String startedAt = "";
        String reader = "?";
        String printer = "?";
        Map<String, String> backends = Map.of();
        long sessionsToday;
        long errorsLastHour;
        String lastHealth = "";
        long events;
        long lastSeq;
        String lastEvent = "";
    }

    private final Clock clock;
    private final Consumer<Duration> latency;
    private final Map<Topics, Kiosk> kiosks = new HashMap<>();
    private long messages;

    /** {@code latency} hears, for each health and event message, how long ago its kiosk stamped it. */
    public FleetTable(Clock clock, Consumer<Duration> latency) {
        this.clock = clock;
        this.latency = latency;
    }

    public FleetTable(Clock clock) {
        this(clock, d -> {});
    }

    /** One message from the broker; anything outside the contract or unreadable is ignored. */
    public void accept(String topic, byte[] payload) {
        Optional<Topics.Parsed> parsed = Topics.parse(topic);
        if (parsed.isEmpty() || payload.length == 0) {
            return;
        }
        JsonNode json;
        try {
            json = Payloads.JSON.readTree(payload);
        } catch (IOException e) {
            return;
        }
        Instant now = clock.instant();
        synchronized (this) {
            messages++;
            Kiosk k = kiosks.computeIfAbsent(parsed.get().kiosk(), t -> new Kiosk());
            switch (parsed.get().kind()) {
                case STATE -> state(k, json, now);
                case HEALTH -> health(k, json, now);
                case EVENTS -> event(k, json, now);
            }
        }
    }

    private void state(Kiosk k, JsonNode json, Instant now) {
        boolean online = Payloads.KioskState.ONLINE.equals(json.path("status").asText());
        k.version = json.path("version").asText(k.version);
        String startedAt = json.path("startedAt").asText(k.startedAt);
        if (!startedAt.equals(k.startedAt)) {
            k.lastSeq = 0; // a restarted kiosk numbers its events from 1 again
        }
        k.startedAt = startedAt;
        if (online != k.online || k.since.isEmpty()) {
            // The Last Will carries no time (it was written at connect): it is "offline since we heard it".
            k.since = json.hasNonNull("at") ? json.get("at").asText() : now.toString();
        }
        k.online = online;
    }

    private void health(Kiosk k, JsonNode json, Instant now) {
        stamped(json, now);
        k.reader = json.path("reader").asText("?");
        k.printer = json.path("printer").asText("?");
        Map<String, String> backends = new TreeMap<>();
        json.path("backends").fields().forEachRemaining(e -> backends.put(e.getKey(), e.getValue().asText()));
        k.backends = backends;
        k.sessionsToday = json.path("counters").path("sessionsToday").asLong();
        k.errorsLastHour = json.path("counters").path("errorsLastHour").asLong();
        k.lastHealth = json.path("at").asText();
        if (!k.online && k.since.isEmpty()) {
            k.online = true; // health before its retained state arrived
        }
    }

    private void event(Kiosk k, JsonNode json, Instant now) {
        long seq = json.path("seq").asLong();
        if (seq <= k.lastSeq) {
            return; // a redelivery (QoS 1 is at least once)
        }
        stamped(json, now);
        k.lastSeq = seq;
        k.events++;
        k.lastEvent = json.path("kind").asText() + " " + json.path("detail").asText();
    }

    private void stamped(JsonNode json, Instant now) {
        try {
            latency.accept(Duration.between(Instant.parse(json.path("at").asText()), now));
        } catch (DateTimeParseException e) {
            // no usable time: no latency sample
        }
    }

    public synchronized List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        kiosks.forEach((t, k) -> rows.add(new Row(t.storeId(), t.kioskId(), k.online, k.since, k.version, k.reader,
                k.printer, k.backends, k.sessionsToday, k.errorsLastHour, k.lastHealth, k.events, k.lastEvent)));
        rows.sort(Comparator.comparing(Row::store).thenComparing(Row::kiosk));
        return rows;
    }

    public synchronized long messages() {
        return messages;
    }
}
