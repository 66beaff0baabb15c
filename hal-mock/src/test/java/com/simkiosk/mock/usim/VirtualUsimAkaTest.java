package com.simkiosk.mock.usim;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.CardError;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.aka.AkaVectors;
import com.simkiosk.card.aka.AuthVector;
import com.simkiosk.card.aka.Sqn;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.card.usim.ImsiResult;
import com.simkiosk.card.usim.UsimSession;
import com.simkiosk.mock.sim.SimFault;
import com.simkiosk.mock.sim.StatusWordTap;
import com.simkiosk.mock.sim.UsimKeys;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** AUTHENTICATE against the in-memory virtual USIM, the network side computed with Milenage by the test. */
class VirtualUsimAkaTest {
    private static final String ICCID = "8981100000000000905";

    private static AkaResult authenticate(VirtualSim card, AuthVector vector, Optional<String> pin) {
        return new UsimSession(card).authenticate(AkaChallenge.of(vector), pin);
    }

    @Test
    void aGenuineCardAnswersTheNetworksXresAndTheSameKeysThrough61xx() {
        AuthVector vector = AkaNetwork.forDemoLine().next();
        StatusWordTap wire = new StatusWordTap(new VirtualSim(VirtualSimSpec.uicc(ICCID)));
        AkaResult result = new UsimSession(wire).authenticate(AkaChallenge.of(vector), Optional.empty());
        assertThat(result).isInstanceOfSatisfying(AkaResult.Success.class, ok -> {
            assertThat(vector.matches(ok.res())).as("RES = XRES").isTrue();
            assertThat(ok.ck()).isEqualTo(vector.ck());
            assertThat(ok.ik()).isEqualTo(vector.ik());
            assertThat(ok.kc()).hasValueSatisfying(kc -> assertThat(kc).hasSize(8));
        });
        assertThat(wire.answers).contains("6135");
    }

    @Test
    void aForgedCardWithTheSameIccidButAnotherKeyIsAMacFailure() {
        AuthVector vector = AkaNetwork.forDemoLine().next();
        VirtualSim forged = new VirtualSim(VirtualSimSpec.uicc(ICCID).withUsimKeys(AkaNetwork.FORGED));
        assertThat(authenticate(forged, vector, Optional.empty())).isEqualTo(new AkaResult.MacFailure());
    }

    @Test
    void aCardAheadOfTheNetworkAnswersAutsAndSucceedsAfterResynchronisation() {
        AkaVectors network = AkaNetwork.forDemoLine();
        Sqn used = Sqn.of(5000, 4);
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID).withUsimKeys(UsimKeys.DEMO.withLastAccepted(used)));

        AuthVector stale = network.next();
        AkaResult first = authenticate(card, stale, Optional.empty());
        assertThat(first).isInstanceOf(AkaResult.SyncFailure.class);
        assertThat(network.resynchronise(stale.rand(), ((AkaResult.SyncFailure) first).auts())).contains(used);

        AuthVector fresh = network.next();
        assertThat(authenticate(card, fresh, Optional.empty())).isInstanceOfSatisfying(AkaResult.Success.class,
                ok -> assertThat(fresh.matches(ok.res())).isTrue());
        assertThat(authenticate(card, fresh, Optional.empty())).as("the same challenge replayed")
                .isInstanceOf(AkaResult.SyncFailure.class);
    }

    @Test
    void theImsiIsReadFromAdfUsim() {
        ImsiResult imsi = new UsimSession(new VirtualSim(VirtualSimSpec.uicc(ICCID))).readImsi(Optional.empty());
        assertThat(imsi).isInstanceOfSatisfying(ImsiResult.Read.class,
                read -> assertThat(read.imsi().digits()).isEqualTo("440101234567890"));
    }

    @Test
    void anEnabledPinIsVerifiedFirstAndWithoutItTheCardIsNotAsked() {
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID).withPin("2468", 3));
        AkaVectors network = AkaNetwork.forDemoLine();
        assertThat(authenticate(card, network.next(), Optional.empty())).isEqualTo(AkaResult.PinNotVerified.noPinGiven());
        assertThat(card.triesLeft()).isEqualTo(3);
        assertThat(authenticate(card, network.next(), Optional.of("2468"))).isInstanceOf(AkaResult.Success.class);
    }

    @Test
    void thePinIsNeverTriedWithTheLastTryLeft() {
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID).withPin("2468", 1));
        assertThat(authenticate(card, AkaNetwork.forDemoLine().next(), Optional.of("2468")))
                .isEqualTo(new AkaResult.PinNotVerified(Optional.of(new PinResult.Refused(1))));
        assertThat(card.triesLeft()).isEqualTo(1);
    }

    @Test
    void aCardPulledOutDuringAuthenticateIsReportedRemoved() {
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID).withFault(SimFault.REMOVED_MID_AUTHENTICATE));
        assertThat(authenticate(card, AkaNetwork.forDemoLine().next(), Optional.empty()))
                .isInstanceOfSatisfying(AkaResult.Failed.class, f -> assertThat(f.error()).isEqualTo(CardError.CARD_REMOVED));
    }

    @Test
    void a2gSimCannotDoAkaAndSaysSo() {
        VirtualSim card = new VirtualSim(VirtualSimSpec.sim2g(ICCID));
        assertThat(authenticate(card, AkaNetwork.forDemoLine().next(), Optional.empty())).isInstanceOf(AkaResult.NotSupported.class);
        assertThat(new UsimSession(card).readImsi(Optional.empty())).isInstanceOfSatisfying(ImsiResult.Unavailable.class,
                u -> assertThat(u.why()).isInstanceOf(AkaResult.NotSupported.class));
    }

    @Test
    void noKeyResOrImsiReachesTheLogsEvenAtDebug() {
        AuthVector vector = AkaNetwork.forDemoLine().next();
        List<String> secrets = new ArrayList<>(List.of(UsimKeys.DEMO.k(), UsimKeys.DEMO.opc(), Hex.encode(vector.xres()),
                Hex.encode(vector.ck()), Hex.encode(vector.ik()), "440101234567890"));
        List<String> lines;
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk")) {
            VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID));
            AkaResult ok = authenticate(card, vector, Optional.empty());
            org.slf4j.LoggerFactory.getLogger(VirtualUsimAkaTest.class).info("result {} from {} with {}", ok, card, vector);
            new UsimSession(card).readImsi(Optional.empty());
            authenticate(new VirtualSim(VirtualSimSpec.uicc(ICCID).withUsimKeys(AkaNetwork.FORGED)), vector, Optional.empty());
            lines = logs.messages();
        }
        assertThat(lines).isNotEmpty();
        for (String secret : secrets) {
            String spaced = Hex.spaced(Hex.decode(secret.length() % 2 == 0 ? secret : secret + "0")); // as an APDU dump
            assertThat(lines).noneMatch(line -> line.toUpperCase().contains(secret.toUpperCase())
                    || line.toUpperCase().contains(spaced.substring(0, 11)));
        }
    }
}
