package com.simkiosk.printer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A receipt or payment slip, already translated by the kiosk. The printer lays it out; it never decides wording.
 * {@code lines} are label/value rows; {@code code} is printed as CODE128 and QR when present.
 */
public record Slip(
        String title,
        String storeId,
        String kioskId,
        Instant issuedAt,
        List<Row> lines,
        Optional<String> code,
        String footer) {
    public Slip {
        lines = List.copyOf(lines);
    }

    public record Row(String label, String value) {}
}
