package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.testing.HostileCarrier;
import com.simkiosk.testing.HostileCarrier.Behaviour;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, items 1 and 2: a carrier that sends headers and then stalls, or sends a body without end, against the
 * real client over real loopback TCP. The call ends within its deadline (body included), a huge body is refused
 * at the cap as a classified BAD_RESPONSE instead of filling the heap, and the customer's Cancel (an interrupt)
 * ends the call at once and hangs up on the server.
 */
class CarrierDeadlinesTest {
    private static final Iccid ICCID = Iccid.parse("8981102603110000016");
    /** Generous for a busy two-core machine; TestTime scales it further where asked. */
    private static final Duration MARGIN = Duration.ofSeconds(5);
    private static final Instant ORIGIN = Instant.parse("2026-11-26T03:00:00Z");

    private static TmfCarrierClient client(HostileCarrier carrier, Duration requestTimeout) {
        CarrierEndpoint endpoint = CarrierEndpoint.of("hostile", carrier.uri(), "demo-kiosk", "demo-secret")
                .withTimeouts(Duration.ofSeconds(2), requestTimeout);
        return new TmfCarrierClient(endpoint, TestTime.runningFrom(ORIGIN), d -> { });
    }

    @Test
    void aBodyThatStallsHalfWayEndsAsATimeoutWithinTheCallDeadline() throws Exception {
        Duration deadline = Duration.ofSeconds(1);
        try (HostileCarrier carrier = new HostileCarrier(Behaviour.STALLED_BODY);
             TmfCarrierClient client = client(carrier, deadline)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.findLineByIccid(ICCID))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(deadline.plus(TestTime.bound(MARGIN)));
            assertThat(carrier.requests()).isEqualTo(1); // a timeout is not sent again
            TestTime.awaitUntil(MARGIN, () -> carrier.hungUp() >= 1, "the kiosk hangs up on the stalled answer");
        }
    }

    @Test
    void anEndlessBodyIsCutAtTheCapAndClassifiedAsABadResponse() throws Exception {
        try (HostileCarrier carrier = new HostileCarrier(Behaviour.ENDLESS_BODY);
             TmfCarrierClient client = client(carrier, Duration.ofSeconds(30))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.findLineByIccid(ICCID))
                    .isInstanceOfSatisfying(CarrierException.class, e -> {
                        assertThat(e.error()).isEqualTo(CarrierError.BAD_RESPONSE);
                        assertThat(e.getMessage()).contains("larger than " + TmfHttp.MAX_BODY_BYTES);
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            TestTime.awaitUntil(MARGIN, () -> carrier.hungUp() >= 1, "the kiosk stops the endless stream");
        }
    }

    @Test
    void aBodyDeclaredAt300MegabytesIsRefusedWithoutReadingIt() throws Exception {
        try (HostileCarrier carrier = new HostileCarrier(Behaviour.HUGE_BODY);
             TmfCarrierClient client = client(carrier, Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> client.findLineByIccid(ICCID))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.BAD_RESPONSE));
            TestTime.awaitUntil(MARGIN, () -> carrier.hungUp() >= 1, "the kiosk hangs up on the huge answer");
        }
    }

    @Test
    void cancellingEndsAStalledCallAtOnceAndHangsUp() throws Exception {
        try (HostileCarrier carrier = new HostileCarrier(Behaviour.STALLED_BODY);
             TmfCarrierClient client = client(carrier, Duration.ofSeconds(60))) {
            AtomicReference<Thread> caller = new AtomicReference<>();
            CompletableFuture<CarrierError> outcome = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    client.findLineByIccid(ICCID);
                    outcome.complete(null);
                } catch (CarrierException e) {
                    outcome.complete(e.error());
                }
            }, "customer-call");
            caller.set(thread);
            thread.start();
            TestTime.awaitUntil(MARGIN, () -> carrier.requests() == 1, "the lookup reaches the carrier");
            caller.get().interrupt(); // what the kiosk's Cancel does to the carrier thread
            assertThat(outcome.get(TestTime.bound(MARGIN).toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(CarrierError.UNAVAILABLE);
            TestTime.awaitUntil(MARGIN, () -> carrier.hungUp() >= 1, "the kiosk hangs up when the customer cancels");
        }
    }
}
