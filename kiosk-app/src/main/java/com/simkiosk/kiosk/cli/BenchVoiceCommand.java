package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.Situation;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.voice.EspeakEngine;
import com.simkiosk.kiosk.voice.SilentLine;
import com.simkiosk.kiosk.voice.SpeechCache;
import com.simkiosk.kiosk.voice.SpeechRenderer;
import com.simkiosk.kiosk.voice.SpeechScripts;
import com.simkiosk.kiosk.voice.SpokenFigures;
import com.simkiosk.kiosk.voice.Utterance;
import com.simkiosk.kiosk.voice.VoiceGuide;
import com.simkiosk.kiosk.voice.VoicePlayer;
import com.simkiosk.kiosk.voice.VoiceSamples;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk bench voice}: from a screen shown to its speech starting, through the kiosk's own voice (espeak-ng,
 * the cache, the player thread) up to the sound line (a silent one: the measure is the kiosk's part, not the
 * sound card's). Pre-rendered prompts against prompts with figures, and the cache's size on disk.
 */
@Command(name = "voice", mixinStandardHelpOptions = true,
        description = "Time from a screen shown to its speech starting (median, p99): pre-rendered prompts and prompts "
                + "with figures; the size of the pre-rendered cache.")
public final class BenchVoiceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", defaultValue = "40", description = "Screens shown per case (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--cache", paramLabel = "DIR", description = "The cache to fill and use (default: a new temporary one).")
    Path cacheDir;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        EspeakEngine engine = new EspeakEngine();
        Path dir = cacheDir != null ? cacheDir : Files.createTempDirectory("voice-cache");
        SpeechCache cache = new SpeechCache(dir, engine.id());
        long t0 = System.nanoTime();
        int rendered = 0;
        for (Language l : Language.values()) {
            rendered += cache.prerender(engine, l, VoiceGuide.RENDER_BOUND);
        }
        double prerenderSeconds = (System.nanoTime() - t0) / 1e9;
        long size = cache.sizeOnDisk();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("prerendered", rendered);
        result.put("prerenderSeconds", Math.round(prerenderSeconds * 10) / 10.0);
        result.put("cacheBytes", size);
        result.put("cacheBytesAsPcm", pcmBytes(dir));
        BlockingQueue<String[]> started = new ArrayBlockingQueue<>(1024);
        try (VoiceGuide guide = new VoiceGuide(engine, cache, new VoicePlayer(SilentLine.provider(), p -> {}), null)) {
            guide.player().setListener(new VoicePlayer.Listener() {
                @Override
                public void started(String key, long queued, long at) {
                    started(key, queued, at, java.time.Duration.ZERO);
                }

                @Override
                public void started(String key, long queued, long at, java.time.Duration length) {
                    started.offer(new String[] {key, Long.toString(at), Long.toString(length.toNanos())});
                }
            });
            guide.setOn(true);
            drain(started);
            // A fresh cache reader each case would measure the disk; the kiosk keeps read prompts in memory, as here.
            result.put("preRendered", measure(guide, started, Language.JA,
                    List.of(new State.Reading(), new State.LookingUp()), List.of("reading", "lookingUp")));
            result.put("withFigures", measure(guide, started, Language.JA,
                    List.of(new State.EnterPin(3, Optional.empty()), new State.EnterPin(2, Optional.empty())), List.of("enterPin")));
            result.put("balanceFigures", measure(guide, started, Language.JA,
                    List.of(new State.ShowBalance(VoiceSamples.balance(Situation.FINE)),
                            new State.ShowBalance(VoiceSamples.balance(Situation.EXPIRES_SOON))), List.of("balance.data")));
            // The figures of the balance's first figure sentence: when they were ready (the silent line takes speech at
            // once), and how late that is against when they are due when spoken at speed (after the intro, the situation
            // and the lead: those are heard first). Late 0 = no gap in the speech.
            long[][] figures = measureFigures(guide, started, Language.JA, "balance.data" + SpeechRenderer.FIGURES);
            result.put("balanceFiguresReady", Timing.ofNanos(figures[0]));
            result.put("balanceFiguresLate", Timing.ofNanos(figures[1]));
        }
        // What the kiosk did before the lead/figures split: the whole sentence rendered at run time before it could start.
        Utterance whole = SpeechScripts.of(Language.JA).withFigures("balance.data",
                SpokenFigures.of(Language.JA).data(VoiceSamples.balance(Situation.FINE).dataRemainingBytes()));
        long[] wholeNanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            engine.render(whole.text(), Language.JA, VoiceGuide.RENDER_BOUND);
            wholeNanos[i] = System.nanoTime() - t;
        }
        result.put("wholeSentenceRender", Timing.ofNanos(wholeNanos));
        if (cacheDir == null) {
            deleteTree(dir);
        }
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        } else {
            out.printf("pre-rendered cache: %d prompts in 5 languages, %.1f MB (%.1f MB as 16-bit PCM), rendered in %.1f s%n",
                    rendered, size / 1e6, (long) result.get("cacheBytesAsPcm") / 1e6, prerenderSeconds);
            out.println("screen shown → speech starts (ms, to the sound line):");
            for (String k : List.of("preRendered", "withFigures", "balanceFigures", "balanceFiguresReady",
                    "balanceFiguresLate", "wholeSentenceRender")) {
                Timing t = (Timing) result.get(k);
                out.printf("  %-15s median %7.1f  p99 %7.1f  (n=%d)%n", k, t.medianMs(), t.p99Ms(), t.n());
            }
        }
        return 0;
    }

    /** Shows the states in turn (each a new screen) and times each until its utterance in {@code keys} starts. */
    private Timing measure(VoiceGuide guide, BlockingQueue<String[]> started, Language language, List<State> states,
                           List<String> keys) throws InterruptedException {
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            drain(started);
            long shown = System.nanoTime();
            guide.show(new FlowView(states.get(i % states.size()), language, OptionalInt.empty()));
            String key = keys.get(i % keys.size());
            while (true) {
                String[] s = started.poll(10, TimeUnit.SECONDS);
                if (s == null) {
                    throw new IllegalStateException("no speech within 10 s for " + key);
                }
                if (s[0].equals(key)) {
                    nanos[i] = Long.parseLong(s[1]) - shown;
                    break;
                }
            }
        }
        return Timing.ofNanos(nanos);
    }

    /** Per balance screen shown: when its figures started, and how much later than due (never negative). */
    private long[][] measureFigures(VoiceGuide guide, BlockingQueue<String[]> started, Language language, String key)
            throws InterruptedException {
        long[] ready = new long[rounds];
        long[] late = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            drain(started);
            Situation situation = i % 2 == 0 ? Situation.FINE : Situation.EXPIRES_SOON;
            long shown = System.nanoTime();
            guide.show(new FlowView(new State.ShowBalance(VoiceSamples.balance(situation)), language, OptionalInt.empty()));
            long first = -1;
            long heard = 0;
            while (true) {
                String[] s = started.poll(10, TimeUnit.SECONDS);
                if (s == null) {
                    throw new IllegalStateException("no speech within 10 s for " + key);
                }
                long at = Long.parseLong(s[1]);
                if (at < shown) {
                    continue; // the screen before
                }
                first = first < 0 ? at : first;
                if (s[0].equals(key)) {
                    ready[i] = at - shown;
                    late[i] = Math.max(0, at - (first + heard));
                    break;
                }
                heard += Long.parseLong(s[2]);
            }
            guide.show(new FlowView(new State.Reading(), language, OptionalInt.empty())); // the next balance is a new screen
        }
        return new long[][] {ready, late};
    }

    /** What the cache's files would take as the 16-bit PCM espeak-ng gives (header included). */
    private static long pcmBytes(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            long sum = 0;
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                sum += com.simkiosk.kiosk.voice.Speech.fromWav(Files.readAllBytes(p)).pcm().length + 44;
            }
            return sum;
        }
    }

    private static void drain(BlockingQueue<String[]> q) throws InterruptedException {
        Thread.onSpinWait();
        q.clear();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
