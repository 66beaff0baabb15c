package com.simkiosk.card.usim;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.PinResult;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.card.apdu.RecordedExchange;
import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * AUTHENTICATE through the T=0 stack against recorded card dialogues ({@code src/test/resources/apdu/usim-*.txt}).
 * The challenge and the expected RES/CK/IK are 3GPP TS 35.208 test set 1 (AUTN = SQN ⊕ AK ‖ AMF ‖ MAC-A).
 */
class UsimSessionTest {
    private static final AkaChallenge TEST_SET_1 = new AkaChallenge(Hex.decode("23553cbe9637a89d218ae64dae47bf35"),
            Hex.decode("55f328b43577b9b94a9ffac354dfafb3"));

    private static AkaResult run(String recording, Optional<String> pin) {
        RecordedExchange card = RecordedExchange.load(recording);
        AkaResult result = new UsimSession(card).authenticate(TEST_SET_1, pin);
        card.assertAllExchanged();
        return result;
    }

    @Test
    void findsTheUsimInEfDirSelectsItAndGetsResCkIkThroughGetResponse() {
        AkaResult result = run("usim-authenticate-db", Optional.empty());
        assertThat(result).isInstanceOfSatisfying(AkaResult.Success.class, ok -> {
            assertThat(Hex.encode(ok.res())).isEqualTo("A54211D5E3BA50BF");
            assertThat(Hex.encode(ok.ck())).isEqualTo("B40BA9A3C58B2A05BBF0D987B21BF8CB");
            assertThat(Hex.encode(ok.ik())).isEqualTo("F769BCD751044604127672711C6D3441");
            assertThat(ok.kc()).isEmpty();
            assertThat(ok.toString()).doesNotContain("A54211", "B40BA9", "F769BC");
        });
    }

    @Test
    void a9862AnswerIsAMacFailure() {
        assertThat(run("usim-authenticate-9862", Optional.empty())).isEqualTo(new AkaResult.MacFailure());
    }

    @Test
    void aUsimThatOnlySelectsWithItsFcpIsAskedAgainAndItsFcpIsNotFetched() {
        assertThat(run("usim-select-fcp-only-9862", Optional.empty())).isEqualTo(new AkaResult.MacFailure());
    }

    @Test
    void verifiesAnEnabledPinFirstThenReturnsTheAutsOfADcAnswer() {
        AkaResult result = run("usim-authenticate-dc-after-pin", Optional.of("2468"));
        assertThat(result).isEqualTo(new AkaResult.SyncFailure(Hex.decode("00112233445566778899AABBCCDD")));
        assertThat(result.toString()).doesNotContain("0011223344");
    }

    @Test
    void neverSendsThePinWithTheLastTryLeft() {
        assertThat(run("usim-authenticate-last-pin-try", Optional.of("2468")))
                .isEqualTo(new AkaResult.PinNotVerified(Optional.of(new PinResult.Refused(1))));
    }

    @Test
    void a2gSimIsNotSupportedRatherThanAnError() {
        assertThat(run("sim2g-authenticate-not-supported", Optional.empty())).isInstanceOf(AkaResult.NotSupported.class);
    }
}
