package com.simkiosk.card.network;

import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Incoming SMS in text mode with {@code AT+CSDH=1} and {@code AT+CSCS="UCS2"}: each message's text, and the
 * concatenation header (TS 23.040 §9.2.3.24.1/.8) when the first octet has UDHI set, so parts of one long reply are
 * joined in order once all have come.
 */
final class SmsParts {
    private static final HexFormat HEX = HexFormat.of();
    /** Parts by reference number, then by sequence. */
    private final Map<Integer, TreeMap<Integer, String>> byReference = new TreeMap<>();
    private final Map<Integer, Integer> totals = new TreeMap<>();

    /** One message as read: its header fields (first octet, data coding scheme) and its data line. */
    record Message(int firstOctet, int dcs, String data) {}

    /** Adds one message; the joined text when this completes a reply (a single message completes itself). */
    Optional<String> add(Message m) {
        boolean udhi = (m.firstOctet() & 0x40) != 0 && TextCoding.isHex(m.data());
        String data = m.data();
        int reference = -1;
        int total = 1;
        int sequence = 1;
        if (udhi) {
            byte[] octets = HEX.parseHex(data);
            int udhl = octets[0] & 0xFF;
            for (int i = 1; i + 1 < udhl + 1 && i + 1 < octets.length; ) {
                int iei = octets[i] & 0xFF;
                int len = octets[i + 1] & 0xFF;
                if (iei == 0x00 && len == 3 && i + 4 < octets.length) {
                    reference = octets[i + 2] & 0xFF;
                    total = octets[i + 3] & 0xFF;
                    sequence = octets[i + 4] & 0xFF;
                } else if (iei == 0x08 && len == 4 && i + 5 < octets.length) {
                    reference = ((octets[i + 2] & 0xFF) << 8) | (octets[i + 3] & 0xFF);
                    total = octets[i + 4] & 0xFF;
                    sequence = octets[i + 5] & 0xFF;
                }
                i += 2 + len;
            }
            data = data.substring(Math.min(data.length(), (udhl + 1) * 2));
        }
        String text = TextCoding.fromUcs2Hex(data).orElse(data); // UCS2 session: 7-bit text comes as UCS2 hex too
        if (reference < 0 || total <= 1) {
            return Optional.of(text);
        }
        TreeMap<Integer, String> parts = byReference.computeIfAbsent(reference, r -> new TreeMap<>());
        parts.put(sequence, text);
        totals.put(reference, total);
        if (parts.size() < total) {
            return Optional.empty();
        }
        byReference.remove(reference);
        return Optional.of(String.join("", parts.values()));
    }

    /** Whether some parts came but not all (the reply bound then ends the wait with what arrived). */
    Optional<String> incomplete() {
        return byReference.values().stream().findFirst().map(parts -> String.join("", parts.values()));
    }
}
