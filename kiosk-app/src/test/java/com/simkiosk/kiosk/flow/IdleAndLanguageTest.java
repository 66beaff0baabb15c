package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.simkiosk.kiosk.flow.Event.Done;
import com.simkiosk.kiosk.flow.Event.LanguageChosen;
import com.simkiosk.kiosk.flow.Event.StartNumberEntry;
import com.simkiosk.kiosk.flow.Event.UserActivity;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class IdleAndLanguageTest {

    private final FlowFixture kiosk = new FlowFixture();

    private OptionalInt countdown() {
        return kiosk.flow.view().idleSecondsLeft();
    }

    @Test
    void theAttractScreenInJapaneseRunsNoTimer() {
        assertThat(kiosk.time.pendingTimers()).isZero();
        kiosk.time.advance(Duration.ofHours(1));
        assertThat(kiosk.state()).isEqualTo(new State.Attract());
    }

    @Test
    void afterTheQuietTimeAWarningCountsDownEachSecond() {
        kiosk.fire(new StartNumberEntry());

        kiosk.time.advance(Duration.ofSeconds(59));
        assertThat(countdown()).isEmpty();
        kiosk.time.advance(Duration.ofSeconds(1));
        assertThat(countdown()).hasValue(15);
        assertThat(kiosk.flow.view().idleWarning()).isTrue();
        kiosk.time.advance(Duration.ofSeconds(5));

        assertThat(countdown()).hasValue(10);
        assertThat(kiosk.views.get(kiosk.views.size() - 1).idleSecondsLeft()).hasValue(10);
        assertThat(kiosk.state()).isInstanceOf(State.EnterNumber.class);
    }

    @Test
    void anyTouchCancelsTheWarningAndRestartsTheQuietTime() {
        kiosk.fire(new StartNumberEntry());
        kiosk.typeDigits("090");
        kiosk.time.advance(Duration.ofSeconds(65));
        assertThat(countdown()).hasValue(10);

        kiosk.fire(new UserActivity());

        assertThat(countdown()).isEmpty();
        assertThat(kiosk.state()).isEqualTo(new State.EnterNumber("090", "090", false));
        kiosk.time.advance(Duration.ofSeconds(59));
        assertThat(countdown()).isEmpty();
        kiosk.time.advance(Duration.ofSeconds(1));
        assertThat(countdown()).hasValue(15);
    }

    @Test
    void typingKeepsTheSessionAlive() {
        kiosk.fire(new StartNumberEntry());
        for (int i = 0; i < 5; i++) {
            kiosk.time.advance(Duration.ofSeconds(50));
            kiosk.typeDigits("0");
        }

        assertThat(countdown()).isEmpty();
        assertThat(kiosk.state()).isInstanceOf(State.EnterNumber.class);
    }

    @Test
    void atZeroEverythingIsWipedAndAttractReturnsInJapanese() throws Exception {
        kiosk.fire(new LanguageChosen(Language.EN));
        kiosk.reachCodeScreen();

        kiosk.time.advance(Duration.ofSeconds(60 + 15));

        assertThat(kiosk.state()).isEqualTo(new State.Attract());
        assertThat(kiosk.flow.language()).isEqualTo(Language.JA);
        assertThat(countdown()).isEmpty();
        assertThat(kiosk.time.pendingTimers()).isZero();
        kiosk.fire(new StartNumberEntry());
        assertThat(kiosk.state()).isEqualTo(new State.EnterNumber("", "", false));
    }

    @Test
    void idleWipeDuringALookupDropsTheLateAnswer() throws Exception {
        // A carrier wait longer than the idle time (the default one ends long before it).
        FlowFixture kiosk = new FlowFixture(FlowConfig.defaults().withWaits(Duration.ofSeconds(3), Duration.ofSeconds(120)));
        kiosk.reachCodeScreen();
        kiosk.fire(new Event.CodeSubmitted("123456"));

        kiosk.time.advance(Duration.ofSeconds(75));
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.Attract());
    }

    @Test
    void switchingLanguageKeepsTheScreenAndItsData() throws Exception {
        kiosk.reachCodeScreen();
        State before = kiosk.state();

        kiosk.fire(new LanguageChosen(Language.KO));

        assertThat(kiosk.state()).isEqualTo(before);
        assertThat(kiosk.flow.view().language()).isEqualTo(Language.KO);
    }

    @Test
    void theSmsIsWrittenInTheLanguageChosenAtTheTime() throws Exception {
        FlowTexts texts = mock(FlowTexts.class);
        when(texts.smsMessage(Language.ZH_HANT)).thenReturn("驗證碼：{{code}}");
        FlowFixture k = new FlowFixture(FlowConfig.defaults(), texts);
        k.givenNumberLine();

        k.fire(new LanguageChosen(Language.ZH_HANT), new StartNumberEntry());
        k.typeDigits(FlowFixture.NUMBER_TYPED);
        k.fire(new Event.KeypadSubmit());
        k.settle();

        verify(k.carrier).sendCode(eq(FlowFixture.NUMBER), eq("驗證碼：{{code}}"));
    }

    @Test
    void theLanguageOutlivesAFinishedSessionUntilTheAttractScreenIsQuiet() throws Exception {
        kiosk.fire(new LanguageChosen(Language.EN));
        kiosk.reachCodeScreen();
        kiosk.fire(new Event.CodeSubmitted("123456"));
        kiosk.settle();
        kiosk.fire(new Done());
        assertThat(kiosk.state()).isEqualTo(new State.Attract());
        assertThat(kiosk.flow.language()).isEqualTo(Language.EN);

        kiosk.time.advance(Duration.ofSeconds(60));

        // Nothing personal on the attract screen: back to Japanese with no countdown.
        assertThat(kiosk.flow.language()).isEqualTo(Language.JA);
        assertThat(kiosk.views).noneMatch(v -> v.state() instanceof State.Attract && v.idleWarning());
        assertThat(kiosk.time.pendingTimers()).isZero();
    }

    @Test
    void aLateTimerAfterActivityDoesNothing() {
        // A real scheduler may run a timer that was cancelled a moment too late; the flow must ignore it.
        var timers = new java.util.ArrayList<Runnable>();
        FlowScheduler leaky = (delay, task) -> {
            timers.add(task);
            return () -> { }; // cancel does nothing: the worst case
        };
        SessionFlow flow = new SessionFlow(kiosk.reader, kiosk.carrier, kiosk.printer, FlowExecutors.sharing(kiosk.io), Runnable::run,
                kiosk.time, leaky, FlowConfig.defaults(), new PlainFlowTexts());
        flow.start();
        flow.fire(new StartNumberEntry());
        flow.fire(new UserActivity());

        timers.get(0).run(); // the first, superseded quiet timer

        assertThat(flow.view().idleSecondsLeft()).isEmpty();
        timers.get(1).run(); // the current one
        assertThat(flow.view().idleSecondsLeft()).hasValue(15);
    }
}
