package com.simkiosk.carrier;

import java.time.Instant;
import java.util.Objects;

/**
 * The SIM in the reader proved itself to its carrier: a GBA bootstrapping (3GPP TS 33.220) named by its B-TID,
 * valid until {@code lifetime}. The back end's client sends the B-TID with every call about the line
 * ({@code X-GBA-BTID}, docs/carrier-api.md §12). The B-TID is a bearer proof inside the kiosk's TLS connections:
 * {@link #toString()} shows only its host part.
 */
public record SimProof(String btid, Instant lifetime) {
    public SimProof {
        Objects.requireNonNull(btid, "btid");
        Objects.requireNonNull(lifetime, "lifetime");
        if (btid.isBlank() || btid.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("a B-TID is printable ASCII without spaces");
        }
    }

    @Override
    public String toString() {
        int at = btid.indexOf('@');
        return "SimProof[B-TID ******" + (at < 0 ? "" : btid.substring(at)) + ", until " + lifetime + "]";
    }
}
