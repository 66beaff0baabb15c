package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.TODAY_JST;
import static com.simkiosk.kiosk.flow.FlowFixture.balance;
import static com.simkiosk.kiosk.flow.FlowFixture.line;
import static com.simkiosk.kiosk.flow.FlowFixture.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the balance screen's three carrier calls overlap, the balance alone decides the step, and a slow or
 * failed optional call (usage, offers) cannot hold the balance back beyond its bound. No sleeps, no timed
 * assertions: every wait below is a latch with a (scaled) bound.
 */
class BalanceLoaderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Line LINE = line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT);
    private static final List<TopUpOffer> OFFERS = List.of(FlowFixture.OFFER_1GB);

    private final CarrierBackend carrier = mock(CarrierBackend.class);
    private BalanceLoader loader = new BalanceLoader(carrier, WAIT);

    @AfterEach
    void close() {
        loader.close();
    }

    /** The balance is held until usage and offers have both been asked: sequential calls would never get there. */
    @Test
    void usageAndOffersAreAskedWhileTheBalanceIsStillOnItsWay() throws Exception {
        CountDownLatch usageAsked = new CountDownLatch(1);
        CountDownLatch offersAsked = new CountDownLatch(1);
        when(carrier.dailyUsage(any(), any())).thenAnswer(call -> {
            usageAsked.countDown();
            return usage();
        });
        when(carrier.topUpOffers(any())).thenAnswer(call -> {
            offersAsked.countDown();
            return OFFERS;
        });
        when(carrier.balance(any())).thenAnswer(call -> {
            boolean overlapped = usageAsked.await(bound(), TimeUnit.MILLISECONDS)
                    && offersAsked.await(bound(), TimeUnit.MILLISECONDS);
            if (!overlapped) {
                throw new AssertionError("usage and offers were not asked while the balance was on its way");
            }
            return balance();
        });

        BalanceLoader.Loaded loaded = loader.load(LINE, TODAY_JST.minusDays(13));

        assertThat(loaded.balance()).isEqualTo(balance());
        assertThat(loaded.usage()).isEqualTo(usage());
        assertThat(loaded.offers()).contains(OFFERS);
    }

    @Test
    void failedOffersAndUsageLeaveTheBalanceShown() throws Exception {
        when(carrier.balance(any())).thenReturn(balance());
        when(carrier.dailyUsage(any(), any())).thenThrow(new CarrierException(CarrierError.UNAVAILABLE, "usage down"));
        when(carrier.topUpOffers(any())).thenThrow(new IllegalStateException("offers broken"));

        BalanceLoader.Loaded loaded = loader.load(LINE, TODAY_JST);

        assertThat(loaded.balance()).isEqualTo(balance());
        assertThat(loaded.usage()).isEmpty();
        assertThat(loaded.offers()).isEmpty(); // unknown: Add data asks again
    }

    /** Offers that never answer: the balance comes once their bound has passed, and the stuck call is let go. */
    @Test
    void slowOffersDoNotHoldTheBalanceBeyondTheirBound() throws Exception {
        loader.close();
        // Long enough for the usage call (answered at once) to be run on a loaded machine, not for the offers.
        loader = new BalanceLoader(carrier, TestTime.bound(Duration.ofSeconds(1)));
        CountDownLatch offersLetGo = new CountDownLatch(1);
        when(carrier.balance(any())).thenReturn(balance());
        when(carrier.dailyUsage(any(), any())).thenReturn(usage());
        when(carrier.topUpOffers(any())).thenAnswer(call -> hangUntilInterrupted(offersLetGo));

        CompletableFuture<BalanceLoader.Loaded> loading = CompletableFuture.supplyAsync(() -> {
            try {
                return loader.load(LINE, TODAY_JST);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        BalanceLoader.Loaded loaded = loading.get(bound(), TimeUnit.MILLISECONDS);

        assertThat(loaded.balance()).isEqualTo(balance());
        assertThat(loaded.usage()).isEqualTo(usage());
        assertThat(loaded.offers()).isEmpty();
        assertThat(offersLetGo.await(bound(), TimeUnit.MILLISECONDS)).as("the stuck offers call is interrupted").isTrue();
    }

    /** The balance's own failure is the step's, as it came (same classification), and the optional calls are called off. */
    @Test
    void aFailedBalanceFailsTheStepAndCallsOffTheRest() throws Exception {
        CountDownLatch usageAsked = new CountDownLatch(1);
        CountDownLatch usageLetGo = new CountDownLatch(1);
        when(carrier.dailyUsage(any(), any())).thenAnswer(call -> {
            usageAsked.countDown();
            return hangUntilInterrupted(usageLetGo);
        });
        when(carrier.topUpOffers(any())).thenReturn(OFFERS);
        CarrierException down = new CarrierException(CarrierError.UNAVAILABLE, "balance down");
        when(carrier.balance(any())).thenAnswer(call -> {
            usageAsked.await(bound(), TimeUnit.MILLISECONDS);
            throw down;
        });

        assertThatThrownBy(() -> loader.load(LINE, TODAY_JST)).isSameAs(down);
        assertThat(usageLetGo.await(bound(), TimeUnit.MILLISECONDS)).as("the usage call is interrupted").isTrue();
    }

    /** The flow gives the step up (deadline, cancel, SIM taken) by interrupting it: the optional calls stop too. */
    @Test
    void aStepGivenUpInterruptsTheOptionalCalls() throws Exception {
        CountDownLatch offersLetGo = new CountDownLatch(1);
        CountDownLatch offersAsked = new CountDownLatch(1);
        when(carrier.balance(any())).thenReturn(balance());
        when(carrier.dailyUsage(any(), any())).thenReturn(usage());
        when(carrier.topUpOffers(any())).thenAnswer(call -> {
            offersAsked.countDown();
            return hangUntilInterrupted(offersLetGo);
        });
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread step = new Thread(() -> {
            try {
                loader.load(LINE, TODAY_JST);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "test-step");
        step.start();
        assertThat(offersAsked.await(bound(), TimeUnit.MILLISECONDS)).isTrue();
        step.interrupt();

        assertThat(outcome.get(bound(), TimeUnit.MILLISECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(offersLetGo.await(bound(), TimeUnit.MILLISECONDS)).as("the offers call is interrupted").isTrue();
    }

    @Test
    void theOptionalBoundIsTheCarriersOwnCallBound() {
        assertThat(BalanceLoader.optionalBound(FlowConfig.defaults())).isEqualTo(Duration.ofSeconds(5));
        assertThat(BalanceLoader.optionalBound(FlowConfig.defaults().withWaits(Duration.ofSeconds(3), Duration.ofMillis(800))))
                .isEqualTo(Duration.ofMillis(400));
    }

    private static <T> T hangUntilInterrupted(CountDownLatch letGo) throws CarrierException {
        try {
            new CountDownLatch(1).await(); // a back end that never answers
        } catch (InterruptedException e) {
            letGo.countDown();
        }
        throw new CarrierException(CarrierError.UNAVAILABLE, "interrupted");
    }

    private static long bound() {
        return TestTime.bound(WAIT).toMillis();
    }
}
