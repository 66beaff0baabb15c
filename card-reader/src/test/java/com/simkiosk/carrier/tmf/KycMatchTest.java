package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.carrier.tmf.StubCarrier.Reply;
import com.simkiosk.testing.LogCapture;
import com.simkiosk.testing.TestTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CAMARA KYC Match v0.3.0 as the official document has it, against a stub carrier on loopback. */
class KycMatchTest {
    static final Msisdn AU_NUMBER = new Msisdn("+819012340002");
    static final CamaraExamples KYC = CamaraExamples.load(ErrorCodesTest.KYC_DOC);

    final ObjectMapper mapper = new ObjectMapper();
    StubCarrier carrier;
    TmfCarrierClient client;

    @BeforeEach
    void start() throws Exception {
        carrier = new StubCarrier();
        CarrierEndpoint endpoint = CarrierEndpoint.of("stub", carrier.uri(), "demo-kiosk", "demo-secret")
                .withTimeouts(TestTime.bound(Duration.ofSeconds(2)), TestTime.bound(Duration.ofSeconds(5))); // no test here waits for a deadline
        client = new TmfCarrierClient(endpoint, Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC), d -> { });
    }

    @AfterEach
    void stop() {
        client.close();
        carrier.close();
    }

    static Line auLine() {
        return new Line("prd-au-prepaid-0002", LineStatus.ACTIVE, "au Prepaid Voice", "au", Optional.of(AU_NUMBER),
                List.of(VerificationMethod.SMS_CODE, VerificationMethod.ID_DOCUMENT));
    }

    static Line dataOnlyLine() {
        return new Line("prd-tourist-3gb-0001", LineStatus.ACTIVE, "Japan Travel SIM 3GB / 15 days", "Japan Travel SIM",
                Optional.empty(), List.of(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT,
                VerificationMethod.ORDER_NUMBER));
    }

    JsonNode sent() throws Exception {
        return mapper.readTree(carrier.requests(TmfCarrierClient.KYC_MATCH).get(0).body());
    }

    @Test
    void aLineWithANumberIsNamedByPhoneNumberAndTheWholeDocumentIsSentCleaned() throws Exception {
        carrier.replace(TmfCarrierClient.KYC_MATCH, Reply.json(200, "{\"idDocumentMatch\":\"true\"}"));

        client.verifyRegisteredDetail(auLine(), VerificationMethod.ID_DOCUMENT, " tk-1234 567 ");

        assertThat(sent()).isEqualTo(mapper.readTree("{\"phoneNumber\":\"+819012340002\",\"idDocument\":\"TK1234567\"}"));
    }

    @Test
    void aDataOnlyLineIsNamedByTheProductIdExtension() throws Exception {
        carrier.replace(TmfCarrierClient.KYC_MATCH, Reply.json(200, "{\"idDocumentMatch\":\"true\"}"));

        client.verifyRegisteredDetail(dataOnlyLine(), VerificationMethod.ID_DOCUMENT, "RC20260712AB");

        assertThat(sent()).isEqualTo(mapper.readTree("{\"productId\":\"prd-tourist-3gb-0001\",\"idDocument\":\"RC20260712AB\"}"));
    }

    @Test
    void anOrderNumberGoesInTheOrderNumberExtensionAndAFalseAnswerIsAMismatch() throws Exception {
        carrier.replace(TmfCarrierClient.KYC_MATCH, Reply.json(200, "{\"orderNumberMatch\":\"false\"}"));

        assertThatThrownBy(() -> client.verifyRegisteredDetail(dataOnlyLine(), VerificationMethod.ORDER_NUMBER, "JTS-2026-118240"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.DETAIL_MISMATCH));
        assertThat(sent()).isEqualTo(mapper.readTree("{\"productId\":\"prd-tourist-3gb-0001\",\"orderNumber\":\"JTS-2026-118240\"}"));
    }

    @Test
    void aDocumentTheCarrierCannotCheckIsNotSupported() {
        carrier.replace(TmfCarrierClient.KYC_MATCH, Reply.json(200, "{\"idDocumentMatch\":\"not_available\"}"));

        assertThatThrownBy(() -> client.verifyRegisteredDetail(auLine(), VerificationMethod.ID_DOCUMENT, "TK1234567"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));
    }

    /** Each error example of the official document, as the carrier would send it. */
    @ParameterizedTest(name = "{1} {0} → {2}")
    @CsvSource({
            "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_MISMATCH, 403, DETAIL_MISMATCH",
            "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_REQUIRED, 403, DETAIL_MISMATCH",
            "GENERIC_422_SERVICE_NOT_APPLICABLE, 422, NOT_SUPPORTED",
            "GENERIC_422_MISSING_IDENTIFIER, 422, NOT_SUPPORTED",
            "GENERIC_404_IDENTIFIER_NOT_FOUND, 404, NOT_FOUND",
            "GENERIC_404_NOT_FOUND, 404, NOT_FOUND",
            "GENERIC_403_PERMISSION_DENIED, 403, UNAUTHORIZED",
            "GENERIC_403_INVALID_TOKEN_CONTEXT, 403, UNAUTHORIZED",
            "GENERIC_400_INVALID_ARGUMENT, 400, BAD_RESPONSE",
            "KNOW_YOUR_CUSTOMER.INVALID_PARAM_COMBINATION, 400, BAD_RESPONSE",
            "GENERIC_401_UNAUTHENTICATED, 401, UNAUTHORIZED",
            "GENERIC_401_AUTHENTICATION_REQUIRED, 401, UNAUTHORIZED"})
    void everyErrorOfTheDocumentIsClassified(String example, int status, CarrierError expected) {
        carrier.replace(TmfCarrierClient.KYC_MATCH, Reply.json(status, KYC.error(example)));

        assertThatThrownBy(() -> client.verifyRegisteredDetail(auLine(), VerificationMethod.ID_DOCUMENT, "TK1234567"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(expected));
        // A KYC check counts against the customer's tries: never sent twice, except once with a fresh token after a 401.
        assertThat(carrier.requests(TmfCarrierClient.KYC_MATCH)).hasSize(status == 401 ? 2 : 1);
    }

    @Test
    void aMismatchBurstIsRateLimitedWithoutSendingTheDocumentAgain() {
        carrier.replace(TmfCarrierClient.KYC_MATCH, Reply.json(429,
                "{\"status\":429,\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Rate limit reached.\"}").with("Retry-After", "1"));

        assertThatThrownBy(() -> client.verifyRegisteredDetail(auLine(), VerificationMethod.ID_DOCUMENT, "TK1234567"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.RATE_LIMITED));
        assertThat(carrier.requests(TmfCarrierClient.KYC_MATCH)).hasSize(1);
    }

    @Test
    void aMissingIdentifierIsLoggedAsAConfigurationProblem() {
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk.carrier")) {
            carrier.replace(TmfCarrierClient.KYC_MATCH, Reply.json(422, KYC.error("GENERIC_422_MISSING_IDENTIFIER")));
            assertThatThrownBy(() -> client.verifyRegisteredDetail(dataOnlyLine(), VerificationMethod.ID_DOCUMENT, "RC20260712AB"))
                    .isInstanceOf(CarrierException.class);
            assertThat(logs.events()).anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage()).contains("productId extension");
            });
        }
    }

    @Test
    void theDocumentNumberNeverReachesTheLog() {
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk.carrier")) {
            carrier.replace(TmfCarrierClient.KYC_MATCH, Reply.json(200, "{\"idDocumentMatch\":\"true\"}"),
                    Reply.json(403, KYC.error("KNOW_YOUR_CUSTOMER.ID_DOCUMENT_MISMATCH")));
            client.verifyRegisteredDetail(auLine(), VerificationMethod.ID_DOCUMENT, "TK1234567");
            assertThatThrownBy(() -> client.verifyRegisteredDetail(auLine(), VerificationMethod.ID_DOCUMENT, "TK 7654321"))
                    .isInstanceOf(CarrierException.class);
            assertThat(logs.text()).isNotEmpty().doesNotContain("1234567").doesNotContain("7654321")
                    .doesNotContain("819012340002");
        } catch (CarrierException e) {
            throw new AssertionError(e);
        }
    }
}
