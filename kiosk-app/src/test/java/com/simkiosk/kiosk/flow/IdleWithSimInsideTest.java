package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.i18n.Messages;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15, item 3: the quiet time of a SIM session runs from the insertion, touched or not; and when it wipes
 * the session while the SIM is still in the reader, the kiosk asks for the SIM back ("take your SIM", in the
 * customer's language), not for a SIM to be inserted.
 */
class IdleWithSimInsideTest {

    /** The GLOSSARY's "take your SIM" in each language. */
    private static final Map<Language, String> TAKE_YOUR_SIM = Map.of(
            Language.JA, "SIMカードをお取りください",
            Language.EN, "Please take your SIM card",
            Language.ZH_HANS, "请取回您的SIM卡",
            Language.ZH_HANT, "請取回您的SIM卡",
            Language.KO, "SIM 카드를 꼭 챙겨 가세요");

    private static final Duration WARNING = Duration.ofSeconds(10);
    private static final Duration COUNTDOWN = Duration.ofSeconds(5);

    private final FlowFixture kiosk = new FlowFixture(new FlowConfig(WARNING, COUNTDOWN, java.util.Optional.empty(),
            Language.JA, 3, 3, 3, 14, 3, "store", "kiosk"));

    @Test
    void theWarningComesAfterTheQuietTimeOfASimSessionThatWasNeverTouched() throws Exception {
        kiosk.givenSimWithDetailLine();
        kiosk.insert();
        kiosk.settle();
        assertThat(kiosk.state()).isInstanceOf(State.EnterDetail.class);

        kiosk.time.advance(WARNING);

        assertThat(kiosk.flow.view().idleSecondsLeft()).hasValue((int) COUNTDOWN.toSeconds());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anIdleWipeWithTheSimInsideAsksForTheSimBackInTheCustomersLanguage(Language language) throws Exception {
        kiosk.givenSimWithDetailLine();
        kiosk.fire(new Event.LanguageChosen(language));
        kiosk.insert();
        kiosk.settle();

        kiosk.time.advance(WARNING.plus(COUNTDOWN));

        FlowView view = kiosk.flow.view();
        assertThat(view.state()).isEqualTo(new State.TakeSim());
        assertThat(view.idleWarning()).isFalse();
        assertThat(view.language()).isEqualTo(language);
        assertThat(Messages.of(language).get(view.state().key())).isEqualTo(TAKE_YOUR_SIM.get(language));

        kiosk.remove();
        assertThat(kiosk.state()).isEqualTo(new State.Attract());
    }

    @Test
    void anIdleWipeWithoutASimReturnsToTheAttractScreenInJapanese() throws Exception {
        kiosk.fire(new Event.LanguageChosen(Language.KO), new Event.StartNumberEntry());

        kiosk.time.advance(WARNING.plus(COUNTDOWN));

        assertThat(kiosk.state()).isEqualTo(new State.Attract());
        assertThat(kiosk.flow.language()).isEqualTo(Language.JA);
    }
}
