package com.simkiosk.kiosk.flow;

import java.util.OptionalInt;

/**
 * Everything the UI renders: the screen, the language, and the idle warning overlay
 * ({@code idleSecondsLeft} present while the "Are you still there?" countdown runs).
 */
public record FlowView(State state, Language language, OptionalInt idleSecondsLeft) {
    public boolean idleWarning() {
        return idleSecondsLeft.isPresent();
    }
}
