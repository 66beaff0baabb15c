package com.simkiosk.kiosk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.Situation;
import com.simkiosk.kiosk.flow.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sentences with figures are played as a pre-rendered lead and the figures rendered when needed: the pieces say the
 * same words as the composed sentence, and the figures never reach the disk.
 */
class SpeechRendererTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(Language.class)
    void piecesSayTheSameWordsAsTheComposedSentence(Language language, @TempDir Path dir) {
        RecordingSpeechEngine engine = new RecordingSpeechEngine();
        List<Utterance> withFigures = VoiceSamples.prompts(SpeechScripts.of(language)).stream()
                .map(VoiceSamples.Prompt::utterance).filter(u -> !u.cacheable()).distinct().toList();
        assertThat(withFigures).hasSizeGreaterThan(10);
        try (SpeechRenderer renderer = new SpeechRenderer(engine, new SpeechCache(dir, engine.id()), BOUND)) {
            int withLead = 0;
            for (Utterance u : withFigures) {
                engine.clear();
                List<SpeechRenderer.Piece> pieces = renderer.prepare(List.of(u), language, () -> false).pieces();
                List<Speech> sounds = pieces.stream().map(p -> p.speech().get().orElseThrow()).toList();
                assertThat(pieces.get(0).key()).as("the sentence starts under its own key").isEqualTo(u.key());
                assertThat(sounds).allSatisfy(s -> assertThat(s.rms()).as(u.key() + " audible").isGreaterThan(0.02));
                List<String> expected = u.leadPiece().isPresent() ? List.of(u.lead().strip(), u.rest()) : List.of(u.text());
                assertThat(engine.texts()).as(u.key() + ": the figures at run time, the lead once (then cached)")
                        .contains(u.rest()).isSubsetOf(expected);
                assertThat(words(String.join(" ", expected))).as(u.key()).isEqualTo(words(u.text()));
                withLead += u.leadPiece().isPresent() ? 1 : 0;
            }
            assertThat(withLead).as("most sentences with figures start with fixed words").isGreaterThan(withFigures.size() / 2);
        }
    }

    @Test
    void theBalanceStartsWithAPreRenderedLeadAndOnlyTheFiguresAreRenderedAtRunTime(@TempDir Path dir) {
        RecordingSpeechEngine engine = new RecordingSpeechEngine();
        SpeechCache cache = new SpeechCache(dir, engine.id());
        cache.prerender(engine, Language.JA, BOUND);
        engine.clear();
        Utterance data = SpeechScripts.of(Language.JA).withFigures("balance.data", "ろっぴゃくにじゅうメガバイト");
        try (SpeechRenderer renderer = new SpeechRenderer(engine, cache, BOUND)) {
            List<SpeechRenderer.Piece> pieces = renderer.prepare(List.of(data), Language.JA, () -> false).pieces();
            assertThat(pieces).extracting(SpeechRenderer.Piece::key).containsExactly("balance.data", "balance.data" + SpeechRenderer.FIGURES);
            pieces.forEach(p -> assertThat(p.speech().get()).isPresent());
        }
        assertThat(engine.texts()).as("the lead came from the cache").containsExactly("ろっぴゃくにじゅうメガバイトです。");
    }

    /** Every screen in every language spoken with voice on: the cache holds fixed prompts and leads, never a figure. */
    @Test
    void figureAudioIsNeverWrittenToDisk(@TempDir Path dir) throws Exception {
        RecordingSpeechEngine engine = new RecordingSpeechEngine();
        SpeechCache cache = new SpeechCache(dir, engine.id());
        List<Utterance> said = new CopyOnWriteArrayList<>();
        try (VoiceGuide guide = new VoiceGuide(engine, cache, new VoicePlayer(SilentLine.provider(), p -> {}), Runnable::run)) {
            guide.onSay(said::add);
            guide.setOn(true);
            for (Language language : Language.values()) {
                for (Map.Entry<String, State> screen : VoiceSamples.screens()) {
                    guide.setOn(true); // the attract screen ends a session, and voice with it
                    guide.show(new FlowView(screen.getValue(), language, OptionalInt.empty()));
                }
                guide.show(new FlowView(new State.ShowBalance(VoiceSamples.balance(Situation.FINE)), language, OptionalInt.of(20)));
            }
        }
        List<String> figureTexts = said.stream().filter(u -> !u.cacheable()).map(Utterance::rest).distinct().toList();
        assertThat(figureTexts).hasSizeGreaterThan(50);
        assertThat(engine.texts()).as("the figures were rendered").containsAll(figureTexts);

        Set<Path> allowed = new java.util.HashSet<>();
        for (Language language : Language.values()) {
            for (Utterance u : said) {
                Stream.concat(Stream.of(u).filter(Utterance::cacheable), u.leadPiece().stream())
                        .forEach(fixed -> allowed.add(cache.fileFor(fixed, language)));
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        assertThat(files).as("only fixed prompts and leads are on disk").allSatisfy(f -> assertThat(allowed).contains(f));
        for (Path f : files) {
            Speech s = Speech.fromWav(Files.readAllBytes(f));
            assertThat(s.rms()).isGreaterThan(0.02);
        }
    }

    private static String words(String s) {
        return s.replaceAll("\\s+", "");
    }
}
