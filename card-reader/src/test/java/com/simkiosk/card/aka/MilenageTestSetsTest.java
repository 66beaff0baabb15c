package com.simkiosk.card.aka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.apdu.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every Milenage function against the published conformance data of 3GPP TS 35.208 §4.3 (TS 35.207), test sets
 * 1-6. The numbers are in {@code src/test/resources/aka/milenage-test-sets.csv}; they were read from hostapd's
 * {@code tests/test-milenage.c} (github.com/vanhoefm/krackattacks-scripts at 841b52b4, which lists set 1 twice,
 * so its sets 3-7 are the standard's 2-6), test set 1 also from the design brief, test set 2 cross-checked in
 * free5gc's Milenage tests.
 */
class MilenageTestSetsTest {

    @ParameterizedTest(name = "TS 35.208 test set {0}")
    @CsvFileSource(resources = "/aka/milenage-test-sets.csv", numLinesToSkip = 1)
    void everyFunctionMatchesThePublishedTestSet(int set, String k, String rand, String sqn, String amf, String op,
            String opc, String f1, String f1star, String f2, String f3, String f4, String f5, String f5star) {
        assertThat(hex(Milenage.opc(bytes(k), bytes(op)))).as("OPc").isEqualTo(opc);
        try (Milenage milenage = new Milenage(bytes(k), bytes(opc))) {
            assertThat(hex(milenage.f1(bytes(rand), bytes(sqn), bytes(amf)))).as("f1 MAC-A").isEqualTo(f1);
            assertThat(hex(milenage.f1star(bytes(rand), bytes(sqn), bytes(amf)))).as("f1* MAC-S").isEqualTo(f1star);
            assertThat(hex(milenage.f2(bytes(rand)))).as("f2 RES").isEqualTo(f2);
            assertThat(hex(milenage.f3(bytes(rand)))).as("f3 CK").isEqualTo(f3);
            assertThat(hex(milenage.f4(bytes(rand)))).as("f4 IK").isEqualTo(f4);
            assertThat(hex(milenage.f5(bytes(rand)))).as("f5 AK").isEqualTo(f5);
            assertThat(hex(milenage.f5star(bytes(rand)))).as("f5* AK*").isEqualTo(f5star);
        }
    }

    @Test
    void aClosedInstanceHasForgottenItsKeys() {
        Milenage milenage = new Milenage(bytes("465b5ce8b199b49faa5f0a2ee238a6bc"), bytes("cd63cb71954a9f4e48a5994e37a02baf"));
        milenage.close();
        assertThatThrownBy(() -> milenage.f2(new byte[16])).isInstanceOf(IllegalStateException.class);
        assertThat(milenage.toString()).doesNotContain("465b", "465B", "cd63", "CD63");
    }

    @Test
    void wrongLengthsAreRefused() {
        assertThatThrownBy(() -> new Milenage(new byte[15], new byte[16])).isInstanceOf(IllegalArgumentException.class);
        try (Milenage milenage = new Milenage(new byte[16], new byte[16])) {
            assertThatThrownBy(() -> milenage.f1(new byte[16], new byte[5], new byte[2]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static byte[] bytes(String hex) {
        return Hex.decode(hex);
    }

    private static String hex(byte[] bytes) {
        return Hex.encode(bytes).toLowerCase();
    }
}
