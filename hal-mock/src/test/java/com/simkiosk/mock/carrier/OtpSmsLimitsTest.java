package com.simkiosk.mock.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** CAMARA OTP-SMS limits on the simulator's clock, and an unknown number looking exactly like a known one. */
class OtpSmsLimitsTest extends SimulatorFixture {

    private String au() {
        return demo.auPrepaid().msisdn().orElseThrow().e164();
    }

    private String wrongCodeFor(String e164) {
        return codeSentTo(e164).equals("000000") ? "999999" : "000000";
    }

    @Test
    void aCodeExpiresTenMinutesAfterItWasSent() throws Exception {
        String id = sendCode(au());
        String code = codeSentTo(au());
        clock.advance(Duration.ofMinutes(10));
        http.login();
        HttpResponse<String> r = http.validateCode(id, code);
        assertThat(r.statusCode()).isEqualTo(400);
        assertDocumented("validate-code-verification-expired", r);
    }

    @Test
    void aCodeStillWorksJustBeforeItsTenMinutesAreUp() throws Exception {
        String id = sendCode(au());
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(http.validateCode(id, codeSentTo(au())).statusCode()).isEqualTo(204);
    }

    @Test
    void theFifthWrongCodeEndsTheVerificationEvenForTheRightCodeAfterwards() throws Exception {
        String id = sendCode(au());
        String wrong = wrongCodeFor(au());
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertDocumented("validate-code-invalid-otp", http.validateCode(id, wrong));
        }
        HttpResponse<String> fifth = http.validateCode(id, wrong);
        assertThat(fifth.statusCode()).isEqualTo(400);
        assertDocumented("validate-code-verification-failed", fifth);
        assertDocumented("validate-code-verification-failed", http.validateCode(id, codeSentTo(au())));
    }

    @Test
    void aCodeWorksOnlyOnce() throws Exception {
        String id = sendCode(au());
        assertThat(http.validateCode(id, codeSentTo(au())).statusCode()).isEqualTo(204);
        assertDocumented("validate-code-verification-expired", http.validateCode(id, codeSentTo(au())));
    }

    @Test
    void aSecondCodeWithinThirtySecondsIsRefusedWithRetryAfter() throws Exception {
        sendCode(au());
        HttpResponse<String> again = http.sendCode(au());
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).contains("30");
        assertDocumented("send-code-cooldown", again);
        clock.advance(Duration.ofSeconds(20));
        assertThat(http.sendCode(au()).headers().firstValue("Retry-After")).contains("10");
        clock.advance(Duration.ofSeconds(10));
        assertThat(http.sendCode(au()).statusCode()).isEqualTo(200);
        assertThat(sim.smsOutbox().countTo(au())).isEqualTo(2);
    }

    @Test
    void atMostThreeCodesPerNumberInTenMinutes() throws Exception {
        for (int i = 0; i < 3; i++) {
            sendCode(au());
            clock.advance(Duration.ofSeconds(30));
        }
        HttpResponse<String> fourth = http.sendCode(au());
        assertThat(fourth.statusCode()).isEqualTo(403);
        assertDocumented("send-code-max-otp-codes-exceeded", fourth);
        assertThat(sim.smsOutbox().countTo(au())).isEqualTo(3);
        clock.advance(Duration.ofMinutes(10).minusSeconds(90)); // the first send leaves the window
        assertThat(http.sendCode(au()).statusCode()).isEqualTo(200);
    }

    @Test
    void theLineIsFoundByNumberOnlyForTenMinutesAfterTheCodeWasRight() throws Exception {
        String id = sendCode(au());
        assertThat(http.validateCode(id, codeSentTo(au())).statusCode()).isEqualTo(204);
        assertThat(http.productByNumber(au()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(10));
        http.login();
        assertDocumented("product-by-msisdn-unverified", http.productByNumber(au()));
    }

    @Test
    void anUnknownNumberGetsTheSameAnswersAsAKnownOneButNoSms() throws Exception {
        String unknown = DemoLines.UNKNOWN_NUMBER.e164();
        List<HttpResponse<String>> known = journey(au());
        sim.smsOutbox().clear();
        List<HttpResponse<String>> stranger = journey(unknown);
        assertThat(sim.smsOutbox().messages()).isEmpty();
        for (int i = 0; i < known.size(); i++) {
            assertIndistinguishable(known.get(i), stranger.get(i));
        }
    }

    @Test
    void numbersWithoutAnSmsCapableLineAnswerLikeAnyOther() throws Exception {
        String terminated = demo.terminated().msisdn().orElseThrow().e164();
        assertIndistinguishable(http.sendCode(au()), http.sendCode(terminated));
        assertThat(sim.smsOutbox().latestTo(terminated)).isEmpty();
        assertThat(sim.smsOutbox().latestTo(au())).isPresent();
    }

    /** Everything a stranger can try with a number: send, wrong codes, resend too early, the quota, a lookup. */
    private List<HttpResponse<String>> journey(String e164) throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        HttpResponse<String> sent = http.sendCode(e164);
        answers.add(sent);
        String id = http.json(sent).get("authenticationId").asText();
        for (int i = 0; i < OtpService.MAX_CHECKS; i++) {
            answers.add(http.validateCode(id, "000000"));
        }
        answers.add(http.sendCode(e164));
        clock.advance(Duration.ofSeconds(30));
        answers.add(http.sendCode(e164));
        clock.advance(Duration.ofSeconds(30));
        answers.add(http.sendCode(e164));
        clock.advance(Duration.ofSeconds(30));
        answers.add(http.sendCode(e164));
        answers.add(http.productByNumber(e164));
        clock.advance(Duration.ofMinutes(11));
        http.login();
        return answers;
    }

    private void assertIndistinguishable(HttpResponse<String> a, HttpResponse<String> b) throws Exception {
        assertThat(b.statusCode()).isEqualTo(a.statusCode());
        assertThat(headerNames(b)).isEqualTo(headerNames(a));
        assertThat(b.headers().firstValue("Retry-After")).isEqualTo(a.headers().firstValue("Retry-After"));
        if (a.body().isEmpty()) {
            assertThat(b.body()).isEmpty();
            return;
        }
        JsonNode ja = http.json(a);
        JsonNode jb = http.json(b);
        assertThat(JsonShape.differences(ja, jb)).isEmpty();
        if (ja.has("authenticationId")) {
            assertThat(jb.get("resendAfterSeconds")).isEqualTo(ja.get("resendAfterSeconds"));
            assertThat(jb.get("authenticationId").asText()).hasSameSizeAs(ja.get("authenticationId").asText());
        } else {
            assertThat(jb).isEqualTo(ja);
        }
    }

    private static Set<String> headerNames(HttpResponse<String> r) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(r.headers().map().keySet());
        return names;
    }
}
