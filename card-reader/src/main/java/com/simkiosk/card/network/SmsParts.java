package com.simkiosk.card.network;

import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Incoming SMS, read in text mode with {@code AT+CSDH=1} and {@code AT+CSCS="UCS2"} (each message's text, and the
 * concatenation header when the first octet has UDHI set) or in PDU mode ({@link SmsPdu.Deliver}): parts of one
 * long reply (TS 23.040 §9.2.3.24.1/.8) are joined in order once all have come.
 */
final class SmsParts {
    private static final HexFormat HEX = HexFormat.of();
    /** Parts by reference number, then by sequence. */
    private final Map<Integer, TreeMap<Integer, String>> byReference = new TreeMap<>();

    /** One message as read: its header fields (first octet, data coding scheme) and its data line. */
    record Message(int firstOctet, int dcs, String data) {}

    /** Adds one message read in text mode; the joined text when this completes a reply (a single message completes itself). */
    Optional<String> add(Message m) {
        boolean udhi = (m.firstOctet() & 0x40) != 0 && TextCoding.isHex(m.data());
        String data = m.data();
        Optional<SmsPdu.Concat> concat = Optional.empty();
        if (udhi) {
            byte[] octets = HEX.parseHex(data);
            int headerOctets = Math.min(octets.length, (octets[0] & 0xFF) + 1);
            concat = SmsPdu.concat(java.util.Arrays.copyOf(octets, headerOctets));
            if (SmsPdu.alphabet(m.dcs()) == SmsPdu.Alphabet.GSM7) {
                // 7-bit with a header: the whole user data as hex octets, packed septets after the fill bits
                return add(concat, SmsPdu.sevenBitAfterHeader(octets));
            }
            data = data.substring(headerOctets * 2);
        }
        // UCS2 session: 7-bit text comes as UCS2 hex too
        return add(concat, TextCoding.fromUcs2Hex(data).orElse(data));
    }

    /** Adds one message read in PDU mode. */
    Optional<String> add(SmsPdu.Deliver d) {
        return add(d.concat(), d.text());
    }

    private Optional<String> add(Optional<SmsPdu.Concat> concat, String text) {
        if (concat.isEmpty() || concat.get().total() <= 1) {
            return Optional.of(text);
        }
        SmsPdu.Concat c = concat.get();
        TreeMap<Integer, String> parts = byReference.computeIfAbsent(c.reference(), r -> new TreeMap<>());
        parts.put(c.sequence(), text);
        if (parts.size() < c.total()) {
            return Optional.empty();
        }
        byReference.remove(c.reference());
        return Optional.of(String.join("", parts.values()));
    }

    /** Whether some parts came but not all (the reply bound then ends the wait with what arrived). */
    Optional<String> incomplete() {
        return byReference.values().stream().findFirst().map(parts -> String.join("", parts.values()));
    }
}
