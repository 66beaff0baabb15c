package com.simkiosk.kiosk.voice;

import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.screen.help.HelpTopics;
import com.simkiosk.kiosk.theme.Look;
import java.util.ArrayList;
import java.util.List;

/**
 * What the customer hears for what opens over a screen: the help overlay (each section of this step's help: what it
 * is about and what to do, then how to close it), the Display menu (each switch and its state; a change says just
 * that switch, "large text on"), the out-of-service screen (a calm message and what to do), and what is said when
 * one of them closes or voice guidance ends. The maintenance screens are for staff and are never spoken: their PIN
 * pad must not be read out, and staff read the screen.
 */
public final class OverlaySpeech {
    private OverlaySpeech() {}

    /** The help overlay on {@code state}: "Help.", each topic, "Call staff" when the overlay offers it, how to close. */
    public static List<Utterance> help(State state, boolean callStaff, SpeechScripts s) {
        List<Utterance> out = new ArrayList<>();
        out.add(s.fixed("help.intro"));
        HelpTopics.forState(state).forEach(topic -> out.add(s.fixed("help.topic." + topic)));
        if (callStaff) {
            out.add(s.fixed("help.callStaff"));
        }
        out.add(s.fixed("help.close"));
        return List.copyOf(out);
    }

    /** After "Call staff": the same words as the notice on the glass. */
    public static Utterance staffCalled(SpeechScripts s) {
        return s.fixed("help.staffCalled");
    }

    /** The Display menu: what it is, each switch with its state (voice guidance is on, or nothing would be said), how to use it. */
    public static List<Utterance> display(Look look, SpeechScripts s) {
        return List.of(s.fixed("display.intro"), largeText(look, s), highContrast(look, s), s.fixed("display.voiceOn"),
                s.fixed("display.howTo"));
    }

    /** A switch turned in the Display menu: only what changed ("large text on"); the whole menu when nothing did. */
    public static List<Utterance> displayChanged(Look before, Look after, SpeechScripts s) {
        List<Utterance> out = new ArrayList<>();
        if (before.largeText() != after.largeText()) {
            out.add(largeText(after, s));
        }
        if (before.highContrast() != after.highContrast()) {
            out.add(highContrast(after, s));
        }
        return out.isEmpty() ? display(after, s) : List.copyOf(out);
    }

    /** The out-of-service screen: nothing can be done here now; try later, or ask staff. */
    public static List<Utterance> outOfService(SpeechScripts s) {
        return List.of(s.fixed("outOfService"));
    }

    /** Help or the Display menu closed by the customer: "Closed.", then where they are (the screen, said again). */
    public static List<Utterance> closed(State shown, SpeechScripts s) {
        List<Utterance> out = new ArrayList<>();
        out.add(s.fixed("overlay.closed"));
        out.addAll(ScreenSpeech.of(shown, s));
        return List.copyOf(out);
    }

    private static Utterance largeText(Look look, SpeechScripts s) {
        return s.fixed(look.largeText() ? "display.largeText.on" : "display.largeText.off");
    }

    private static Utterance highContrast(Look look, SpeechScripts s) {
        return s.fixed(look.highContrast() ? "display.highContrast.on" : "display.highContrast.off");
    }
}
