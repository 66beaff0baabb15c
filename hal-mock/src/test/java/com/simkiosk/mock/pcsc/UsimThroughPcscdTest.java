package com.simkiosk.mock.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.CardError;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.aka.AkaVectors;
import com.simkiosk.card.aka.AuthVector;
import com.simkiosk.card.aka.Sqn;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.card.usim.ImsiResult;
import com.simkiosk.mock.sim.SimFault;
import com.simkiosk.mock.sim.UsimKeys;
import com.simkiosk.mock.usim.AkaNetwork;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.mock.vpcd.PcscdProcess;
import com.simkiosk.mock.vpcd.VpcdBridge;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import com.simkiosk.card.apdu.Hex;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AUTHENTICATE over the real stack: javax.smartcardio → libpcsclite → our own pcscd → vpcd → {@link VpcdBridge} →
 * virtual USIM. The network side (XRES, CK, IK, the resync) is computed by the test with Milenage.
 */
@ExtendWith(PcscdExtension.class)
class UsimThroughPcscdTest {
    private static final String SLOT0 = "Virtual PCD 00 00";
    private static final String ICCID = "8981100000000000905";
    private static final Duration CARD_SEEN = TestTime.bound(Duration.ofSeconds(5));

    private final VpcdBridge slot0 = new VpcdBridge(0);
    private final AkaVectors network = AkaNetwork.forDemoLine();

    @AfterEach
    void pullTheCard(PcscdProcess pcscd) {
        slot0.close();
        network.close();
        if (pcscd.running()) {
            try (PcscSimReader reader = new PcscSimReader()) {
                Await.until(CARD_SEEN, () -> reader.readers().stream().noneMatch(ReaderInfo::cardPresent), "card gone");
            }
        }
    }

    private void insert(PcscSimReader reader, VirtualSimSpec spec) {
        slot0.insert(new VirtualSim(spec));
        Await.until(CARD_SEEN, () -> reader.readers().contains(new ReaderInfo(SLOT0, true)), "card present in " + SLOT0);
    }

    @Test
    void aGenuineUsimAnswersResEqualToXresThroughPcscd() {
        try (PcscSimReader reader = new PcscSimReader()) {
            insert(reader, VirtualSimSpec.uicc(ICCID));
            AuthVector vector = network.next();
            AkaResult result = reader.authenticate(SLOT0, AkaChallenge.of(vector), Optional.empty());
            assertThat(result).isInstanceOfSatisfying(AkaResult.Success.class, ok -> {
                assertThat(vector.matches(ok.res())).isTrue();
                assertThat(ok.ck()).isEqualTo(vector.ck());
                assertThat(ok.ik()).isEqualTo(vector.ik());
            });
            assertThat(reader.readImsi(SLOT0, Optional.empty())).isInstanceOfSatisfying(ImsiResult.Read.class,
                    read -> assertThat(read.imsi().digits()).isEqualTo("440101234567890"));
        }
    }

    @Test
    void aForgedCardWithTheSameIccidIsAMacFailureThroughPcscd() {
        try (PcscSimReader reader = new PcscSimReader()) {
            insert(reader, VirtualSimSpec.uicc(ICCID).withUsimKeys(AkaNetwork.FORGED));
            assertThat(reader.read(SLOT0)).as("the forged card still reads as the line's SIM").isInstanceOf(
                    com.simkiosk.card.ReadResult.Sim.class);
            assertThat(reader.authenticate(SLOT0, AkaChallenge.of(network.next()), Optional.empty()))
                    .isEqualTo(new AkaResult.MacFailure());
        }
    }

    @Test
    void aStaleSqnIsResynchronisedFromAutsThroughPcscd() {
        try (PcscSimReader reader = new PcscSimReader()) {
            insert(reader, VirtualSimSpec.uicc(ICCID).withUsimKeys(UsimKeys.DEMO.withLastAccepted(Sqn.of(900, 2))));
            AuthVector stale = network.next();
            AkaResult first = reader.authenticate(SLOT0, AkaChallenge.of(stale), Optional.empty());
            assertThat(first).isInstanceOf(AkaResult.SyncFailure.class);
            assertThat(network.resynchronise(stale.rand(), ((AkaResult.SyncFailure) first).auts())).contains(Sqn.of(900, 2));
            AuthVector fresh = network.next();
            assertThat(reader.authenticate(SLOT0, AkaChallenge.of(fresh), Optional.empty()))
                    .isInstanceOfSatisfying(AkaResult.Success.class, ok -> assertThat(fresh.matches(ok.res())).isTrue());
        }
    }

    @Test
    void aPinProtectedUsimIsAuthenticatedWithThePinInTheSameCardSession() {
        try (PcscSimReader reader = new PcscSimReader()) {
            insert(reader, VirtualSimSpec.uicc(ICCID).withPin("2468", 3));
            assertThat(reader.authenticate(SLOT0, AkaChallenge.of(network.next()), Optional.empty()))
                    .isEqualTo(AkaResult.PinNotVerified.noPinGiven());
            assertThat(reader.authenticate(SLOT0, AkaChallenge.of(network.next()), Optional.of("2468")))
                    .isInstanceOf(AkaResult.Success.class);
        }
    }

