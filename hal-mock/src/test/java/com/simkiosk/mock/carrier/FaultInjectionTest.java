package com.simkiosk.mock.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every injected fault answers as docs/carrier-api.md 1.2 says, for the number of requests asked. */
class FaultInjectionTest extends SimulatorFixture {

    private HttpResponse<String> balance() throws Exception {
        return http.get("/tmf-api/prepayBalanceManagement/v4/bucket?product.id=" + demo.auPrepaid().productId());
    }

    private HttpResponse<String> sendCodeToAu() throws Exception {
        return http.sendCode(demo.auPrepaid().msisdn().orElseThrow().e164());
    }

    @Test
    void serverErrorsUseEachFamilysErrorBody() throws Exception {
        sim.faults().inject(Endpoint.BUCKET, new Fault.ServerError(), 1).inject(Endpoint.SEND_CODE, new Fault.ServerError(), 1);
        HttpResponse<String> tmf = balance();
        assertThat(tmf.statusCode()).isEqualTo(500);
        assertDocumented("tmf-internal", tmf);
        HttpResponse<String> camara = sendCodeToAu();
        assertThat(camara.statusCode()).isEqualTo(500);
        assertDocumented("camara-internal", camara);
    }

    @Test
    void unavailableCarriesRetryAfter() throws Exception {
        sim.faults().inject(Endpoint.BUCKET, new Fault.Unavailable(7), 1).inject(Endpoint.SEND_CODE, new Fault.Unavailable(3), 1);
        HttpResponse<String> tmf = balance();
        assertThat(tmf.statusCode()).isEqualTo(503);
        assertThat(tmf.headers().firstValue("Retry-After")).contains("7");
        assertDocumented("tmf-unavailable", tmf);
        HttpResponse<String> camara = sendCodeToAu();
        assertThat(camara.statusCode()).isEqualTo(503);
        assertThat(camara.headers().firstValue("Retry-After")).contains("3");
        assertDocumented("camara-unavailable", camara);
    }

    @Test
    void rateLimitingCarriesRetryAfter() throws Exception {
        sim.faults().inject(Endpoint.BUCKET, new Fault.RateLimited(2), 1).inject(Endpoint.SEND_CODE, new Fault.RateLimited(2), 1);
        HttpResponse<String> tmf = balance();
        assertThat(tmf.statusCode()).isEqualTo(429);
        assertThat(tmf.headers().firstValue("Retry-After")).contains("2");
        assertDocumented("tmf-too-many-requests", tmf);
        HttpResponse<String> camara = sendCodeToAu();
        assertThat(camara.statusCode()).isEqualTo(429);
        assertDocumented("camara-too-many-requests", camara);
    }

