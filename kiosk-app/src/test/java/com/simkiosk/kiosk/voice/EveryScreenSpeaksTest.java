package com.simkiosk.kiosk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.FlowSamples;
import com.simkiosk.kiosk.theme.Look;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of screen the flow can show, and everything the customer can open over it, speaks in every language:
 * a new kind of screen without a sample or without speech fails here, not on a customer who cannot read it.
 */
class EveryScreenSpeaksTest {

    /** Every screen of the samples voice-check renders and of the screen tests' samples. */
    private static List<State> everyScreen() {
        List<State> states = new ArrayList<>(VoiceSamples.screens().stream().map(java.util.Map.Entry::getValue).toList());
        states.addAll(FlowSamples.oneOfEachState());
        return states;
    }

    @Test
    void everyKindOfScreenHasASample() {
        Set<String> kinds = Arrays.stream(State.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> sampled = VoiceSamples.screens().stream().map(e -> e.getValue().getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(sampled).as("screen kinds with a voice sample").isEqualTo(kinds);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyScreenSaysWhatItIsAndWhatToDo(Language language) {
        SpeechScripts s = SpeechScripts.of(language);
        for (State state : everyScreen()) {
            List<Utterance> said = ScreenSpeech.of(state, s);
            assertThat(said).as("speech of %s in %s", state.key(), language).isNotEmpty()
                    .allSatisfy(u -> assertThat(u.text()).as(u.key()).isNotBlank().doesNotContain("{"));
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void helpOnEveryScreenSaysEachSectionAndHowToClose(Language language) {
        SpeechScripts s = SpeechScripts.of(language);
        for (State state : everyScreen()) {
            for (boolean callStaff : List.of(false, true)) {
                List<String> keys = OverlaySpeech.help(state, callStaff, s).stream().map(Utterance::key).toList();
                assertThat(keys).as("help on %s in %s", state.key(), language)
                        .startsWith("help.intro").endsWith("help.close")
                        .anySatisfy(k -> assertThat(k).startsWith("help.topic."));
                assertThat(keys.contains("help.callStaff")).as("Call staff said when offered").isEqualTo(callStaff);
            }
            List<String> closed = OverlaySpeech.closed(state, s).stream().map(Utterance::key).toList();
            assertThat(closed).as("closing help on %s says where they are", state.key()).startsWith("overlay.closed")
                    .hasSize(1 + ScreenSpeech.of(state, s).size());
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theDisplayMenuSaysEverySwitchAndEachChange(Language language) {
        SpeechScripts s = SpeechScripts.of(language);
        assertThat(OverlaySpeech.display(Look.NORMAL, s)).extracting(Utterance::key).containsExactly("display.intro",
                "display.largeText.off", "display.highContrast.off", "display.voiceOn", "display.howTo");
        assertThat(OverlaySpeech.displayChanged(Look.NORMAL, new Look(false, true), s)).extracting(Utterance::key)
                .containsExactly("display.largeText.on");
        assertThat(OverlaySpeech.displayChanged(new Look(true, true), Look.NORMAL, s)).extracting(Utterance::key)
                .containsExactly("display.largeText.off", "display.highContrast.off");
        assertThat(OverlaySpeech.displayChanged(Look.NORMAL, Look.NORMAL, s)).as("nothing changed: the whole menu")
                .isEqualTo(OverlaySpeech.display(Look.NORMAL, s));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void outOfServiceAndTheEndingsSpeak(Language language) {
        SpeechScripts s = SpeechScripts.of(language);
        assertThat(OverlaySpeech.outOfService(s)).isNotEmpty().allSatisfy(u -> assertThat(u.text()).isNotBlank());
        for (String key : List.of("voice.off", "session.end", "help.staffCalled")) {
            assertThat(s.fixed(key).text()).as(key).isNotBlank();
        }
        assertThat(ScreenSpeech.idle(30, s).text()).as("the idle warning with its seconds").isNotBlank();
    }
}
