package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the customer types to prove who they are never prints, should an event reach a log or a message. */
class SecretEventsPrintMaskedTest {

    @Test
    void anSmsCodeEventDoesNotPrintTheCode() {
        assertThat(new Event.CodeSubmitted("482913").toString()).doesNotContain("482913");
    }

    @Test
    void aPinEventDoesNotPrintThePin() {
        assertThat(new Event.PinSubmitted("2468").toString()).doesNotContain("2468");
    }

    @Test
    void aRegisteredDetailEventDoesNotPrintTheDetail() {
        assertThat(new Event.DetailSubmitted("TK1234567").toString()).doesNotContain("1234567");
    }
}
