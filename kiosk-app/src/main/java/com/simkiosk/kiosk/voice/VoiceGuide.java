package com.simkiosk.kiosk.voice;

import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voice mode: off until the customer turns it on, then every screen the flow shows is spoken in the session's
 * language, key presses are answered, and at the end of the session (back to the attract screen) it is off again.
 * It only observes the flow's views and the buttons touched; it never sends an event. Speech is rendered on one
 * {@code voice-synth} thread (bounded queue, the oldest dropped) from the cache or the engine, within a bound, and
 * played by {@link VoicePlayer}; a new screen interrupts the old speech.
 */
public final class VoiceGuide implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VoiceGuide.class);
    /** Longest the engine may take for one sentence before it is given up (the screen is still there). */
    public static final Duration RENDER_BOUND = Duration.ofSeconds(5);
    static final double[] VOLUMES = {0.25, 0.4, 0.6, 0.8, 1.0};
    private static final Speech CLICK = click();

    private final SpeechEngine engine;
    private final SpeechCache cache;
    private final VoicePlayer player;
    private final SpeechRenderer renderer;
    private final Executor synth;
    private final Optional<ThreadPoolExecutor> ownedSynth;
    private final Map<Language, SpeechScripts> scripts = new EnumMap<>(Language.class);
    private volatile Consumer<Utterance> onSay = u -> {};
    private final List<Runnable> changed = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile boolean on;
    private volatile int volume = 3;
    private Optional<State> shown = Optional.empty();
    private Language language = Language.JA;
    private boolean idleSpoken;
    private List<Utterance> last = List.of();
    private boolean warmed;
    /** What is open over the screen (help, the Display menu, out of service) and what it says, in any language. */
    private Optional<java.util.function.Function<SpeechScripts, List<Utterance>>> overlay = Optional.empty();
    private volatile boolean closed;

    /** {@code synth} runs rendering; {@code null} for the kiosk's own bounded thread. */
    public VoiceGuide(SpeechEngine engine, SpeechCache cache, VoicePlayer player, Executor synth) {
        this.engine = engine;
        this.cache = cache;
        this.player = player;
        this.renderer = new SpeechRenderer(engine, cache, RENDER_BOUND);
        if (synth == null) {
            ThreadPoolExecutor own = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8), r -> {
                Thread t = new Thread(r, "voice-synth");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());
            this.ownedSynth = Optional.of(own);
            this.synth = own;
        } else {
            this.ownedSynth = Optional.empty();
            this.synth = synth;
        }
    }

    /** The kiosk's voice: espeak-ng, the cache in its default place, the default sound output. */
    public static VoiceGuide forKiosk(Consumer<String> onProblem) {
        SpeechEngine engine = new EspeakEngine();
        return new VoiceGuide(engine, new SpeechCache(SpeechCache.defaultDir(), engine.id()),
                new VoicePlayer(VoicePlayer.javaSound(), onProblem), null);
    }

    public VoicePlayer player() {
        return player;
    }

    /** Observes every utterance as it is asked for (tests, the benchmark). */
    public void onSay(Consumer<Utterance> observer) {
        this.onSay = observer;
    }

    /** Runs (on the caller's thread) when voice mode or the volume changes, for the controls. */
    public void onChange(Runnable r) {
        changed.add(r);
    }

    public boolean on() {
        return on;
    }

    /** 1 (quietest) to 5. */
    public int volume() {
        return volume + 1;
    }

    /** Why the kiosk cannot speak (no sound device), for maintenance. */
    public Optional<String> problem() {
        return player.problem();
    }

    /**
     * Turns voice mode on (says so, then what is on show: the screen, or what is open over it) or off (says so, and
     * nothing after that).
     */
    public void setOn(boolean value) {
        if (value) {
            turnOn();
        } else {
            turnOff("voice.off");
        }
    }

    private void turnOn() {
        if (on) {
            return;
        }
        on = true;
        SpeechScripts s = scripts(language);
        List<Utterance> now = overlay.map(o -> o.apply(s))
                .orElseGet(() -> shown.map(st -> ScreenSpeech.of(st, s)).orElse(List.of()));
        say(concat(List.of(s.fixed("voice.on")), now), now);
        warm(language);
        changed.forEach(Runnable::run);
    }

    /** The last words ({@code voice.off}, or {@code session.end}), then silence. */
    private void turnOff(String lastWords) {
        if (!on) {
            return;
        }
        on = false;
        queue(List.of(scripts(language).fixed(lastWords)), player.interrupt());
        changed.forEach(Runnable::run);
    }

    /**
     * Something opened over the screen (help, the Display menu, out of service), {@code speech} in any language:
     * said now, again by "say it again", and again in a new language; a new screen forgets it.
     */
    public void overlay(java.util.function.Function<SpeechScripts, List<Utterance>> speech) {
        overlay = Optional.of(speech);
        if (on) {
            List<Utterance> said = speech.apply(scripts(language));
            say(said, said);
        }
    }

    /** A change inside the open overlay (a Display switch): {@code change} said now, {@code speech} from then on. */
    public void overlayChanged(java.util.function.Function<SpeechScripts, List<Utterance>> change,
                               java.util.function.Function<SpeechScripts, List<Utterance>> speech) {
        overlay = Optional.of(speech);
        if (on) {
            SpeechScripts s = scripts(language);
            say(change.apply(s), speech.apply(s));
        }
    }

    /** How what was open over the screen went away. */
    public enum Closed {
        /** Close tapped: "Closed.", then where they are. */
        BY_CUSTOMER,
        /** The out-of-service screen lifted: the screen under it, said again. */
        BACK_IN_SERVICE
    }

    /** What was open over the screen went away: the guide says where the customer is. */
    public void overlayClosed(Closed how) {
        boolean wasOpen = overlay.isPresent();
        overlay = Optional.empty();
        if (on && wasOpen && shown.isPresent()) {
            SpeechScripts s = scripts(language);
            List<Utterance> screen = ScreenSpeech.of(shown.get(), s);
            say(how == Closed.BY_CUSTOMER ? OverlaySpeech.closed(shown.get(), s) : screen, screen);
        }
    }

    /** Silence now (staff opened maintenance), voice mode staying as it is. */
    public void hush() {
        player.interrupt();
    }

    /** The screen on show, if any. */
    public Optional<State> shown() {
        return shown;
    }

    /** The flow's view: a new screen (or language) is spoken; the idle warning once; the end of a session ends voice. */
    public void show(FlowView view) {
        State state = view.state();
        boolean languageChanged = view.language() != language;
        Optional<State> before = shown;
        boolean stateChanged = before.map(b -> !b.equals(state)).orElse(true);
        shown = Optional.of(state);
        language = view.language();
        if (stateChanged) {
            overlay = Optional.empty(); // a new step closes help and the Display menu
        }
        if (before.map(State::inSession).orElse(false) && !state.inSession() && on) {
            turnOff("session.end"); // the next customer starts without it
        }
        boolean idleNow = view.idleWarning();
        boolean idleStarts = idleNow && !idleSpoken;
        idleSpoken = idleNow;
        if (!on) {
            return;
        }
        if (languageChanged) {
            warm(language);
        }
        if (idleStarts) {
            say(List.of(ScreenSpeech.idle(view.idleSecondsLeft().getAsInt(), scripts(language))), last);
            return;
        }
        if (!stateChanged && !languageChanged) {
            return;
        }
        if (!stateChanged && overlay.isPresent()) {
            List<Utterance> said = overlay.get().apply(scripts(language)); // what is open, in the new language
            say(said, said);
            return;
        }
        if (!languageChanged && before.orElse(null) instanceof State.EnterNumber b && state instanceof State.EnterNumber n) {
            KeypadSpeech.numberComplete(b, n, scripts(language)).ifPresent(u -> queue(List.of(u), player.generation()));
            return; // the digit itself was said as it was touched
        }
        List<Utterance> screen = ScreenSpeech.of(state, scripts(language));
        say(screen, screen);
    }

    /** A button was touched ({@code id} as the screen gives it): a quiet click, and what a keypad key says. */
    public void touched(String id) {
        if (!on) {
            return;
        }
        long g = player.interrupt();
        player.play("click", CLICK.scaled(VOLUMES[volume]), g);
        Optional<Utterance> key = shown.flatMap(s -> KeypadSpeech.forKey(id == null ? "" : id, s, scripts(language)));
        if ("help-call-staff".equals(id)) {
            key = Optional.of(OverlaySpeech.staffCalled(scripts(language)));
        }
        key.ifPresent(u -> queue(List.of(u), g));
    }

    public void louder() {
        step(+1);
    }

    public void quieter() {
        step(-1);
    }

    /** Says the current screen again. */
    public void again() {
        if (on) {
            say(last, last);
        }
    }

    private void step(int delta) {
        int next = volume + delta;
        SpeechScripts s = scripts(language);
        if (next < 0 || next >= VOLUMES.length) {
            say(List.of(s.fixed("voice.limit")), last);
            return;
        }
        volume = next;
        say(List.of(s.fixed(delta > 0 ? "voice.louder" : "voice.quieter")), last);
        changed.forEach(Runnable::run);
    }

    private void say(List<Utterance> utterances, List<Utterance> repeatable) {
        last = repeatable;
        queue(utterances, player.interrupt());
    }

    private void queue(List<Utterance> utterances, long generation) {
        Language lang = language;
        utterances.forEach(onSay);
        SpeechRenderer.Batch batch = renderer.prepare(utterances, lang, () -> player.generation() != generation);
        synth.execute(() -> {
            for (SpeechRenderer.Piece p : batch.pieces()) {
                if (player.generation() != generation) {
                    batch.drop(); // a newer screen took over: its figures are forgotten
                    return;
                }
                p.speech().get().ifPresent(s -> player.play(p.key(), s.scaled(VOLUMES[volume]), generation));
            }
        });
    }

    /** First use in a language: its fixed prompts are rendered into the cache, behind anything to say. */
    private void warm(Language lang) {
        if (ownedSynth.isEmpty() || warmed) {
            return;
        }
        warmed = true;
        Thread t = new Thread(() -> {
            List<Language> order = new java.util.ArrayList<>(List.of(Language.values()));
            order.remove(lang);
            order.add(0, lang); // the customer's language first
            for (Language l : order) {
                int n = cache.prerender(engine, l, RENDER_BOUND, () -> closed);
                if (n > 0) {
                    log.info("voice: {} prompts pre-rendered for {}", n, l.tag());
                }
            }
        }, "voice-prerender");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private SpeechScripts scripts(Language l) {
        return scripts.computeIfAbsent(l, SpeechScripts::of);
    }

    private static List<Utterance> concat(List<Utterance> a, List<Utterance> b) {
        List<Utterance> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** 12 ms of a soft 1.2 kHz tick: enough to confirm a touch, not enough to startle. */
    private static Speech click() {
        int rate = 22050;
        int n = rate * 12 / 1000;
        ByteBuffer b = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            double envelope = 1.0 - (double) i / n;
            b.putShort((short) (3000 * envelope * Math.sin(2 * Math.PI * 1200 * i / rate)));
        }
        return new Speech(rate, b.array());
    }

    @Override
    public void close() {
        closed = true;
        on = false;
        player.close();
        renderer.close();
        ownedSynth.ifPresent(ThreadPoolExecutor::shutdownNow);
    }
}
