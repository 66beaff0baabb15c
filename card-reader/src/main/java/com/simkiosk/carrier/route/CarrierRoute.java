package com.simkiosk.carrier.route;

import com.simkiosk.carrier.CarrierBackend;
import java.util.Objects;
import java.util.Set;

/**
 * One back end the router may use, and the ICCID issuer prefixes it serves ({@code 898110} for NTT DOCOMO SIMs,
 * and so on). An aggregator has no prefixes of its own: it is the router's default.
 */
public record CarrierRoute(String name, CarrierBackend backend, Set<String> iccidPrefixes) {
    public CarrierRoute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(backend, "backend");
        iccidPrefixes = Set.copyOf(iccidPrefixes);
        for (String prefix : iccidPrefixes) {
            if (!prefix.matches("89\\d{1,8}")) {
                throw new IllegalArgumentException("an ICCID prefix is 89 followed by digits: " + prefix);
            }
        }
    }

    @Override
    public String toString() {
        return "CarrierRoute[" + name + " " + iccidPrefixes + "]";
    }
}
