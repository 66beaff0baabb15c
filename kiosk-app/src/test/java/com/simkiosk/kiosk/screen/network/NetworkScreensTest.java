package com.simkiosk.kiosk.screen.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.network.BalanceReplyParser;
import com.simkiosk.card.network.NetworkError;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.i18n.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The screen shows the data figure as the carrier wrote it, whatever unit base the parser counts in. */
class NetworkScreensTest {
    private final BalanceReplyParser parser = new BalanceReplyParser(
            Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), ZoneId.of("Asia/Tokyo")));
    private final Messages en = Messages.of(Language.EN);

    private String shown(String reply) {
        return en.data(NetworkScreens.asWritten(parser.parse(reply, Optional.empty()).dataBytes().orElseThrow()));
    }

    @Test
    void theCarriersGigabytesAndMegabytesShowAsWritten() {
        assertThat(shown("データ残量 2.5GB")).isEqualTo("2.5 GB");
        assertThat(shown("データ残り 850MB")).isEqualTo("850 MB");
        assertThat(shown("You have 12 GB remaining")).isEqualTo("12 GB");
    }

    /** Every way the network can fail tells the customer why, in every language (a new error must bring its words). */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyNetworkErrorHasItsSentence(Language language) {
        Messages m = Messages.of(language);
        for (NetworkError why : NetworkError.values()) {
            String key = new State.NetworkUnanswered(why, true).reasonKey();
            assertThat(m.has(key)).as(language + " " + key).isTrue();
        }
    }
}
