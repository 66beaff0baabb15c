package com.simkiosk.carrier.tmf;

import static com.simkiosk.testing.standard.StandardFixture.DATA_ICCID;
import static com.simkiosk.testing.standard.StandardFixture.DATA_NAME;
import static com.simkiosk.testing.standard.StandardFixture.DATA_PRODUCT;
import static com.simkiosk.testing.standard.StandardFixture.JAPAN;
import static com.simkiosk.testing.standard.StandardFixture.SUSPENDED_ICCID;
import static com.simkiosk.testing.standard.StandardFixture.SUSPENDED_MSISDN;
import static com.simkiosk.testing.standard.StandardFixture.SUSPENDED_PRODUCT;
import static com.simkiosk.testing.standard.StandardFixture.TOPUP_1GB;
import static com.simkiosk.testing.standard.StandardFixture.TOPUP_1GB_YEN;
import static com.simkiosk.testing.standard.StandardFixture.TOPUP_500MB;
import static com.simkiosk.testing.standard.StandardFixture.TOPUP_500MB_YEN;
import static com.simkiosk.testing.standard.StandardFixture.UNKNOWN_ICCID;
import static com.simkiosk.testing.standard.StandardFixture.VOICE_ICCID;
import static com.simkiosk.testing.standard.StandardFixture.VOICE_MSISDN;
import static com.simkiosk.testing.standard.StandardFixture.VOICE_PLAN;
import static com.simkiosk.testing.standard.StandardFixture.VOICE_PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.testing.TestTime;
import com.simkiosk.testing.conformance.OfficialApis;
import com.simkiosk.testing.standard.StandardCarrier;
import com.simkiosk.testing.standard.StandardCarrier.Call;
import com.simkiosk.testing.standard.StandardFixture;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kiosk's carrier client against the independent {@link StandardCarrier}: a back end that knows only the
 * official TMF and CAMARA documents and the contract-v2 extensions. What the customer sees must not depend on which
 * reading of the standards the carrier chose: no brand or verification list (the client falls back), price
 * references, units of its own, top-ups that complete later, and every OTP / KYC Match error of the documents.
 */
class ClientAgainstStandardCarrierTest {

    private static final String SMS = "{{code}} is your kiosk code";
    /** Noon in Japan; the clocks run from here so polls and timeouts behave as in production. */
    private final Clock clock = TestTime.runningFrom(Instant.parse("2026-11-30T03:00:00Z"));
    private StandardCarrier carrier;
    private TmfCarrierClient client;

    private void start(UnaryOperator<StandardCarrier.Builder> setup) throws IOException {
        carrier = setup.apply(StandardFixture.builder(clock)).build();
        client = new TmfCarrierClient(CarrierEndpoint.of("standard", carrier.baseUri(), carrier.clientId(),
                carrier.clientSecret()), clock);
    }

    private void start() throws IOException {
        start(b -> b);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (carrier != null) {
            carrier.close();
        }
    }

    private static Line voiceLine() {
        return new Line(VOICE_PRODUCT, LineStatus.ACTIVE, VOICE_PLAN, VOICE_PLAN, Optional.of(new Msisdn(VOICE_MSISDN)),
                List.of(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT, VerificationMethod.SMS_CODE));
    }

    private static Line dataLine() {
        return new Line(DATA_PRODUCT, LineStatus.ACTIVE, DATA_NAME, "Standard Data", Optional.empty(),
                List.of(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT));
    }

    // ------------------------------------------------------------------------------------------------ lookup

    @Test
    void looksUpALineBySimWithoutBrandOrVerificationMethods() throws Exception {
        start();
        Line line = client.findLineByIccid(Iccid.parse(VOICE_ICCID));
        assertThat(line.id()).isEqualTo(VOICE_PRODUCT);
        assertThat(line.status()).isEqualTo(LineStatus.ACTIVE);
        assertThat(line.msisdn()).contains(new Msisdn(VOICE_MSISDN));
        assertThat(line.brand()).as("no brand characteristic: the offering's name").isEqualTo(VOICE_PLAN);
        assertThat(line.planName()).as("no product name: the offering's name").isEqualTo(VOICE_PLAN);
        assertThat(line.verificationMethods()).as("fallback for a SIM in the reader with an SMS-capable number")
                .containsExactlyInAnyOrder(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT,
                        VerificationMethod.SMS_CODE);
        assertClientRequestsConform();
    }

