package com.simkiosk.carrier.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLine;
import java.io.IOException;
import java.io.InputStream;

/** What a demo customer knows beyond {@link DemoLine}: the full number of their registered identity document. */
final class DemoDocuments {
    private DemoDocuments() {}

    /** From the simulator's built-in data (the record only exposes the last 4 characters). */
    static String registeredDocument(DemoLine line) throws IOException {
        try (InputStream in = CarrierSimulator.class.getResourceAsStream("/carrier-sim/demo-lines.json")) {
            for (JsonNode l : new ObjectMapper().readTree(in).path("lines")) {
                if (line.key().equals(l.path("key").asText())) {
                    return l.path("idDocument").asText();
                }
            }
        }
        throw new IllegalStateException("no demo line " + line.key());
    }
}
