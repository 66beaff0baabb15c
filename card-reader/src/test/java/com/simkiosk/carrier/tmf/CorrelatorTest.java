package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** x-correlator keeps the form docs/carrier-api.md shows (a UUID) and the CAMARA pattern, and tells calls apart. */
class CorrelatorTest {

    @Test
    void aRandomVersion4UuidThatFitsCamarasPatternAndDiffersPerCall() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String c = TmfHttp.correlator();
            UUID u = UUID.fromString(c);
            assertThat(u.version()).isEqualTo(4);
            assertThat(u.variant()).isEqualTo(2);
            assertThat(c).matches("^[a-zA-Z0-9-_:;./<>{}]{0,256}$").hasSize(36);
            seen.add(c);
        }
        assertThat(seen).hasSize(10_000);
    }
}