    @Test
    void aDataOnlyLineHasNoNumberAndCannotGetCodes() throws Exception {
        start();
        Line line = client.findLineByIccid(Iccid.parse(DATA_ICCID));
        assertThat(line.id()).isEqualTo(DATA_PRODUCT);
        assertThat(line.msisdn()).isEmpty();
        assertThat(line.planName()).isEqualTo(DATA_NAME);
        assertThat(line.brand()).isEqualTo("Standard Data");
        assertThat(line.verificationMethods())
                .containsExactlyInAnyOrder(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT);
        assertClientRequestsConform();
    }

    @Test
    void aSuspendedProductIsASuspendedLine() throws Exception {
        start();
        assertThat(client.findLineByIccid(Iccid.parse(SUSPENDED_ICCID)).status()).isEqualTo(LineStatus.SUSPENDED);
    }

    @Test
    void anUnknownSimIsNotFound() throws Exception {
        start();
        assertError(() -> client.findLineByIccid(Iccid.parse(UNKNOWN_ICCID)), "NOT_FOUND");
    }

    @Test
    void looksUpALineByNumberWithTheStandardCharacteristicFilter() throws Exception {
        start();
        Line line = client.findLineByNumber(new Msisdn(VOICE_MSISDN));
        assertThat(line.id()).isEqualTo(VOICE_PRODUCT);
        assertThat(carrier.requestLog()).anyMatch(r -> r.startsWith("GET " + StandardCarrier.PRODUCT_PATH
                + "?") && r.contains("productCharacteristic.value=%2B819011112222"));
        assertClientRequestsConform();
    }

    // ------------------------------------------------------------------------------------------------ balance, usage

    @Test
    void balanceSumsTheActiveBucketsInTheCarriersUnits() throws Exception {
        start();
        Balance balance = client.balance(voiceLine());
        assertThat(balance.yen()).isEqualTo(1500);
        assertThat(balance.dataBytes()).as("2.5 GB + 300 MB; the expired 1 GB is not left").isEqualTo(2_800_000_000L);
        assertThat(balance.voiceSeconds()).isEqualTo(600);
        assertClientRequestsConform();
    }

    @Test
    void usageIsThisLinesOnlyCountedOnJapaneseDays() throws Exception {
        start();
        LocalDate today = LocalDate.ofInstant(clock.instant(), JAPAN);
        List<DailyUsage> usage = client.dailyUsage(voiceLine(), today.minusDays(1));
        assertThat(usage).containsExactlyInAnyOrder(new DailyUsage(today.minusDays(1), 1_200_000_000L),
                new DailyUsage(today, 412_500_000L));
        assertThat(carrier.requestLog()).anyMatch(r -> r.startsWith("GET " + StandardCarrier.USAGE_PATH + "?")
                && r.contains("ratedProductUsage.productRef.id=" + VOICE_PRODUCT));
        assertClientRequestsConform();
    }

    // ------------------------------------------------------------------------------------------------ offers, top-up

    @Test
    void offersResolveTheirPriceReferences() throws Exception {
        start();
        List<TopUpOffer> offers = client.topUpOffers(voiceLine());
        assertThat(offers).containsExactlyInAnyOrder(
                new TopUpOffer(TOPUP_1GB, "1 GB for 30 days", 1_000_000_000L, TOPUP_1GB_YEN, Duration.ofDays(30)),
                new TopUpOffer(TOPUP_500MB, "500 MB for 7 days", 500_000_000L, TOPUP_500MB_YEN, Duration.ofDays(7)));
        assertThat(carrier.requestLog()).anyMatch(r -> r.startsWith("GET " + StandardCarrier.PRICE_PATH + "/"));
        assertClientRequestsConform();
    }

    @Test
    void aTopUpIsOneStandardOrderPolledUntilCompleted() throws Exception {
        start();
        TopUpOffer offer = offer(TOPUP_1GB);
        TopUpOrder order = client.orderTopUp(voiceLine(), offer, "kiosk-order-1");
        assertThat(order.offerId()).isEqualTo(TOPUP_1GB);
        assertThat(order.amountYen()).isEqualTo(TOPUP_1GB_YEN);
        assertThat(order.paymentCode()).matches("\\d{4}-\\d{4}-\\d{4}");
        assertThat(order.payBy()).isAfter(clock.instant());
        assertThat(carrier.topUpsApplied()).isEqualTo(1);
        JsonNode sent = carrier.topUps().get(0);
        assertThat(sent.path("status").asText()).isEqualTo("completed");
        assertThat(sent.path("id").asText()).isEqualTo(order.orderId());
        assertThat(sent.path("externalId").asText()).as("the kiosk's correlator").isNotEmpty();
        assertThat(sent.path("product").get(0).path("id").asText()).isEqualTo(VOICE_PRODUCT);
        assertClientRequestsConform();
    }