    @Test
    void anExpiredTokenFaultAnswers401AsIfTheTokenHadExpired() throws Exception {
        sim.faults().inject(Endpoint.BUCKET, new Fault.ExpiredToken(), 1);
        HttpResponse<String> r = balance();
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertDocumented("tmf-unauthenticated", r);
        assertThat(balance().statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsA200ThatNoParserAccepts() throws Exception {
        sim.faults().inject(Endpoint.PRODUCT, new Fault.MalformedJson(), 1);
        HttpResponse<String> r = http.productByIccid(demo.touristData().iccid().digits());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThatThrownBy(() -> http.json(r)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aDroppedConnectionGivesNoAnswerAtAll() throws Exception {
        sim.faults().inject(Endpoint.BUCKET, new Fault.DropConnection(), 1);
        assertThatThrownBy(this::balance).isInstanceOf(IOException.class);
        assertThat(balance().statusCode()).isEqualTo(200);
    }

    @Test
    void applyThenDropCarriesTheRequestOutButCutsItsAnswer() throws Exception {
        sim.faults().inject(Endpoint.SEND_CODE, new Fault.ApplyThenDrop(), 1);
        assertThatThrownBy(this::sendCodeToAu).isInstanceOf(IOException.class);
        assertThat(sim.smsOutbox().latestTo(demo.auPrepaid().msisdn().orElseThrow().e164())).isPresent();
    }

    @Test
    void errorAnswersGiveTheCodesTheSimulatorNeverProducesByItself() throws Exception {
        sim.faults().inject(Endpoint.SEND_CODE, new Fault.ErrorAnswer(403, "PERMISSION_DENIED"), 1)
                .inject(Endpoint.SEND_CODE, new Fault.ErrorAnswer(429, "QUOTA_EXCEEDED"), 1)
                .inject(Endpoint.VALIDATE_CODE, new Fault.ErrorAnswer(400, "OUT_OF_RANGE"), 1)
                .inject(Endpoint.KYC_MATCH, new Fault.ErrorAnswer(401, "AUTHENTICATION_REQUIRED"), 1)
                .inject(Endpoint.KYC_MATCH, new Fault.ErrorAnswer(403, "INVALID_TOKEN_CONTEXT"), 1)
                .inject(Endpoint.PRODUCT_BY_ID, new Fault.ErrorAnswer(404, "NOT_FOUND"), 1);
        assertDocumented("camara-permission-denied", sendCodeToAu());
        HttpResponse<String> quota = sendCodeToAu();
        assertThat(quota.statusCode()).isEqualTo(429);
        assertThat(quota.headers().firstValue("Retry-After")).contains("1");
        assertDocumented("camara-quota-exceeded", quota);
        assertDocumented("camara-out-of-range", http.validateCode("ea0840f3-3663-4149-bd10-c7c6b8912105", "123456"));
        HttpResponse<String> again = http.kycMatch(EXAMPLES.text("kyc-match-id-document-request"));
        assertThat(again.statusCode()).isEqualTo(401);
        assertDocumented("camara-authentication-required", again);
        assertDocumented("camara-invalid-token-context", http.kycMatch(EXAMPLES.text("kyc-match-id-document-request")));
        assertDocumented("tmf-not-found", http.get("/tmf-api/productInventory/v4/product/" + demo.auPrepaid().productId()));
        assertThat(sim.faults().pending()).isZero();
    }

    @Test
    void latencyDelaysTheAnswerPastTheClientsTimeout() throws Exception {
        sim.faults().inject(Endpoint.BUCKET, new Fault.Latency(Duration.ofSeconds(3)), 1);
        HttpRequest impatient = http.request("/tmf-api/prepayBalanceManagement/v4/bucket?product.id="
                + demo.auPrepaid().productId()).timeout(Duration.ofMillis(200)).GET().build();
        assertThatThrownBy(() -> http.send(impatient)).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void latencyAloneStillAnswersCorrectlyAfterTheDelay() throws Exception {
        sim.faults().inject(Endpoint.PRODUCT, new Fault.Latency(Duration.ofMillis(300)), 1);
        long start = System.nanoTime();
        HttpResponse<String> r = http.productByIccid(demo.touristData().iccid().digits());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertDocumented("product-by-iccid-response", r);
    }

    @Test
    void aFaultLastsExactlyTheNumberOfRequestsAsked() throws Exception {
        sim.faults().inject(Endpoint.BUCKET, new Fault.ServerError(), 2);
        assertThat(sim.faults().pending()).isEqualTo(2);
        assertThat(balance().statusCode()).isEqualTo(500);
        assertThat(balance().statusCode()).isEqualTo(500);
        assertThat(sim.faults().pending()).isZero();
        assertThat(balance().statusCode()).isEqualTo(200);
    }

    @Test
    void anEndpointFaultLeavesOtherEndpointsAlone() throws Exception {
        sim.faults().inject(Endpoint.BUCKET, new Fault.ServerError(), 1);
        assertThat(http.productByIccid(demo.touristData().iccid().digits()).statusCode()).isEqualTo(200);
        assertThat(balance().statusCode()).isEqualTo(500);
    }

    @Test
    void aGlobalFaultHitsWhicheverEndpointComesNextIncludingTheTokenEndpoint() throws Exception {
        sim.faults().inject(new Fault.Unavailable(1), 2);
        assertThat(http.productByIccid(demo.touristData().iccid().digits()).statusCode()).isEqualTo(503);
        HttpResponse<String> token = http.tokenRequest(SimHttp.basic(DemoLines.CLIENT_ID, DemoLines.CLIENT_SECRET),
                "grant_type=client_credentials");
        assertThat(token.statusCode()).isEqualTo(503);
        assertThat(http.json(token).get("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(balance().statusCode()).isEqualTo(200);
    }

    @Test
    void clearedFaultsNeverHappen() throws Exception {
        sim.faults().inject(new Fault.ServerError(), 5);
        sim.faults().clear();
        assertThat(balance().statusCode()).isEqualTo(200);
    }

    @Test
    void revokedTokensAreRefusedUntilTheKioskLogsInAgain() throws Exception {
        sim.revokeTokens();
        HttpResponse<String> r = sendCodeToAu();
        assertThat(r.statusCode()).isEqualTo(401);
        assertDocumented("camara-unauthenticated", r);
        http.login();
        assertThat(balance().statusCode()).isEqualTo(200);
    }
}
