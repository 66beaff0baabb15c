package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.FlowSamples;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.theme.Look;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.kiosk.voice.SilentLine;
import com.simkiosk.kiosk.voice.Speech;
import com.simkiosk.kiosk.voice.SpeechCache;
import com.simkiosk.kiosk.voice.SpeechEngine;
import com.simkiosk.kiosk.voice.VoiceControls;
import com.simkiosk.kiosk.voice.VoiceGuide;
import com.simkiosk.kiosk.voice.VoicePlayer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;

/**
 * The kiosk's shell with voice guidance attached as the runtime attaches it, a speech engine that answers with a
 * moment of silence, and the keys of every utterance asked for, in order. Create and use on the FX thread.
 */
final class VoiceHarness implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(FlowSamples.NOW, ZoneOffset.UTC);

    final KioskShell shell;
    final VoiceGuide guide;
    final VoiceControls controls;
    final Scene scene;
    final List<String> said = new CopyOnWriteArrayList<>();

    VoiceHarness(Path cacheDir, Look look, HelpSettings help) {
        shell = new KioskShell(e -> {}, CLOCK, false, () -> {}, Theme.NORMAL, List.of(Language.values()), help, () -> {});
        SpeechEngine quiet = new SpeechEngine() {
            @Override
            public Speech render(String text, Language language, Duration bound) {
                return new Speech(8000, new byte[160]);
            }

            @Override
            public String id() {
                return "quiet";
            }
        };
        guide = new VoiceGuide(quiet, new SpeechCache(cacheDir, quiet.id()), new VoicePlayer(SilentLine.provider(), p -> {}),
                Runnable::run);
        guide.onSay(u -> said.add(u.key()));
        controls = VoiceControls.attach(guide, shell.surface(), shell::overlay, shell::messages, shell::look);
        shell.addDisplayMenuItem(controls::menuSwitch);
        scene = new Scene(shell.surface(), KioskShell.WIDTH, KioskShell.HEIGHT);
        Styling.apply(scene, look);
    }

    /** The flow's view, to the shell, the guide and the controls, in the runtime's order. */
    void show(State state, Language language) {
        FlowView view = new FlowView(state, language, OptionalInt.empty());
        shell.show(view);
        guide.show(view);
        controls.show(view);
        layout();
    }

    void layout() {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    @Override
    public void close() {
        guide.close();
        shell.close();
    }
}
