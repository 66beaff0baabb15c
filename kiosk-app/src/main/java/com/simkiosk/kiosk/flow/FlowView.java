package com.simkiosk.kiosk.flow;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the UI renders: the screen, the language, the idle warning overlay ({@code idleSecondsLeft} present
 * while the "Are you still there?" countdown runs), and the configured name of the back end that serves this
 * customer's line ({@code backend}: the line's, else the SIM's by its issuer; empty before either is known), so an
 * error only the carrier can resolve shows that carrier's support contact.
 */
public record FlowView(State state, Language language, OptionalInt idleSecondsLeft, Optional<String> backend) {
    public FlowView(State state, Language language, OptionalInt idleSecondsLeft) {
        this(state, language, idleSecondsLeft, Optional.empty());
    }

    public boolean idleWarning() {
        return idleSecondsLeft.isPresent();
    }
}
