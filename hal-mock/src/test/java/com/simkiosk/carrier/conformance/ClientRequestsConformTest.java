package com.simkiosk.carrier.conformance;

import static com.simkiosk.testing.conformance.CarrierPaths.KYC_MATCH;
import static com.simkiosk.testing.conformance.CarrierPaths.TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.testing.MutableClock;
import com.simkiosk.testing.TestTime;
import com.simkiosk.testing.conformance.ProjectExtensions;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request the kiosk's real client sends through a customer journey (recorded by a front on loopback between
 * it and the simulator) is one the official documents define: a documented path and method, a body valid for the
 * operation, and query filters the document knows or the extensions table of docs/carrier-api.md lists. Its
 * answers are validated as well, and the OAuth token requests ask for the scope of each CAMARA API.
 */
class ClientRequestsConformTest {
    private static final Instant START = Instant.parse("2026-11-26T03:00:00Z");
    /** The extension query parameters are those the extensions table of docs/carrier-api.md lists. */
    private static final ProjectExtensions EXTENSIONS = ProjectExtensions.load();

    private final MutableClock clock = new MutableClock(START);
    private final ConformanceReport report = new ConformanceReport();
    private final ObjectMapper json = new ObjectMapper();
    private CarrierSimulator sim;
    private RecordingFront front;
    private TmfCarrierClient client;

    @BeforeEach
    void start() throws IOException {
        sim = CarrierSimulator.builder().clock(clock).start();
        front = new RecordingFront(sim.baseUri());
        client = new TmfCarrierClient(CarrierEndpoint.of("sim", front.baseUri(), DemoLines.CLIENT_ID,
                DemoLines.CLIENT_SECRET).withTimeouts(TestTime.bound(Duration.ofSeconds(2)),
                TestTime.bound(Duration.ofSeconds(5))), clock);
    }

    @AfterEach
    void stop() {
        client.close();
        front.close();
        sim.close();
    }

    @Test
    void everyRequestOfACustomerJourneyIsOneTheDocumentsDefine() throws IOException {
        DemoLine au = sim.demoLines().auPrepaid();
        DemoLine tourist = sim.demoLines().touristData();
        Msisdn number = au.msisdn().orElseThrow();

        // SIMs in the reader: lookups and registered details (by productId without a number, else phoneNumber).
        Line touristLine = step("lookup by ICCID", () -> client.findLineByIccid(tourist.iccid()));
        if (touristLine != null) {
            step("ID document check", () -> {
                client.verifyRegisteredDetail(touristLine, VerificationMethod.ID_DOCUMENT, tourist.idDocument());
                return null;
            });
            step("order number check", () -> {
                client.verifyRegisteredDetail(touristLine, VerificationMethod.ORDER_NUMBER, tourist.orderNumber());
                return null;
            });
        }
        Line auBySim = step("lookup by ICCID of a line with a number", () -> client.findLineByIccid(au.iccid()));
        if (auBySim != null) {
            step("ID document check of a line with a number", () -> {
                client.verifyRegisteredDetail(auBySim, VerificationMethod.ID_DOCUMENT, au.idDocument());
                return null;
            });
        }
        // A typed number: code by SMS, then the line; then its balance, usage, offers and a top-up.
        OtpChallenge challenge = step("send-code", () -> client.sendCode(number, "{{code}} is your SIM kiosk code"));
        if (challenge != null) {
            String code = sim.smsOutbox().latestTo(number.e164()).orElseThrow().code();
            step("validate-code", () -> {
                client.validateCode(challenge, code);
                return null;
            });
        }
        Line auLine = step("lookup by number", () -> client.findLineByNumber(number));
        Line line = auLine != null ? auLine : auBySim; // the rest of the journey needs one of the two lookups
        if (line != null) {
            step("balance", () -> client.balance(line));
            step("usage", () -> client.dailyUsage(line, LocalDate.of(2026, 11, 20)));
            List<TopUpOffer> offers = step("offers", () -> client.topUpOffers(line));
            if (offers != null && !offers.isEmpty()) {
                step("top-up", () -> client.orderTopUp(line, offers.get(0), UUID.randomUUID().toString()));
            }
        }

        checkRecorded();
        checkKycRequests(Set.of(tourist.idDocument(), au.idDocument()), number);
        report.assertConforms();
    }

    private void checkRecorded() {
        boolean otpScope = false;
        boolean kycScope = false;
        for (RecordingFront.Exchange e : front.exchanges()) {
            if (e.pathAndQuery().startsWith(TOKEN)) {
                String scope = formValue(e.requestBody(), "scope");
                otpScope |= List.of(scope.split(" ")).contains("one-time-password-sms:send-validate");
                kycScope |= List.of(scope.split(" ")).contains("kyc-match:match");
                continue; // RFC 6749, in no TMF/CAMARA document
            }
            report.request(e.method(), e.pathAndQuery(), e.requestBody());
            report.add(e.method() + " " + e.pathAndQuery() + " (query)",
                    report.apis.checkQuery(e.method(), e.pathAndQuery(),
                            EXTENSIONS.queryParameters(URI.create(e.pathAndQuery()).getRawPath())));
            report.answer(e.method(), e.pathAndQuery(), e.status(), e.status(), e.responseBody());
        }
        report.expect(otpScope, "a token requested with scope one-time-password-sms:send-validate (CAMARA OTP SMS)");
        report.expect(kycScope, "a token requested with scope kyc-match:match (CAMARA KYC Match)");
    }

    /** CAMARA KYC Match compares the whole document, and names a line by its phoneNumber where it has one. */
    private void checkKycRequests(Set<String> registeredDocuments, Msisdn lineWithNumber) throws IOException {
        boolean byNumber = false;
        for (RecordingFront.Exchange e : front.exchanges()) {
            if (!e.pathAndQuery().startsWith(KYC_MATCH)) {
                continue;
            }
            JsonNode body = json.readTree(e.requestBody());
            if (body.has("idDocument")) {
                report.expect(registeredDocuments.contains(body.get("idDocument").asText()),
                        "KYC Match sends the whole registered document number, not " + body.get("idDocument").asText().length()
                                + " characters of it");
            }
            byNumber |= lineWithNumber.e164().equals(body.path("phoneNumber").asText());
        }
        report.expect(byNumber, "KYC Match names a line that has a number by its phoneNumber (CAMARA), not an extension");
    }

    private interface Call<T> {
        T run() throws CarrierException, IOException;
    }

    /** Runs one client call; a failure is reported (the journey goes on, so one run lists every deviation). */
    private <T> T step(String what, Call<T> call) {
        try {
            return call.run();
        } catch (CarrierException | IOException | RuntimeException e) {
            report.expect(false, what + " succeeds, but the client said " + e);
            return null;
        }
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && name.equals(URLDecoder.decode(kv[0], StandardCharsets.UTF_8))) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
