package com.simkiosk.mock.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bearer tokens live {@code expires_in} seconds on the simulator's clock. */
class TokenExpiryTest extends SimulatorFixture {

    @Test
    void aTokenWorksUntilItsExpiryThenAnswers401() throws Exception {
        String bucket = "/tmf-api/prepayBalanceManagement/v4/bucket?product.id=" + demo.auPrepaid().productId();
        clock.advance(Duration.ofSeconds(3599));
        assertThat(http.get(bucket).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> expired = http.get(bucket);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertDocumented("tmf-unauthenticated", expired);
        http.login();
        assertThat(http.get(bucket).statusCode()).isEqualTo(200);
    }

    @Test
    void theLifetimeIsConfigurableAndReportedInExpiresIn() throws Exception {
        try (CarrierSimulator shortLived = CarrierSimulator.builder().clock(clock).tokenLifetime(Duration.ofSeconds(90)).start()) {
            SimHttp client = new SimHttp(shortLived.baseUri());
            HttpResponse<String> r = client.tokenRequest(SimHttp.basic(DemoLines.CLIENT_ID, DemoLines.CLIENT_SECRET),
                    "grant_type=client_credentials&scope=kyc-match%3Amatch");
            assertThat(client.json(r).get("expires_in").asInt()).isEqualTo(90);
            assertThat(client.json(r).get("scope").asText()).isEqualTo("kyc-match:match");
        }
    }

    @Test
    void aRequestWithoutATokenIsRefused() throws Exception {
        SimHttp anonymous = new SimHttp(sim.baseUri());
        HttpResponse<String> r = anonymous.sendCode("+819012340002");
        assertThat(r.statusCode()).isEqualTo(401);
        assertDocumented("camara-unauthenticated", r);
        assertThat(sim.smsOutbox().messages()).isEmpty();
    }
}
