package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the customer types, and the balance they see, never print in full should a flow value reach a log or a message. */
class FlowValuesPrintMaskedTest {

    @Test
    void anSmsCodeEventDoesNotPrintTheCode() {
        assertThat(new Event.CodeSubmitted("482913").toString()).doesNotContain("482913");
    }

    @Test
    void aPinEventDoesNotPrintThePin() {
        assertThat(new Event.PinSubmitted("2468").toString()).doesNotContain("2468");
    }

    @Test
    void theNumberBeingTypedPrintsMasked() {
        assertThat(new State.EnterNumber("09012345678", "090-1234-5678", true).toString())
                .doesNotContain("12345678").doesNotContain("1234-5678");
    }

    @Test
    void theBalanceScreenModelDoesNotPrintTheAmounts() {
        BalanceView view = new BalanceView("Prepaid", java.util.Optional.of("090-****-5678"), java.util.Optional.of(31415L),
                2_718_281_828L, 3_000_000_000L, java.util.Optional.of(16180L), java.util.Optional.of(42L), java.util.Optional.empty(), java.util.Optional.empty(), false,
                java.util.List.of(), java.util.Optional.empty(), true, java.util.Optional.of(99_999_999L), Situation.FINE,
                TopUpChoice.ADD_DATA, java.time.Instant.EPOCH);
        assertThat(view.toString()).doesNotContain("31415").doesNotContain("2718281828").doesNotContain("16180");
    }

    @Test
    void aRegisteredDetailEventDoesNotPrintTheDetail() {
        assertThat(new Event.DetailSubmitted("TK1234567").toString()).doesNotContain("1234567");
    }
}
