package com.simkiosk.carrier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.mock.carrier.Endpoint;
import com.simkiosk.mock.carrier.Fault;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every fault the simulator can inject, and what the kiosk's client makes of it. */
class FaultsAgainstSimulatorTest {
    SimulatedCarrier carrier;
    Line au;

    @BeforeEach
    void start() throws Exception {
        carrier = new SimulatedCarrier(Optional.empty(), Duration.ofMillis(700));
        au = carrier.client.findLineByIccid(carrier.lines().auPrepaid().iccid());
    }

    @AfterEach
    void stop() {
        carrier.close();
    }

    void assertFails(CarrierError expected, Executable call) {
        assertThatThrownBy(call::execute)
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    @Test
    void aServerErrorIsUnavailable() {
        carrier.simulator.faults().inject(Endpoint.BUCKET, new Fault.ServerError(), 1);
        assertFails(CarrierError.UNAVAILABLE, () -> carrier.client.balance(au));
    }

    @Test
    void unavailableWithARetryAfterWithinTheBoundIsWaitedOut() throws Exception {
        carrier.simulator.faults().inject(Endpoint.BUCKET, new Fault.Unavailable(1), 1);

        assertThat(carrier.client.balance(au).yen()).isEqualTo(2480);
        assertThat(carrier.simulator.faults().pending()).isZero();
    }

    @Test
    void rateLimitedWithARetryAfterWithinTheBoundIsWaitedOut() throws Exception {
        carrier.simulator.faults().inject(Endpoint.PRODUCT, new Fault.RateLimited(1), 1);

        assertThat(carrier.client.findLineByIccid(carrier.lines().rakuten().iccid()).brand()).isEqualTo("Rakuten Mobile");
    }

    @Test
    void aRetryAfterBeyondTheScreensPatienceIsReportedAtOnce() {
        carrier.simulator.faults().inject(Endpoint.BUCKET, new Fault.Unavailable(60), 1);
        assertFails(CarrierError.UNAVAILABLE, () -> carrier.client.balance(au));
        carrier.simulator.faults().inject(Endpoint.BUCKET, new Fault.RateLimited(60), 1);
        assertFails(CarrierError.RATE_LIMITED, () -> carrier.client.balance(au));
    }

    @Test
    void aKioskWithoutPatienceDoesNotWaitAtAll() throws Exception {
        try (TmfCarrierClient impatient = new TmfCarrierClient(carrier.endpoint("impatient").withMaxRetryAfter(Duration.ZERO))) {
            carrier.simulator.faults().inject(Endpoint.BUCKET, new Fault.Unavailable(1), 1);
            Line line = impatient.findLineByIccid(carrier.lines().auPrepaid().iccid());
            assertFails(CarrierError.UNAVAILABLE, () -> impatient.balance(line));
        }
    }

    @Test
    void malformedJsonIsABadResponse() {
        carrier.simulator.faults().inject(Endpoint.PRODUCT, new Fault.MalformedJson(), 1);
        assertFails(CarrierError.BAD_RESPONSE, () -> carrier.client.findLineByIccid(carrier.lines().auPrepaid().iccid()));
    }

    @Test
    void anExpiredTokenIsReplacedAndTheCallSucceeds() throws Exception {
        carrier.simulator.faults().inject(Endpoint.BUCKET, new Fault.ExpiredToken(), 1);
        assertThat(carrier.client.balance(au).yen()).isEqualTo(2480);
    }

    @Test
    void revokedTokensAreReplacedWithoutTheCustomerNoticing() throws Exception {
        carrier.simulator.revokeTokens();
        assertThat(carrier.client.balance(au).voiceSeconds()).isEqualTo(1860);
    }

    @Test
    void aTokenRefusedTwiceIsUnauthorized() {
        carrier.simulator.faults().inject(Endpoint.BUCKET, new Fault.ExpiredToken(), 2);
        assertFails(CarrierError.UNAUTHORIZED, () -> carrier.client.balance(au));
    }

    @Test
    void wrongKioskCredentialsAreUnauthorized() throws Exception {
        try (TmfCarrierClient stranger = new TmfCarrierClient(com.simkiosk.carrier.tmf.CarrierEndpoint.of(
                "stranger", carrier.simulator.baseUri(), "demo-kiosk", "wrong-secret"))) {
            assertFails(CarrierError.UNAUTHORIZED, () -> stranger.findLineByIccid(carrier.lines().auPrepaid().iccid()));
        }
    }

    @Test
    void aDroppedConnectionIsRedialledButOnlyAFewTimes() throws Exception {
        carrier.simulator.faults().inject(Endpoint.BUCKET, new Fault.DropConnection(), 1);
        assertThat(carrier.client.balance(au).yen()).isEqualTo(2480);

        // The JDK client itself resends a GET once on a dropped pooled connection; ours adds one redial.
        carrier.simulator.faults().inject(Endpoint.BUCKET, new Fault.DropConnection(), 10);
        assertFails(CarrierError.UNAVAILABLE, () -> carrier.client.balance(au));
        assertThat(carrier.simulator.faults().pending()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aSlowCarrierIsATimeout() {
        carrier.simulator.faults().inject(Endpoint.BUCKET, new Fault.Latency(TestTime.bound(Duration.ofSeconds(3))), 1);
        assertFails(CarrierError.TIMEOUT, () -> carrier.client.balance(au));
    }

    @Test
    void anOrderWhoseAnswerIsLostAfterItWasPlacedIsFoundAndBoughtOnce() throws Exception {
        TopUpOffer offer = carrier.client.topUpOffers(au).get(0);
        int before = carrier.simulator.topUpCount();
        carrier.simulator.faults().inject(Endpoint.TOPUP, new Fault.ApplyThenDrop(), 1);

        TopUpOrder order = carrier.client.orderTopUp(au, offer, "kiosk-drop-after-apply-1");

        // The client looked the order up by its correlator instead of buying again: one order, one slip.
        assertThat(carrier.simulator.topUpCount()).isEqualTo(before + 1);
        assertThat(order.offerId()).isEqualTo(offer.id());
        assertThat(carrier.simulator.confirmPayment(order.paymentCode())).isTrue();
        assertThat(carrier.simulator.confirmPayment(order.paymentCode())).isFalse();
    }

    @Test
    void anOrderCutOffBeforeItWasPlacedIsSentOnceMore() throws Exception {
        TopUpOffer offer = carrier.client.topUpOffers(au).get(0);
        int before = carrier.simulator.topUpCount();
        carrier.simulator.faults().inject(Endpoint.TOPUP, new Fault.DropConnection(), 1);

        TopUpOrder order = carrier.client.orderTopUp(au, offer, "kiosk-drop-before-apply-1");

        assertThat(carrier.simulator.topUpCount()).isEqualTo(before + 1);
        assertThat(carrier.simulator.confirmPayment(order.paymentCode())).isTrue();
    }

    @Test
    void anOrderWhoseAnswerComesTooLateIsFoundRatherThanBoughtTwice() throws Exception {
        TopUpOffer offer = carrier.client.topUpOffers(au).get(1);
        int before = carrier.simulator.topUpCount();
        // The simulator places the order, then answers after the client's deadline.
        carrier.simulator.faults().inject(Endpoint.TOPUP, new Fault.Latency(TestTime.bound(Duration.ofMillis(1500))), 1);

        // The POST times out; the client finds the order by its correlator and follows it (this carrier's clock
        // stands still, so the step's deadline, counted on the client's clock, has not passed): one order, one slip.
        TopUpOrder order = carrier.client.orderTopUp(au, offer, "kiosk-slow-order-1");

        assertThat(order.offerId()).isEqualTo(offer.id());
        assertThat(carrier.simulator.topUpCount()).isEqualTo(before + 1);
        assertThat(carrier.simulator.confirmPayment(order.paymentCode())).isTrue();
    }

    @Test
    void theCustomersRetryOfAnOrderWhoseOutcomeWasUnknownFollowsTheFirstInsteadOfBuyingAgain() throws Exception {
        TopUpOffer offer = carrier.client.topUpOffers(au).get(0);
        int before = carrier.simulator.topUpCount();
        // The order is placed but its answer is lost, and so is the look-up: the kiosk cannot know, and says so.
        carrier.simulator.faults().inject(Endpoint.TOPUP, new Fault.ApplyThenDrop(), 1);
        carrier.simulator.faults().inject(Endpoint.TOPUP_LIST, new Fault.ServerError(), 1);
        assertFails(CarrierError.UNAVAILABLE, () -> carrier.client.orderTopUp(au, offer, "kiosk-retried-order-1"));

        // The customer taps Retry: same correlator, so the client asks first and follows the order it finds.
        TopUpOrder order = carrier.client.orderTopUp(au, offer, "kiosk-retried-order-1");

        assertThat(carrier.simulator.topUpCount()).isEqualTo(before + 1);
        assertThat(carrier.simulator.confirmPayment(order.paymentCode())).isTrue();
    }
}