    @Test
    void aDroppedAnswerDoesNotBuyTwice() throws Exception {
        start();
        TopUpOffer offer = offer(TOPUP_500MB);
        carrier.dropConnectionAfterNextTopUp();
        TopUpOrder order = client.orderTopUp(voiceLine(), offer, "kiosk-order-2");
        assertThat(carrier.topUpsApplied()).as("found by its externalId, not resent").isEqualTo(1);
        assertThat(order.orderId()).isEqualTo(carrier.topUps().get(0).path("id").asText());
        assertThat(order.amountYen()).isEqualTo(TOPUP_500MB_YEN);
        assertClientRequestsConform();
    }

    @Test
    void aFailedOrderIsAClassifiedErrorNotAPaymentCode() throws Exception {
        start();
        TopUpOffer offer = offer(TOPUP_1GB);
        carrier.failTopUps("top-ups are closed for maintenance");
        assertThatThrownBy(() -> client.orderTopUp(voiceLine(), offer, "kiosk-order-3"))
                .isInstanceOfSatisfying(CarrierException.class,
                        e -> assertThat(e.error().name()).isIn("NOT_SUPPORTED", "UNAVAILABLE"));
        assertThat(carrier.topUpsApplied()).isEqualTo(1);
    }

    private TopUpOffer offer(String id) throws CarrierException {
        return client.topUpOffers(voiceLine()).stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------ OTP

    @Test
    void sendsAndValidatesACodeWithTheOtpScope() throws Exception {
        start();
        OtpChallenge challenge = client.sendCode(new Msisdn(VOICE_MSISDN), SMS);
        String code = carrier.lastCodeSentTo(VOICE_MSISDN).orElseThrow();
        client.validateCode(challenge, code);
        assertThat(challenge.resendAllowedAt()).isAfter(clock.instant().plusSeconds(50));
        assertThat(carrier.tokenRequests()).anyMatch(t -> t.grantedScopes().contains(StandardCarrier.OTP_SCOPE));
        assertClientRequestsConform();
    }

    @Test
    void wrongCodesThenTooManyWrongCodes() throws Exception {
        start();
        OtpChallenge challenge = client.sendCode(new Msisdn(VOICE_MSISDN), SMS);
        String wrong = carrier.lastCodeSentTo(VOICE_MSISDN).orElseThrow().equals("000000") ? "000001" : "000000";
        assertError(() -> client.validateCode(challenge, wrong), "OTP_INVALID");
        assertError(() -> client.validateCode(challenge, wrong), "OTP_INVALID");
        assertError(() -> client.validateCode(challenge, wrong), "OTP_VERIFICATION_FAILED");
    }

    @Test
    void anExpiredCodeSaysSo() throws Exception {
        start(b -> b.otpLifetime(Duration.ZERO));
        OtpChallenge challenge = client.sendCode(new Msisdn(VOICE_MSISDN), SMS);
        String code = carrier.lastCodeSentTo(VOICE_MSISDN).orElseThrow();
        assertError(() -> client.validateCode(challenge, code), "OTP_EXPIRED");
    }

    @Test
    void aBlockedNumberCannotGetCodes() throws Exception {
        start(b -> b.refuseCodes(SUSPENDED_MSISDN, "ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_BLOCKED"));
        assertError(() -> client.sendCode(new Msisdn(SUSPENDED_MSISDN), SMS), "NUMBER_CANNOT_GET_CODES");
    }

    @Test
    void withoutTheOtpScopeTheKioskIsNotAuthorised() throws Exception {
        start(b -> b.grantableScopes(StandardCarrier.KYC_SCOPE));
        assertError(() -> client.sendCode(new Msisdn(VOICE_MSISDN), SMS), "UNAUTHORIZED");
    }

    @Test
    void oneUnauthenticatedAnswerIsHealedByANewToken() throws Exception {
        start();
        carrier.failNext(Call.SEND_CODE, 401, "UNAUTHENTICATED");
        client.sendCode(new Msisdn(VOICE_MSISDN), SMS);
        assertThat(carrier.outbox()).hasSize(1);
    }

    /** Every error of the OTP document, with how many times it is answered and the kiosk error it must become. */
    static Stream<Arguments> otpErrors() {
        return Stream.of(
                arguments(Call.SEND_CODE, 400, "INVALID_ARGUMENT", 1, "BAD_RESPONSE"),
                arguments(Call.VALIDATE_CODE, 400, "OUT_OF_RANGE", 1, "BAD_RESPONSE"),
                arguments(Call.VALIDATE_CODE, 400, "ONE_TIME_PASSWORD_SMS.VERIFICATION_FAILED", 1,
                        "OTP_VERIFICATION_FAILED"),
                arguments(Call.VALIDATE_CODE, 400, "ONE_TIME_PASSWORD_SMS.VERIFICATION_EXPIRED", 1, "OTP_EXPIRED"),
                arguments(Call.VALIDATE_CODE, 400, "ONE_TIME_PASSWORD_SMS.INVALID_OTP", 1, "OTP_INVALID"),
                arguments(Call.SEND_CODE, 401, "UNAUTHENTICATED", 2, "UNAUTHORIZED"),
                arguments(Call.SEND_CODE, 403, "PERMISSION_DENIED", 1, "UNAUTHORIZED"),
                arguments(Call.SEND_CODE, 403, "ONE_TIME_PASSWORD_SMS.MAX_OTP_CODES_EXCEEDED", 1,
                        "OTP_MAX_CODES_EXCEEDED"),
                arguments(Call.SEND_CODE, 403, "ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_NOT_ALLOWED", 1,
                        "NUMBER_CANNOT_GET_CODES"),
                arguments(Call.SEND_CODE, 403, "ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_BLOCKED", 1,
                        "NUMBER_CANNOT_GET_CODES"),
                arguments(Call.SEND_CODE, 404, "NOT_FOUND", 1, "NOT_FOUND"),
                arguments(Call.VALIDATE_CODE, 404, "NOT_FOUND", 1, "NOT_FOUND"),
                arguments(Call.SEND_CODE, 429, "QUOTA_EXCEEDED", 3, "RATE_LIMITED"),
                arguments(Call.VALIDATE_CODE, 429, "TOO_MANY_REQUESTS", 3, "RATE_LIMITED"),
                arguments(Call.SEND_CODE, 503, "UNAVAILABLE", 5, "UNAVAILABLE"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @MethodSource("otpErrors")
    void everyOtpErrorBecomesWhatTheCustomerShouldHear(Call api, int status, String code, int times, String expected)
            throws Exception {
        start();
        Msisdn number = new Msisdn(VOICE_MSISDN);
        OtpChallenge challenge = api == Call.VALIDATE_CODE ? client.sendCode(number, SMS) : null;
        carrier.failNext(api, times, status, code);
        if (api == Call.SEND_CODE) {
            assertError(() -> client.sendCode(number, SMS), expected);
        } else {
            assertError(() -> client.validateCode(challenge, "123456"), expected);
        }
    }

    // ------------------------------------------------------------------------------------------------ KYC Match

    @Test
    void kycMatchSendsTheWholeDocumentWithThePhoneNumber() throws Exception {
        start();
        client.verifyRegisteredDetail(voiceLine(), VerificationMethod.ID_DOCUMENT, "tk 1234-567");
        JsonNode sent = carrier.kycRequests().get(0);
        assertThat(sent.path("phoneNumber").asText()).isEqualTo(VOICE_MSISDN);
        assertThat(sent.path("idDocument").asText()).isEqualTo("TK1234567");
        assertThat(sent.has("productId")).isFalse();
        assertThat(carrier.tokenRequests()).anyMatch(t -> t.grantedScopes().contains(StandardCarrier.KYC_SCOPE));
        assertClientRequestsConform();
    }

    @Test
    void aLineWithoutANumberIsNamedByTheProductIdExtension() throws Exception {
        start();
        client.verifyRegisteredDetail(dataLine(), VerificationMethod.ID_DOCUMENT, StandardFixture.DATA_ID_DOCUMENT);
        JsonNode sent = carrier.kycRequests().get(0);
        assertThat(sent.path("productId").asText()).isEqualTo(DATA_PRODUCT);
        assertThat(sent.has("phoneNumber")).isFalse();
        assertClientRequestsConform();
    }

    @Test
    void aWrongDocumentIsAMismatchWhetherTheOperatorGatesOrAnswers() throws Exception {
        start();
        assertError(() -> client.verifyRegisteredDetail(voiceLine(), VerificationMethod.ID_DOCUMENT, "TK7654321"),
                "DETAIL_MISMATCH");
        stop();
        start(b -> b.kycRequiresIdDocument(false));
        assertError(() -> client.verifyRegisteredDetail(voiceLine(), VerificationMethod.ID_DOCUMENT, "TK7654321"),
                "DETAIL_MISMATCH");
    }

    @Test
    void aLineTheCheckDoesNotApplyToIsNotSupported() throws Exception {
        start();
        Line suspended = new Line(SUSPENDED_PRODUCT, LineStatus.SUSPENDED, VOICE_PLAN, VOICE_PLAN,
                Optional.of(new Msisdn(SUSPENDED_MSISDN)), List.of(VerificationMethod.ID_DOCUMENT));
        assertError(() -> client.verifyRegisteredDetail(suspended, VerificationMethod.ID_DOCUMENT, "TK1234567"),
                "NOT_SUPPORTED");
    }

    static Stream<Arguments> kycErrors() {
        return Stream.of(
                arguments(400, "INVALID_ARGUMENT", 1, "BAD_RESPONSE"),
                arguments(400, "KNOW_YOUR_CUSTOMER.INVALID_PARAM_COMBINATION", 1, "BAD_RESPONSE"),
                arguments(401, "UNAUTHENTICATED", 2, "UNAUTHORIZED"),
                arguments(401, "AUTHENTICATION_REQUIRED", 2, "UNAUTHORIZED"),
                arguments(403, "PERMISSION_DENIED", 1, "UNAUTHORIZED"),
                arguments(403, "INVALID_TOKEN_CONTEXT", 1, "UNAUTHORIZED"),
                arguments(403, "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_REQUIRED", 1, "DETAIL_MISMATCH"),
                arguments(403, "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_MISMATCH", 1, "DETAIL_MISMATCH"),
                arguments(404, "NOT_FOUND", 1, "NOT_FOUND"),
                arguments(404, "IDENTIFIER_NOT_FOUND", 1, "NOT_FOUND"),
                arguments(422, "SERVICE_NOT_APPLICABLE", 1, "NOT_SUPPORTED"),
                arguments(422, "MISSING_IDENTIFIER", 1, "NOT_SUPPORTED"),
                arguments(429, "TOO_MANY_REQUESTS", 3, "RATE_LIMITED"),
                arguments(503, "UNAVAILABLE", 5, "UNAVAILABLE"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("kycErrors")
    void everyKycMatchErrorBecomesWhatTheCustomerShouldHear(int status, String code, int times, String expected)
            throws Exception {
        start();
        carrier.failNext(Call.KYC_MATCH, times, status, code);
        assertError(() -> client.verifyRegisteredDetail(voiceLine(), VerificationMethod.ID_DOCUMENT, "TK1234567"),
                expected);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Every request the client sent (but the RFC 6749 token requests, which no API document covers) is one the
     * official documents define: body valid, query parameters known to the document or in contract v2's extension
     * table.
     */
    private void assertClientRequestsConform() {
        OfficialApis apis = OfficialApis.shared();
        for (StandardCarrier.Received r : carrier.received()) {
            if (r.pathAndQuery().startsWith(StandardCarrier.TOKEN_PATH)) {
                continue;
            }
            assertThat(apis.checkQuery(r.method(), r.pathAndQuery(), queryExtensions(r.pathAndQuery())))
                    .as(r.toString()).isEmpty();
            if (!r.body().isEmpty()) {
                assertThat(apis.validateRequest(r.method(), r.pathAndQuery(), r.body())).as(r.toString()).isEmpty();
            }
        }
    }

    /** Contract v2's query extensions, each only where it belongs: the top-up correlator, offerings for a line. */
    private static Set<String> queryExtensions(String pathAndQuery) {
        if (pathAndQuery.startsWith(StandardCarrier.TOPUP_PATH + "?")) {
            return Set.of("externalId");
        }
        return pathAndQuery.startsWith(StandardCarrier.OFFERING_PATH + "?") ? Set.of("product.id") : Set.of();
    }

    /**
     * The call fails with the kiosk error named {@code expected}. By name, because contract v2 adds
     * {@code NUMBER_CANNOT_GET_CODES} to {@code CarrierError} and this test must compile before it exists.
     */
    private static void assertError(ThrowingCallable call, String expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.error().name()).as(e.getMessage()).isEqualTo(expected));
    }
}
