package com.simkiosk.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class MaintenancePinTest {

    /** Fewer iterations than in production, to keep the suite fast; the algorithm is the same. */
    private static final int FAST = MaintenancePin.MIN_ITERATIONS;

    private final SecureRandom random = new SecureRandom();

    @Test
    void theRightPinMatchesAndAWrongOneDoesNot() {
        MaintenancePin stored = MaintenancePin.hash("31415926".toCharArray(), FAST, random);

        assertThat(stored.matches("31415926".toCharArray())).isTrue();
        assertThat(stored.matches("31415927".toCharArray())).isFalse();
        assertThat(stored.matches("".toCharArray())).isFalse();
    }

    @Test
    void theSamePinHashesDifferentlyEachTime() {
        MaintenancePin a = MaintenancePin.hash("31415926".toCharArray(), FAST, random);
        MaintenancePin b = MaintenancePin.hash("31415926".toCharArray(), FAST, random);

        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.hash()).isNotEqualTo(b.hash());
        assertThat(b.matches("31415926".toCharArray())).isTrue();
    }

    @Test
    void shortOrNonDigitPinsAreRefused() {
        assertThatThrownBy(() -> MaintenancePin.hash("12345".toCharArray(), FAST, random))
                .hasMessageContaining("at least 6 digits");
        assertThatThrownBy(() -> MaintenancePin.hash("abcdefgh".toCharArray(), FAST, random))
                .hasMessageContaining("digits");
    }

    @Test
    void tooFewIterationsOrAnotherAlgorithmAreRefused() {
        MaintenancePin ok = MaintenancePin.hash("31415926".toCharArray(), FAST, random);

        assertThatThrownBy(() -> new MaintenancePin(ok.algorithm(), 1_000, ok.salt(), ok.hash()))
                .hasMessageContaining("iterations");
        assertThatThrownBy(() -> new MaintenancePin("PBKDF2WithHmacSHA1", FAST, ok.salt(), ok.hash()))
                .hasMessageContaining("algorithm");
    }

    @Test
    void toStringShowsNeitherSaltNorHash() {
        MaintenancePin stored = MaintenancePin.hash("31415926".toCharArray(), FAST, random);

        assertThat(stored.toString()).doesNotContain(stored.salt(), stored.hash()).contains("PBKDF2");
    }
}
