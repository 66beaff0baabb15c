package com.simkiosk.carrier;

import java.util.List;
import java.util.Optional;

/** A mobile line as the carrier knows it (TMF637 Product). */
public record Line(
        String id,
        LineStatus status,
        String planName,
        String brand,
        Optional<Msisdn> msisdn,
        List<VerificationMethod> verificationMethods) {
    public Line {
        verificationMethods = List.copyOf(verificationMethods);
    }
}
