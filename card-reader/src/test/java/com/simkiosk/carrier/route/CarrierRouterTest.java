package com.simkiosk.carrier.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CarrierRouterTest {
    static final String DOCOMO_SIM = "8981102603110000016";
    static final String KDDI_SIM = "8981302605300000027";
    static final String RAKUTEN_SIM = "8981092604180000045";
    static final Msisdn PORTED = new Msisdn("+819012340002");

    final FakeBackend docomo = new FakeBackend("docomo").sim(DOCOMO_SIM);
    final FakeBackend kddi = new FakeBackend("kddi").sim(KDDI_SIM).number(PORTED.e164());
    final FakeBackend aggregator = new FakeBackend("aggregator").sim(RAKUTEN_SIM).number(PORTED.e164());

    /** A router whose bound every healthy back end makes, even on a loaded machine. */
    CarrierRouter router(boolean withAggregator) {
        return router(withAggregator, TestTime.bound(Duration.ofSeconds(5)));
    }

    CarrierRouter router(boolean withAggregator, Duration bound) {
        return new CarrierRouter(
                List.of(new CarrierRoute("docomo", docomo, Set.of("898110")), new CarrierRoute("kddi", kddi, Set.of("898130", "89813026"))),
                withAggregator ? Optional.of(new CarrierRoute("aggregator", aggregator, Set.of())) : Optional.empty(),
                bound);
    }

    @Test
    void aSimGoesToTheBackEndOfItsIssuerPrefix() throws Exception {
        try (CarrierRouter router = router(true)) {
            assertThat(router.findLineByIccid(Iccid.parse(DOCOMO_SIM)).brand()).isEqualTo("docomo");
            assertThat(router.findLineByIccid(Iccid.parse(KDDI_SIM)).brand()).isEqualTo("kddi");
            assertThat(aggregator.calls).isEmpty();
        }
    }

    /** What the kiosk needs to show the customer's own carrier's support: which back end serves the SIM, the line. */
    @Test
    void itSaysWhichBackEndServesASimAndALineFoundByIccidOrByNumber() throws Exception {
        try (CarrierRouter router = router(false)) {
            assertThat(router.servedBy(Iccid.parse(KDDI_SIM))).contains("kddi");
            assertThat(router.servedBy(Iccid.parse(RAKUTEN_SIM))).as("no back end for the issuer").isEmpty();
            assertThat(router.servedBy(Iccid.parse("8982100000000000109"))).as("a foreign SIM").isEmpty();
            assertThat(router.servedBy(router.findLineByIccid(Iccid.parse(DOCOMO_SIM)))).contains("docomo");
            OtpChallenge challenge = router.sendCode(PORTED, "{{code}}");
            router.validateCode(challenge, "123456");
            assertThat(router.servedBy(router.findLineByNumber(PORTED))).contains("kddi");
            router.forgetSessions();
            assertThat(router.servedBy(router.findLineByIccid(Iccid.parse(DOCOMO_SIM)))).contains("docomo");
        }
        try (CarrierRouter router = router(true)) {
            assertThat(router.servedBy(Iccid.parse(RAKUTEN_SIM))).contains("aggregator");
            assertThat(router.servedBy(router.findLineByNumber(PORTED))).as("numbers go to the aggregator").contains("aggregator");
        }
    }

    @Test
    void theLongestMatchingPrefixWins() throws Exception {
        FakeBackend mvno = new FakeBackend("mvno").sim(KDDI_SIM);
        try (CarrierRouter router = new CarrierRouter(List.of(
                new CarrierRoute("kddi", kddi, Set.of("898130")), new CarrierRoute("mvno", mvno, Set.of("89813026"))),
                Optional.empty(), TestTime.bound(Duration.ofMillis(500)))) {
            assertThat(router.findLineByIccid(Iccid.parse(KDDI_SIM)).brand()).isEqualTo("mvno");
        }
    }

    @Test
    void aJapaneseSimOfAnUnknownIssuerGoesToTheAggregator() throws Exception {
        try (CarrierRouter router = router(true)) {
            assertThat(router.findLineByIccid(Iccid.parse(RAKUTEN_SIM)).brand()).isEqualTo("aggregator");
        }
    }

    @Test
    void withoutAnAggregatorAnUnknownIssuerIsNotSupported() {
        try (CarrierRouter router = router(false)) {
            assertThatThrownBy(() -> router.findLineByIccid(Iccid.parse(RAKUTEN_SIM)))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));
        }
    }

    @Test
    void aForeignSimIsNotSupportedAndNoBackEndIsAsked() {
        try (CarrierRouter router = router(true)) {
            assertThatThrownBy(() -> router.findLineByIccid(Iccid.parse("8982100000000000109")))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));
            assertThat(docomo.calls).isEmpty();
            assertThat(kddi.calls).isEmpty();
            assertThat(aggregator.calls).isEmpty();
        }
    }

    @Test
    void laterCallsForALineGoToTheBackEndThatFoundIt() throws Exception {
        try (CarrierRouter router = router(true)) {
            Line line = router.findLineByIccid(Iccid.parse(KDDI_SIM));
            router.balance(line);
            router.topUpOffers(line);
            assertThat(kddi.calls).containsExactly("findLineByIccid", "balance", "topUpOffers");
            assertThat(docomo.calls).isEmpty();
        }
    }

    @Test
    void numbersGoThroughTheAggregatorWhenThereIsOne() throws Exception {
        try (CarrierRouter router = router(true)) {
            OtpChallenge challenge = router.sendCode(PORTED, "{{code}}");
            router.validateCode(challenge, "123456");
            Line line = router.findLineByNumber(PORTED);
            router.balance(line);
            assertThat(line.brand()).isEqualTo("aggregator");
            assertThat(aggregator.calls).containsExactly("sendCode", "validateCode", "findLineByNumber", "balance");
            assertThat(kddi.calls).isEmpty();
        }
    }

    @Test
    void withoutAnAggregatorEveryBackEndIsAskedAndTheOneThatAcceptsTheCodeOwnsTheNumber() throws Exception {
        try (CarrierRouter router = router(false)) {
            OtpChallenge challenge = router.sendCode(PORTED, "{{code}}");
            assertThat(docomo.calls).containsExactly("sendCode");
            assertThat(kddi.calls).containsExactly("sendCode");

            router.validateCode(challenge, "123456");
            Line line = router.findLineByNumber(PORTED);
            router.balance(line);

            assertThat(line.brand()).isEqualTo("kddi");
            assertThat(kddi.calls).containsSubsequence("sendCode", "validateCode", "findLineByNumber", "balance");
            assertThat(docomo.calls).doesNotContain("findLineByNumber", "balance");
        }
    }

    @Test
    void aWrongCodeIsWrongEverywhere() throws Exception {
        try (CarrierRouter router = router(false)) {
            OtpChallenge challenge = router.sendCode(PORTED, "{{code}}");
            assertThatThrownBy(() -> router.validateCode(challenge, "000000"))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.OTP_INVALID));
        }
    }

    @Test
    void aBackEndThatIsDownDoesNotStopTheOwnerFromVerifying() throws Exception {
        docomo.failWith = CarrierError.UNAVAILABLE;
        try (CarrierRouter router = router(false)) {
            OtpChallenge challenge = router.sendCode(PORTED, "{{code}}");
            router.validateCode(challenge, "123456");
            assertThat(router.findLineByNumber(PORTED).brand()).isEqualTo("kddi");
        }
    }

    @Test
    void aNumberLookupNotRememberedAsksEveryBackEndInParallelAndTakesTheOneThatFindsIt() throws Exception {
        try (CarrierRouter router = router(false)) {
            assertThat(router.findLineByNumber(PORTED).brand()).isEqualTo("kddi");
            assertThatThrownBy(() -> router.findLineByNumber(new Msisdn("+819099990000")))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_FOUND));
        }
    }

    @Test
    void aBackEndThatHangsIsCutOffByTheBound() {
        CountDownLatch hang = new CountDownLatch(1);
        docomo.hangUntil = hang;
        try (CarrierRouter router = router(false, TestTime.bound(Duration.ofMillis(500)))) {
            assertThatThrownBy(() -> router.findLineByNumber(new Msisdn("+819099990000")))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.TIMEOUT));
        } finally {
            hang.countDown();
        }
    }

    @Test
    void aFoundLineIsReturnedEvenWhileAnotherBackEndStillHangs() throws Exception {
        CountDownLatch hang = new CountDownLatch(1);
        docomo.hangUntil = hang;
        try (CarrierRouter router = router(false)) {
            assertThat(router.findLineByNumber(PORTED).brand()).isEqualTo("kddi");
        } finally {
            hang.countDown();
        }
    }

    @Test
    void aLineTheRouterNeverFoundCannotBeRouted() {
        try (CarrierRouter router = router(true)) {
            Line stranger = new Line("x", com.simkiosk.carrier.LineStatus.ACTIVE, "p", "b", Optional.empty(), List.of());
            assertThatThrownBy(() -> router.balance(stranger))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_FOUND));
        }
    }
}
