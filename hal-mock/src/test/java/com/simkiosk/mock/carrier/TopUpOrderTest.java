package com.simkiosk.mock.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.testing.TestTime;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TMF654 top-ups the standard way: 201 created, completed at the next GET, and an order whose answer was lost is
 * found again by its externalId, so it is bought exactly once.
 */
class TopUpOrderTest extends SimulatorFixture {

    private static final String TOPUP = "/tmf-api/prepayBalanceManagement/v4/topupBalance";

    private HttpResponse<String> order(String body) throws Exception {
        return http.post(TOPUP, body);
    }

    private ObjectNode request() {
        return (ObjectNode) EXAMPLES.json("topup-request").deepCopy();
    }

    private String externalId() {
        return EXAMPLES.json("topup-request").get("externalId").asText();
    }

    private HttpResponse<String> lookup(String externalId) throws Exception {
        return http.get(TOPUP + "?externalId=" + SimHttp.enc(externalId));
    }

    private int bucketCount(String productId) throws Exception {
        return http.json(http.get("/tmf-api/prepayBalanceManagement/v4/bucket?product.id=" + productId)).size();
    }

    @Test
    void anOrderIsCreatedThenCompletedWithItsPaymentAtTheRegister() throws Exception {
        HttpResponse<String> created = order(EXAMPLES.text("topup-request"));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode order = assertShaped("topup-response", created);
        JsonNode example = EXAMPLES.json("topup-response");
        assertThat(order.get("status").asText()).isEqualTo("created");
        assertThat(created.headers().firstValue("Location")).contains(order.get("href").asText());
        assertThat(order.get("href").asText()).startsWith(sim.baseUri() + TOPUP + "/");
        for (String same : List.of("amount", "usageType", "partyAccount", "channel", "paymentMethod",
                "productOffering", "externalId", "requestedDate")) {
            assertThat(asDocumented(created).get(same)).as(same).isEqualTo(example.get(same));
        }

        HttpResponse<String> polled = http.get(order.get("href").asText());
        assertThat(polled.statusCode()).isEqualTo(200);
        JsonNode done = assertShaped("topup-completed-response", polled);
        JsonNode completed = EXAMPLES.json("topup-completed-response");
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("payAtRegister").get("amount")).isEqualTo(completed.get("payAtRegister").get("amount"));
        assertThat(done.get("payAtRegister").get("validFor")).isEqualTo(completed.get("payAtRegister").get("validFor"));
        assertThat(done.get("payAtRegister").get("paymentCode").asText()).matches("\\d{4}-\\d{4}-\\d{4}");
        assertThat(http.json(http.get(order.get("href").asText()))).as("completed stays completed").isEqualTo(done);
    }

    @Test
    void theDataArrivesOnceWhenTheRegisterConfirmsPaymentWithinThirtyMinutes() throws Exception {
        String href = http.json(order(EXAMPLES.text("topup-request"))).get("href").asText();
        JsonNode done = http.json(http.get(href));
        String line = demo.auPrepaid().productId();
        int before = bucketCount(line);
        String paymentCode = done.get("payAtRegister").get("paymentCode").asText();
        assertThat(Instant.parse(done.get("payAtRegister").get("validFor").get("endDateTime").asText()))
                .isEqualTo(DOC_NOW.plus(Duration.ofMinutes(30)));
        assertThat(sim.confirmPayment(paymentCode)).isTrue();
        assertThat(sim.confirmPayment(paymentCode)).isFalse();
        assertThat(bucketCount(line)).isEqualTo(before + 1);
    }

    @Test
    void anUnpaidCodeExpiresAfterThirtyMinutes() throws Exception {
        String href = http.json(order(EXAMPLES.text("topup-request"))).get("href").asText();
        String paymentCode = http.json(http.get(href)).get("payAtRegister").get("paymentCode").asText();
        clock.advance(Duration.ofMinutes(31));
        assertThat(sim.confirmPayment(paymentCode)).isFalse();
    }

    @Test
    void anOrderCompletesOnlyAfterTheConfiguredDelay() throws Exception {
        try (CarrierSimulator slow = CarrierSimulator.builder().clock(clock)
                .topUpCompletesAfter(Duration.ofSeconds(2)).start()) {
            SimHttp client = new SimHttp(slow.baseUri()).login();
            String href = client.json(client.post(TOPUP, EXAMPLES.text("topup-request"))).get("href").asText();
            assertThat(client.json(client.get(href)).get("status").asText()).isEqualTo("created");
            clock.advance(Duration.ofSeconds(2));
            assertThat(client.json(client.get(href)).get("status").asText()).isEqualTo("completed");
        }
    }

    @Test
    void anIdempotencyKeyIsIgnoredLikeAnyStandardServerDoesSoABlindResendBuysTwice() throws Exception {
        JsonNode a = http.json(http.post(TOPUP, EXAMPLES.text("topup-request"), "Idempotency-Key", "same-key"));
        JsonNode b = http.json(http.post(TOPUP, EXAMPLES.text("topup-request"), "Idempotency-Key", "same-key"));
        assertThat(b.get("id")).isNotEqualTo(a.get("id"));
        assertThat(sim.topUpCount()).isEqualTo(2);
    }

    @Test
    void anOrderWhoseAnswerWasLostIsFoundByItsExternalIdAndBoughtExactlyOnce() throws Exception {
        sim.faults().inject(Endpoint.TOPUP, new Fault.ApplyThenDrop(), 1);
        assertThatThrownBy(() -> order(EXAMPLES.text("topup-request"))).isInstanceOf(IOException.class);

        HttpResponse<String> found = lookup(externalId());
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode orders = assertShaped("topup-lookup-response", found);
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("externalId").asText()).isEqualTo(externalId());
        // Found: the kiosk continues with that order instead of sending it again.
        JsonNode done = http.json(http.get(orders.get(0).get("href").asText()));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(sim.confirmPayment(done.get("payAtRegister").get("paymentCode").asText())).isTrue();
        assertThat(sim.topUpCount()).isEqualTo(1);
    }

    @Test
    void anOrderThatNeverArrivedIsNotFoundSoTheSameBodyIsSentOnce() throws Exception {
        sim.faults().inject(Endpoint.TOPUP, new Fault.DropConnection(), 1);
        assertThatThrownBy(() -> order(EXAMPLES.text("topup-request"))).isInstanceOf(IOException.class);
        HttpResponse<String> notFound = lookup(externalId());
        assertThat(notFound.statusCode()).isEqualTo(200);
        assertThat(http.json(notFound)).isEmpty();
        assertThat(order(EXAMPLES.text("topup-request")).statusCode()).isEqualTo(201);
        assertThat(http.json(lookup(externalId()))).hasSize(1);
        assertThat(sim.topUpCount()).isEqualTo(1);
    }

    @Test
    void aSlowAnswerComesAfterTheOrderWasPlacedSoATimedOutClientFindsIt() throws Exception {
        sim.faults().inject(Endpoint.TOPUP, new Fault.Latency(Duration.ofSeconds(2)), 1);
        var impatient = http.request(TOPUP).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(EXAMPLES.text("topup-request")))
                .timeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> http.send(impatient)).isInstanceOf(HttpTimeoutException.class);
        TestTime.awaitUntil(Duration.ofSeconds(5), () -> sim.topUpCount() == 1, "the order was placed");
        assertThat(http.json(lookup(externalId()))).hasSize(1);
    }

    @Test
    void everyRequiredFieldOfTopupBalanceCreateIsNamedWhenMissing() throws Exception {
        for (String field : List.of("amount", "usageType", "bucket", "partyAccount")) {
            ObjectNode body = request();
            body.remove(field);
            HttpResponse<String> r = order(body.toString());
            assertThat(r.statusCode()).as(field).isEqualTo(400);
            assertThat(http.json(r).get("message").asText()).as(field).isEqualTo(field + " is required");
        }
        ObjectNode noBucket = request();
        noBucket.remove("bucket");
        assertDocumented("topup-missing-field", order(noBucket.toString()));
        ObjectNode productObject = request();
        productObject.set("product", productObject.get("product").get(0));
        assertThat(order(productObject.toString()).statusCode()).as("product is an array").isEqualTo(400);
        ObjectNode paymentWithoutId = request();
        paymentWithoutId.set("paymentMethod", http.json().createObjectNode().put("@type", "PayAtRegister"));
        assertThat(order(paymentWithoutId.toString()).statusCode()).as("a reference has an id").isEqualTo(400);
        assertThat(sim.topUpCount()).isZero();
    }

    @Test
    void theBucketAndAccountMustBeTheLinesAndAProductIdStandsInForThem() throws Exception {
        ObjectNode otherBucket = request();
        otherBucket.set("bucket", http.json().createObjectNode().put("id", "bkt-rakuten-0004-data"));
        assertThat(order(otherBucket.toString()).statusCode()).isEqualTo(400);
        ObjectNode otherAccount = request();
        otherAccount.set("partyAccount", http.json().createObjectNode().put("id", "acc-rakuten-0004"));
        assertThat(order(otherAccount.toString()).statusCode()).isEqualTo(400);
        ObjectNode byProductId = request();
        byProductId.set("bucket", http.json().createObjectNode().put("id", demo.auPrepaid().productId()));
        byProductId.set("partyAccount", http.json().createObjectNode().put("id", demo.auPrepaid().productId()));
        HttpResponse<String> r = order(byProductId.toString());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(http.json(r).get("partyAccount").get("id").asText()).isEqualTo(demo.auPrepaid().partyAccountId());
    }

    @Test
    void withoutTheOfferingExtensionTheAmountPicksTheOffering() throws Exception {
        ObjectNode threeGb = request();
        threeGb.remove("productOffering");
        threeGb.remove("product");
        threeGb.set("amount", http.json().createObjectNode().put("amount", 3).put("units", "GB"));
        HttpResponse<String> r = order(threeGb.toString());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(http.json(r).get("productOffering").get("id").asText()).isEqualTo("po-topup-3gb-30d");
        assertThat(http.json(r).get("amount").get("amount").asLong()).isEqualTo(3_000_000_000L);
    }

    @Test
    void anOfferingTheLineCannotBuyOrAnAmountItDoesNotGiveIsRefused() throws Exception {
        HttpResponse<String> tenGb = order(EXAMPLES.text("topup-request").replace("po-topup-1gb-30d", "po-topup-10gb-30d"));
        assertThat(tenGb.statusCode()).isEqualTo(400);
        assertThat(http.json(tenGb).get("code").asText()).isEqualTo("UNKNOWN_OFFERING");
        ObjectNode wrongAmount = request();
        wrongAmount.set("amount", http.json().createObjectNode().put("amount", 2).put("units", "GB"));
        assertThat(http.json(order(wrongAmount.toString())).get("code").asText()).isEqualTo("UNKNOWN_OFFERING");
        assertThat(sim.topUpCount()).isZero();
    }

    @Test
    void refusesATopUpForASuspendedLine() throws Exception {
        DemoLine suspended = demo.suspended();
        ObjectNode body = request();
        body.set("product", http.json().createArrayNode().add(http.json().createObjectNode().put("id", suspended.productId())));
        body.set("bucket", http.json().createObjectNode().put("id", "bkt-sb-0007-data"));
        body.set("partyAccount", http.json().createObjectNode().put("id", suspended.partyAccountId()));
        HttpResponse<String> r = order(body.toString());
        assertThat(r.statusCode()).isEqualTo(409);
        assertDocumented("topup-line-not-active", r);
    }

    @Test
    void anUnknownOrderIsNotFound() throws Exception {
        HttpResponse<String> r = http.get(TOPUP + "/tpb-000000000000");
        assertThat(r.statusCode()).isEqualTo(404);
        assertDocumented("tmf-not-found", r);
    }
}
