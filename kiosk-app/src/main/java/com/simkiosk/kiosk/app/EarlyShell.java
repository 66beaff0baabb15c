package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.kiosk.voice.VoiceControls;
import com.simkiosk.kiosk.voice.VoiceGuide;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.layout.HBox;

/**
 * The kiosk's surface built on the attract screen before its parts (simulator, back-end client, card reader) have
 * started (issue 17, cold start): the attract screen needs only what the kiosk looks like, not the parts, so it is
 * built and shown while they start on their own thread, and the runtime takes it over once they are ready
 * ({@link KioskRuntime#KioskRuntime(KioskParts, Clock, Runnable, java.util.Optional)}). The flow then publishes the
 * same attract view, which the shell does not rebuild. Taps made before that are kept and handed to the flow once it
 * runs, and calls for staff to the runtime's staff counter; the maintenance corner counts only from then. A runtime
 * given none (or one that does not fit its parts) builds its own, so the shell, its voice guide and voice mode's
 * controls are put together here only. FX thread only.
 */
public final class EarlyShell {
    /** What the first screen depends on, known before the parts start. */
    public record Face(boolean demo, Theme theme, List<Language> languages, HelpSettings help, Language firstLanguage) {
        public Face {
            languages = List.copyOf(languages);
        }

        /** What the given parts' kiosk looks like. */
        public static Face of(KioskParts parts) {
            return new Face(parts.demo(), parts.theme(), parts.languages(), parts.help(), parts.flowConfig().defaultLanguage());
        }
    }

    private final Face face;
    private final KioskShell shell;
    private final HBox root;
    private final VoiceGuide voice = VoiceGuide.forKiosk(p -> {});
    private final VoiceControls voiceControls;
    private final List<Event> waiting = new ArrayList<>();
    private Consumer<Event> flow;
    private Runnable callStaff;
    /** Calls for staff made before the runtime took over: its staff counter gets them then (the notice shows now). */
    private int staffCallsWaiting;
    private Runnable maintenance = () -> {};

    /** Builds the shell and puts the attract screen in it (FX thread). */
    public EarlyShell(Face face, Clock clock) {
        this.face = face;
        Styling.useKioskBase(); // before the shell's first control: Modena is never loaded
        this.shell = new KioskShell(this::fire, clock, face.demo(), () -> maintenance.run(), face.theme(), face.languages(),
                face.help(), this::callStaff);
        FlowView attract = new FlowView(new State.Attract(), face.firstLanguage(), OptionalInt.empty());
        shell.show(attract);
        // Voice mode's button is on the attract screen too (issue 11): it comes with the shell (and the shell's look,
        // for the Display menu's speech).
        this.voiceControls = VoiceControls.attach(voice, shell.surface(), shell::overlay, shell::messages, shell::look);
        shell.addDisplayMenuItem(voiceControls::menuSwitch);
        voiceControls.show(attract);
        this.root = new HBox(shell.surface());
    }

    /** The scene's content, as {@link KioskRuntime#root()} will be (the demo panel is added beside it later). */
    public HBox root() {
        return root;
    }

    public KioskShell shell() {
        return shell;
    }

    VoiceGuide voice() {
        return voice;
    }

    VoiceControls voiceControls() {
        return voiceControls;
    }

    /** Stops what it started, when the runtime did not take it over. */
    void close() {
        voice.close();
        shell.close();
    }

    public Face face() {
        return face;
    }

    /** Whether it was built for a kiosk that looks as {@code parts} say (else the runtime builds its own shell). */
    boolean fits(KioskParts parts) {
        return face.equals(Face.of(parts)) && flow == null;
    }

    /**
     * Hands the shell to the runtime: its events go to {@code flow} from now on, those made before it follow once the
     * runtime's constructor (which starts the flow) has returned; calls for staff made before it reach
     * {@code callStaff} now.
     */
    KioskShell connect(Consumer<Event> flow, Runnable callStaff, Runnable maintenance) {
        this.flow = flow;
        this.callStaff = callStaff;
        this.maintenance = maintenance;
        for (; staffCallsWaiting > 0; staffCallsWaiting--) {
            callStaff.run();
        }
        if (!waiting.isEmpty()) {
            List<Event> early = List.copyOf(waiting);
            waiting.clear();
            Platform.runLater(() -> early.forEach(flow));
        }
        return shell;
    }

    private void callStaff() {
        if (callStaff == null) {
            staffCallsWaiting++;
        } else {
            callStaff.run();
        }
    }

    private void fire(Event event) {
        if (flow == null) {
            waiting.add(event);
        } else {
            flow.accept(event);
        }
    }
}
