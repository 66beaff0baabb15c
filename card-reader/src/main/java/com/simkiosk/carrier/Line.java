package com.simkiosk.carrier;

import java.util.List;
import java.util.Optional;

/**
 * A mobile line as the carrier knows it (TMF637 Product), and {@code simProof} when the SIM in the reader proved
 * itself to the carrier in this session (the client then sends it with every call about the line).
 */
public record Line(
        String id,
        LineStatus status,
        String planName,
        String brand,
        Optional<Msisdn> msisdn,
        List<VerificationMethod> verificationMethods,
        Optional<SimProof> simProof) {
    public Line {
        verificationMethods = List.copyOf(verificationMethods);
        simProof = simProof == null ? Optional.empty() : simProof;
    }

    /** A line as looked up, without a SIM proof. */
    public Line(String id, LineStatus status, String planName, String brand, Optional<Msisdn> msisdn,
                List<VerificationMethod> verificationMethods) {
        this(id, status, planName, brand, msisdn, verificationMethods, Optional.empty());
    }

    /** The same line, proven by the SIM in the reader. */
    public Line withSimProof(SimProof proof) {
        return new Line(id, status, planName, brand, msisdn, verificationMethods, Optional.of(proof));
    }
}
