package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.tmf.StubCarrier.Reply;
import com.simkiosk.testing.LogCapture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Everything the client logs, at every level, shows ICCIDs and numbers masked and never a code or a secret. */
class ClientLogsArePrivateTest {
    final ContractExamples doc = ContractExamples.load();
    LogCapture logs;
    StubCarrier carrier;

    @BeforeEach
    void capture() throws Exception {
        logs = LogCapture.atDebug("com.simkiosk.carrier");
        carrier = new StubCarrier();
    }

    @AfterEach
    void release() {
        logs.close();
        carrier.close();
    }

    @Test
    void iccidsNumbersCodesAndSecretsNeverReachTheLog() throws Exception {
        carrier.replace("/oauth2/token", Reply.json(200, doc.json("token-response")));
        carrier.replace(TmfCarrierClient.PRODUCT,
                Reply.json(401, doc.json("tmf-unauthenticated")), Reply.json(200, doc.json("product-by-iccid-response")));
        carrier.replace(TmfCarrierClient.SEND_CODE, Reply.json(503, doc.json("camara-unavailable")).with("Retry-After", "1"),
                Reply.json(200, doc.json("send-code-response")));
        carrier.replace(TmfCarrierClient.VALIDATE_CODE, Reply.json(400, doc.json("validate-code-invalid-otp")));
        CarrierEndpoint endpoint = CarrierEndpoint.of("stub", carrier.uri(), "demo-kiosk", "top-secret-kiosk-pass");
        try (TmfCarrierClient client = new TmfCarrierClient(endpoint, java.time.Clock.systemUTC(), d -> { })) {
            client.findLineByIccid(Iccid.parse("8981102603110000016"));
            OtpChallenge challenge = client.sendCode(new Msisdn("+819012340002"), "{{code}} is your code");
            try {
                client.validateCode(challenge, "482913");
            } catch (CarrierException expected) {
                // wrong code: logged as a classified failure
            }
        }

        List<String> lines = logs.messages();
        assertThat(lines).isNotEmpty();
        assertThat(String.join("\n", lines))
                .contains("8981 10** **** **** 016")
                .contains("090-****-0002")
                .doesNotContain("8981102603110000016")
                .doesNotContain("819012340002")
                .doesNotContain("09012340002")
                .doesNotContain("482913")
                .doesNotContain("top-secret-kiosk-pass")
                .doesNotContain("sim-at-6f1c2a9e4b7d4f0e8a3c1d2e5f6a7b8c");
        assertThat(endpoint.toString()).doesNotContain("top-secret-kiosk-pass");
    }
}
