package com.simkiosk.card.aka;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.apdu.Hex;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SQN freshness (TS 33.102 Annex C.2) and resynchronisation from AUTS (§6.3.5), network and card side together. */
class AkaSqnAndResyncTest {
    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("cd63cb71954a9f4e48a5994e37a02baf");
    private static final byte[] AMF = Hex.decode("8000");

    private static AkaVectors network(Sqn last) {
        return new AkaVectors(K, OPC, last, AMF, new Random(7));
    }

    private static UsimAlgorithm card(SqnWindow window) {
        return new UsimAlgorithm(K, OPC, window);
    }

    @Test
    void aFreshChallengeIsAnsweredWithTheNetworksXresAndKeys() {
        AuthVector vector = network(Sqn.of(0, 0)).next();
        AkaResult answer = card(new SqnWindow()).authenticate(AkaChallenge.of(vector));
        assertThat(answer).isInstanceOfSatisfying(AkaResult.Success.class, ok -> {
            assertThat(vector.matches(ok.res())).isTrue();
            assertThat(ok.ck()).isEqualTo(vector.ck());
            assertThat(ok.ik()).isEqualTo(vector.ik());
            assertThat(ok.kc()).isPresent();
        });
    }

    @Test
    void aReplayedChallengeIsRefusedWithAuts() {
        AuthVector vector = network(Sqn.of(0, 0)).next();
        UsimAlgorithm card = card(new SqnWindow());
        assertThat(card.authenticate(AkaChallenge.of(vector))).isInstanceOf(AkaResult.Success.class);
        assertThat(card.authenticate(AkaChallenge.of(vector))).isInstanceOf(AkaResult.SyncFailure.class);
    }

    @Test
    void vectorsUsedOutOfOrderAreAcceptedBecauseTheirIndexesDiffer() {
        AkaVectors network = network(Sqn.of(0, 0));
        AuthVector first = network.next();
        AuthVector second = network.next();
        assertThat(first.sqn().ind()).isNotEqualTo(second.sqn().ind());
        UsimAlgorithm card = card(new SqnWindow());
        assertThat(card.authenticate(AkaChallenge.of(second))).isInstanceOf(AkaResult.Success.class);
        assertThat(card.authenticate(AkaChallenge.of(first))).isInstanceOf(AkaResult.Success.class);
    }

    @Test
    void theWindowRefusesAnOlderSeqForTheSameIndexAndAJumpBeyondDelta() {
        SqnWindow window = new SqnWindow();
        assertThat(window.accept(Sqn.of(5, 2))).isTrue();
        assertThat(window.accept(Sqn.of(5, 2))).as("same SEQ again").isFalse();
        assertThat(window.accept(Sqn.of(4, 2))).as("older SEQ, same IND").isFalse();
        assertThat(window.accept(Sqn.of(4, 3))).as("older SEQ, other IND").isTrue();
        assertThat(window.accept(Sqn.of(5 + SqnWindow.DELTA + 1, 9))).as("beyond Δ").isFalse();
        assertThat(window.accept(Sqn.of(5 + SqnWindow.DELTA, 9))).as("exactly Δ").isTrue();
        assertThat(window.sqnMs()).isEqualTo(Sqn.of(5 + SqnWindow.DELTA, 9));
        assertThat(window.accept(Sqn.of(5 + SqnWindow.DELTA - SqnWindow.AGE_LIMIT - 1, 10))).as("older than L").isFalse();
        assertThat(window.accept(Sqn.of(5 + SqnWindow.DELTA - SqnWindow.AGE_LIMIT, 10))).as("exactly L old").isTrue();
    }

    @Test
    void aCardAheadOfTheNetworkResynchronisesAndThenSucceeds() {
        Sqn cardHasSeen = Sqn.of(1000, 3);
        AkaVectors network = network(Sqn.of(10, 0));
        UsimAlgorithm card = card(new SqnWindow(cardHasSeen));

        AuthVector stale = network.next();
        AkaResult first = card.authenticate(AkaChallenge.of(stale));
        assertThat(first).isInstanceOf(AkaResult.SyncFailure.class);

        byte[] auts = ((AkaResult.SyncFailure) first).auts();
        assertThat(network.resynchronise(stale.rand(), auts)).contains(cardHasSeen);

        AuthVector fresh = network.next();
        assertThat(fresh.sqn().seq()).isEqualTo(1001);
        assertThat(card.authenticate(AkaChallenge.of(fresh))).isInstanceOfSatisfying(AkaResult.Success.class,
                ok -> assertThat(fresh.matches(ok.res())).isTrue());
    }

    @Test
    void aForgedAutsIsIgnoredByTheNetwork() {
        AkaVectors network = network(Sqn.of(10, 0));
        AuthVector stale = network.next();
        AkaResult answer = card(new SqnWindow(Sqn.of(1000, 3))).authenticate(AkaChallenge.of(stale));
        byte[] auts = ((AkaResult.SyncFailure) answer).auts();
        auts[13] ^= 1;
        Sqn before = network.lastSqn();
        assertThat(network.resynchronise(stale.rand(), auts)).isEmpty();
        assertThat(network.lastSqn()).isEqualTo(before);
    }

    @Test
    void aCardWithAnotherKeyAnswersMacFailure() {
        AuthVector vector = network(Sqn.of(0, 0)).next();
        UsimAlgorithm clone = new UsimAlgorithm(Hex.decode("00112233445566778899aabbccddeeff"), OPC, new SqnWindow());
        assertThat(clone.authenticate(AkaChallenge.of(vector))).isEqualTo(new AkaResult.MacFailure());
    }

    @Test
    void aTamperedAutnIsAMacFailureNotAResync() {
        AuthVector vector = network(Sqn.of(0, 0)).next();
        byte[] autn = vector.autn();
        autn[0] ^= 0x40; // the hidden SQN changed in flight
        assertThat(card(new SqnWindow()).authenticate(new AkaChallenge(vector.rand(), autn)))
                .isInstanceOf(AkaResult.MacFailure.class);
    }

    @Test
    void sqnBytesRoundTripAndSplitIntoSeqAndInd() {
        Sqn sqn = Sqn.fromBytes(Hex.decode("ff9bb4d0b607"));
        assertThat(Hex.encode(sqn.toBytes())).isEqualTo("FF9BB4D0B607");
        assertThat(sqn.ind()).isEqualTo(0x07);
        assertThat(Sqn.of(sqn.seq(), sqn.ind())).isEqualTo(sqn);
    }

    @Test
    void secretsAreWipedAndNeverPrinted() {
        AuthVector vector = network(Sqn.of(0, 0)).next();
        AkaResult.Success ok = (AkaResult.Success) card(new SqnWindow()).authenticate(AkaChallenge.of(vector));
        String ck = Hex.encode(ok.ck());
        assertThat(ok.toString()).doesNotContain(ck).doesNotContain(Hex.encode(ok.res()));
        assertThat(vector.toString()).doesNotContain(Hex.encode(vector.xres()));
        ok.close();
        vector.close();
        assertThat(ok.ck()).containsOnly(0);
        assertThat(ok.res()).containsOnly(0);
        assertThat(vector.xres()).containsOnly(0);
        assertThat(vector.ik()).containsOnly(0);
    }
}
