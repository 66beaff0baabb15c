package com.simkiosk.printer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentReferenceTest {
    @ParameterizedTest
    @CsvSource({
        "KS2026112600042, KS20 2611 2600 042",
        "12345678,        1234 5678",
        "123,             123",
        "'',              ''",
    })
    void groupsTheCodeInFoursAsStoreTerminalsPrintIt(String code, String written) {
        assertThat(PaymentReference.grouped(code)).isEqualTo(written);
        assertThat(PaymentReference.grouped(code).replace(" ", "")).isEqualTo(code);
    }

    @org.junit.jupiter.api.Test
    void keepsTheCarriersOwnSeparators() {
        assertThat(PaymentReference.grouped("3884-5714-5974")).isEqualTo("3884-5714-5974");
    }
}