    @Test
    void aCardPulledOutDuringAuthenticateIsReportedRemoved() {
        try (PcscSimReader reader = new PcscSimReader()) {
            insert(reader, VirtualSimSpec.uicc(ICCID).withFault(SimFault.REMOVED_MID_AUTHENTICATE));
            assertThat(reader.authenticate(SLOT0, AkaChallenge.of(network.next()), Optional.empty()))
                    .isInstanceOfSatisfying(AkaResult.Failed.class, f -> assertThat(f.error()).isEqualTo(CardError.CARD_REMOVED));
        }
    }

    /** The APDUs of the SIM check's card part, EF.IMSI then AUTHENTICATE, as they reach the virtual card. */
    private List<String> commandsOfTheSimCheck(PcscSimReader reader, VirtualSim card, Optional<String> pin,
                                               AtomicReference<AkaResult> answer) {
        slot0.insert(card);
        Await.until(CARD_SEEN, () -> reader.readers().contains(new ReaderInfo(SLOT0, true)), "card present in " + SLOT0);
        List<String> sent = new CopyOnWriteArrayList<>();
        card.tapCommands(command -> sent.add(Hex.encode(command)));
        ImsiResult imsi = reader.withImsi(SLOT0, pin, (read, authenticate) -> {
            answer.set(authenticate.apply(AkaChallenge.of(network.next())));
            return read;
        });
        if (card.spec().kind() == VirtualSimSpec.Kind.UICC) {
            assertThat(imsi).isInstanceOfSatisfying(ImsiResult.Read.class,
                    read -> assertThat(read.imsi().digits()).isEqualTo("440101234567890"));
        }
        return List.copyOf(sent); // the card's tap may add to it later: a copy holds still
    }

    @Test
    void efImsiAndAuthenticateShareOneCardSessionThroughPcscd() {
        try (PcscSimReader reader = new PcscSimReader()) {
            AtomicReference<AkaResult> answer = new AtomicReference<>();
            List<String> sent = commandsOfTheSimCheck(reader, new VirtualSim(VirtualSimSpec.uicc(ICCID)), Optional.empty(), answer);

            assertThat(answer.get()).isInstanceOf(AkaResult.Success.class);
            // EF.DIR found and ADF.USIM selected once: AUTHENTICATE follows EF.AD's read in the same session
            assertThat(sent.stream().filter(c -> c.startsWith("00A40004022F00"))).hasSize(1);
            assertThat(sent.stream().filter(c -> c.startsWith("00A4040C"))).hasSize(1);
            assertThat(sent.stream().filter(c -> c.startsWith("00200001"))).as("PIN state read once").hasSize(1);
            int imsiRead = sent.indexOf("00B0000009");
            int authenticate = indexOfPrefix(sent, "00880081");
            assertThat(imsiRead).isNotNegative();
            assertThat(authenticate).isGreaterThan(imsiRead);
            assertThat(sent.subList(imsiRead, authenticate)).noneMatch(c -> c.startsWith("00A40004022F00") || c.startsWith("00A4040C"));
        }
    }

    @Test
    void aPinGivenForTheSimCheckIsVerifiedOnceForBothThroughPcscd() {
        try (PcscSimReader reader = new PcscSimReader()) {
            AtomicReference<AkaResult> answer = new AtomicReference<>();
            List<String> sent = commandsOfTheSimCheck(reader, new VirtualSim(VirtualSimSpec.uicc(ICCID).withPin("2468", 3)),
                    Optional.of("2468"), answer);

            assertThat(answer.get()).isInstanceOf(AkaResult.Success.class);
            assertThat(sent.stream().filter(c -> c.startsWith("0020000108"))).as("VERIFY with the PIN").hasSize(1);
        }
    }

    @Test
    void a2gSimsCheckIsNotSupportedAndNeverAuthenticatesThroughPcscd() {
        try (PcscSimReader reader = new PcscSimReader()) {
            AtomicReference<AkaResult> answer = new AtomicReference<>();
            List<String> sent = commandsOfTheSimCheck(reader, new VirtualSim(VirtualSimSpec.sim2g("8944200000000000007")),
                    Optional.empty(), answer);

            assertThat(answer.get()).isInstanceOf(AkaResult.NotSupported.class);
            assertThat(sent).noneMatch(c -> c.startsWith("0088") || c.startsWith("A088"));
        }
    }

    private static int indexOfPrefix(List<String> commands, String prefix) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void a2gSimThroughPcscdIsNotSupported() {
        try (PcscSimReader reader = new PcscSimReader()) {
            insert(reader, VirtualSimSpec.sim2g("8944200000000000007"));
            assertThat(reader.authenticate(SLOT0, AkaChallenge.of(network.next()), Optional.empty()))
                    .isInstanceOf(AkaResult.NotSupported.class);
        }
    }
}
