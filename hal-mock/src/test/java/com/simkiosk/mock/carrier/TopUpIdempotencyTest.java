package com.simkiosk.mock.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.simkiosk.testing.TestTime;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A retried order never becomes a second order or a second charge. */
class TopUpIdempotencyTest extends SimulatorFixture {

    private static final String TOPUP = "/tmf-api/prepayBalanceManagement/v4/topupBalance";

    private HttpResponse<String> order(String body, String key) throws Exception {
        return http.post(TOPUP, body, "Idempotency-Key", key);
    }

    private int bucketCount(String productId) throws Exception {
        return http.json(http.get("/tmf-api/prepayBalanceManagement/v4/bucket?product.id=" + productId)).size();
    }

    @Test
    void theSameKeyAndBodyReturnTheSameOrderAndPaysOnce() throws Exception {
        HttpResponse<String> first = order(EXAMPLES.text("topup-request"), "retry-me-1");
        // The same request, written differently: compared as JSON, not bytes.
        String rewritten = EXAMPLES.json("topup-request").toString();
        assertThat(rewritten).isNotEqualTo(EXAMPLES.text("topup-request"));
        HttpResponse<String> retry = order(rewritten, "retry-me-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        JsonNode a = http.json(first);
        JsonNode b = http.json(retry);
        assertThat(b).isEqualTo(a);

        String line = demo.auPrepaid().productId();
        int before = bucketCount(line);
        String paymentCode = a.get("payment").get("paymentCode").asText();
        assertThat(sim.confirmPayment(paymentCode)).isTrue();
        assertThat(sim.confirmPayment(paymentCode)).isFalse();
        assertThat(bucketCount(line)).isEqualTo(before + 1);
    }

    @Test
    void aNewKeyIsANewOrder() throws Exception {
        JsonNode a = http.json(order(EXAMPLES.text("topup-request"), "order-a"));
        JsonNode b = http.json(order(EXAMPLES.text("topup-request"), "order-b"));
        assertThat(b.get("id")).isNotEqualTo(a.get("id"));
        assertThat(b.get("payment").get("paymentCode")).isNotEqualTo(a.get("payment").get("paymentCode"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() throws Exception {
        order(EXAMPLES.text("topup-request"), "reused-key");
        HttpResponse<String> other = order(EXAMPLES.text("topup-request").replace("po-topup-1gb-30d", "po-topup-3gb-30d"),
                "reused-key");
        assertThat(other.statusCode()).isEqualTo(422);
        assertDocumented("topup-idempotency-key-reused", other);
    }

    @Test
    void aRetryWhileTheFirstOrderIsStillBeingProcessedIsAskedToWait() throws Exception {
        sim.faults().inject(Endpoint.TOPUP, new Fault.Latency(Duration.ofSeconds(2)), 1);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return order(EXAMPLES.text("topup-request"), "slow-order");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        TestTime.awaitUntil(Duration.ofSeconds(5), () -> sim.faults().pending() == 0, "the first order reached the slow part");
        HttpResponse<String> impatient = order(EXAMPLES.text("topup-request"), "slow-order");
        assertThat(impatient.statusCode()).isEqualTo(409);
        assertThat(impatient.headers().firstValue("Retry-After")).contains("1");
        assertThat(http.json(impatient).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
        HttpResponse<String> done = first.get(TestTime.scaled(10), TimeUnit.SECONDS);
        assertThat(done.statusCode()).isEqualTo(201);
        assertThat(http.json(order(EXAMPLES.text("topup-request"), "slow-order"))).isEqualTo(http.json(done));
    }

    @Test
    void anOrderWithoutAKeyIsABadRequest() throws Exception {
        HttpResponse<String> r = http.post(TOPUP, EXAMPLES.text("topup-request"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(http.json(r).get("code").asText()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void anOfferingTheLineCannotBuyIsRefusedAndTheKeyStaysFree() throws Exception {
        String tenGbForAu = EXAMPLES.text("topup-request").replace("po-topup-1gb-30d", "po-topup-10gb-30d");
        HttpResponse<String> r = order(tenGbForAu, "key-after-refusal");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(http.json(r).get("code").asText()).isEqualTo("UNKNOWN_OFFERING");
        assertThat(order(EXAMPLES.text("topup-request"), "key-after-refusal").statusCode()).isEqualTo(201);
    }

    @Test
    void aPaymentCodeIsValidThirtyMinutes() throws Exception {
        JsonNode order = http.json(order(EXAMPLES.text("topup-request"), "late-payer"));
        Instant payBy = Instant.parse(order.get("payment").get("validFor").get("endDateTime").asText());
        assertThat(payBy).isEqualTo(DOC_NOW.plus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(31));
        assertThat(sim.confirmPayment(order.get("payment").get("paymentCode").asText())).isFalse();
    }

}
