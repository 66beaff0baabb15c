package com.simkiosk.kiosk.screen.common;

import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.i18n.Messages;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/** What a screen may use while it is shown: texts, the flow's event sink, the clock and a one-second tick. */
public interface ScreenContext {
    Messages messages();

    /** Sends an event to the flow; the screen never changes itself in answer. */
    void fire(Event event);

    Clock clock();

    /** The languages this kiosk offers, in button order. */
    java.util.List<com.simkiosk.kiosk.flow.Language> languages();

    /** Called every second while this screen is shown (countdowns); dropped when the screen is replaced. */
    void onTick(Consumer<Instant> tick);

    /**
     * Text typed on this screen (code, PIN, detail), kept across re-renders of the same screen (a language switch)
     * and cleared when the screen changes.
     */
    StringBuilder entry();
}
