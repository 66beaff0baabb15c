package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.kiosk.i18n.Messages;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Issue 15, item 7: while the smart card service is down the attract screen must not say "insert your SIM"; it
 * says the reader is unavailable and offers the phone number, and comes back by itself when the service does.
 * The events arrive as the reader monitors send them (ServiceLost, then ReadersChanged once it recovers).
 */
class ReaderServiceTest {

    private final FlowFixture kiosk = new FlowFixture();
    private final Consumer<CardEvent> monitor = monitor();

    @SuppressWarnings("unchecked")
    private Consumer<CardEvent> monitor() {
        ArgumentCaptor<Consumer<CardEvent>> captor = ArgumentCaptor.forClass(Consumer.class);
        verify(kiosk.reader, atLeastOnce()).addListener(captor.capture());
        return captor.getValue();
    }

    @Test
    void whileTheServiceIsDownTheAttractScreenOffersOnlyThePhoneNumber() {
        monitor.accept(new CardEvent.ServiceLost(CardError.PCSC_UNAVAILABLE, "pcscd not running"));

        assertThat(kiosk.state()).isEqualTo(new State.ReaderUnavailable());
        assertThat(kiosk.state().inSession()).isFalse();
        for (Language language : Language.values()) {
            Messages m = Messages.of(language);
            assertThat(m.get("attract.readerUnavailable")).isNotEqualTo(m.get("attract.insertSim"));
        }

        kiosk.fire(new Event.StartNumberEntry());
        assertThat(kiosk.state()).isEqualTo(new State.EnterNumber("", "", false));
    }

    @Test
    void theAttractScreenComesBackByItselfWithTheService() {
        monitor.accept(new CardEvent.ServiceLost(CardError.PCSC_UNAVAILABLE, "pcscd not running"));

        monitor.accept(new CardEvent.ReadersChanged(List.of(new ReaderInfo(FlowFixture.READER, false))));

        assertThat(kiosk.state()).isEqualTo(new State.Attract());
    }

    @Test
    void aSessionEndingWhileTheServiceIsDownReturnsToTheUnavailableScreen() throws Exception {
        kiosk.givenNumberLine();
        kiosk.fire(new Event.StartNumberEntry());
        monitor.accept(new CardEvent.ServiceLost(CardError.PCSC_UNAVAILABLE, "pcscd not running"));
        assertThat(kiosk.state()).isInstanceOf(State.EnterNumber.class); // a customer's session is not cut short

        kiosk.fire(new Event.Cancel());

        assertThat(kiosk.state()).isEqualTo(new State.ReaderUnavailable());
    }
}
