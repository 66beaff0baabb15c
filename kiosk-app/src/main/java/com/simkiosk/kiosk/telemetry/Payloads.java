package com.simkiosk.kiosk.telemetry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * The JSON bodies of the topic contract ({@code docs/telemetry.md}), also {@code /healthz}'s body. Every value is a
 * state name, a count, an id from the configuration or a time: nothing about a customer fits in these records.
 * Times are ISO-8601 UTC strings.
 */
public final class Payloads {
    private Payloads() {}

    /** Unknown fields are ignored, so a newer kiosk's additions do not break an older fleet command. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** {@code state}, retained: {@code online} at connect, {@code offline} by the Last Will or a clean stop. */
    public record KioskState(String status, String version, String startedAt, String at, String reason) {
        public static final String ONLINE = "online";
        public static final String OFFLINE = "offline";
    }

    /** {@code health}, every {@code healthSeconds}, and the body of {@code /healthz}. */
    public record Health(String at, boolean healthy, String reader, String printer, Map<String, String> backends,
                         String display, LastSession lastSession, Counters counters, Link telemetry) {}

    /** The kiosk's own broker link: its state, and what an operator should fix when it cannot connect. */
    public record Link(String state, String problem) {}

    /** How the last customer's session ended, and when; absent until one has. */
    public record LastSession(String outcome, String endedAt) {}

    public record Counters(long sessionsStarted, long sessionsToday, long errorsLastHour,
                           Map<String, Long> sessionsFinished, Map<String, Long> errors, long slipsPrinted,
                           long idleWipes, long eventsQueued, long eventsDropped) {}

    /** {@code events}, QoS 1: {@code seq} counts up from 1 per kiosk start, so a consumer can drop a redelivery. */
    public record Event(long seq, String at, String kind, String detail) {}

    public static byte[] bytes(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a telemetry record did not serialise", e);
        }
    }
}
