package com.simkiosk.card.network;

import java.time.Instant;

/**
 * The carrier's own words in answer to a balance question, with where and when they came from. {@code text} is
 * personal data: shown on screen only, never logged ({@link #toString()} leaves it out).
 */
public record NetworkReply(Source source, String operator, String text, Instant receivedAt) {
    public enum Source { USSD, SMS }

    @Override
    public String toString() {
        return "NetworkReply[" + source + " from " + operator + " at " + receivedAt + ", " + text.length() + " chars]";
    }
}
