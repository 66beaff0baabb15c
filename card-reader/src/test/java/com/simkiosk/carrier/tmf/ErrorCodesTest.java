package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.simkiosk.carrier.CarrierError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error code of the official CAMARA documents, read out of the YAML files, against the table of
 * docs/carrier-client.md ("Error codes") and against {@link ErrorCodes}: a code added to a document without a row,
 * or a row the code disagrees with, fails here.
 */
class ErrorCodesTest {
    static final String OTP_DOC = "camara-one-time-password-sms-v1.1.1.yaml";
    static final String KYC_DOC = "camara-kyc-match-v0.3.0.yaml";
    static final String COMMON_DOC = "CAMARA_common-r2.3.yaml";

    /** One code as a document lists it: the response status it comes with. */
    record DocumentedCode(String document, ApiFamily family, int status, String code) {
        @Override
        public String toString() {
            return family + " " + status + " " + code + " (" + document + ")";
        }
    }

    /** One row of the table in docs/carrier-client.md. */
    record Row(String api, int status, String code, CarrierError error) {}

    static Stream<Arguments> documentedCodes() throws IOException {
        List<DocumentedCode> all = new ArrayList<>();
        all.addAll(codes(OTP_DOC, ApiFamily.OTP));
        all.addAll(codes(KYC_DOC, ApiFamily.KYC));
        // The generic codes any CAMARA API may answer: both families the kiosk calls must know them.
        all.addAll(codes(COMMON_DOC, ApiFamily.OTP));
        all.addAll(codes(COMMON_DOC, ApiFamily.KYC));
        return all.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedCodes")
    void everyDocumentedCodeHasARowAndTheClientClassifiesItSo(DocumentedCode documented) throws IOException {
        Row row = rowFor(documented).orElseThrow(() -> new AssertionError(
                "docs/carrier-client.md has no row for " + documented));

        assertThat(row.status()).as("status of %s in the table", documented).isEqualTo(documented.status());
        assertThat(ErrorCodes.byCode(documented.family(), documented.code()))
                .as("ErrorCodes entry for %s", documented).contains(row.error());
        assertThat(ErrorCodes.classify(documented.family(), documented.status(), Optional.of(documented.code())))
                .as("classification of %s", documented).isEqualTo(row.error());
    }

    @Test
    void theDocumentsAreReadAtAll() throws IOException {
        // Guards the test above against a parser that silently finds nothing.
        assertThat(codes(OTP_DOC, ApiFamily.OTP)).extracting(DocumentedCode::code).contains(
                "ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_NOT_ALLOWED", "ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_BLOCKED",
                "ONE_TIME_PASSWORD_SMS.INVALID_OTP", "QUOTA_EXCEEDED", "OUT_OF_RANGE");
        assertThat(codes(KYC_DOC, ApiFamily.KYC)).extracting(DocumentedCode::code).contains(
                "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_MISMATCH", "KNOW_YOUR_CUSTOMER.ID_DOCUMENT_REQUIRED",
                "SERVICE_NOT_APPLICABLE", "MISSING_IDENTIFIER");
        assertThat(codes(COMMON_DOC, ApiFamily.OTP)).hasSizeGreaterThan(20);
        assertThat(table()).hasSizeGreaterThan(40);
    }

    @Test
    void aNumberThatCannotGetCodesIsTheCustomersMatterNotTheKiosksAuthorisation() {
        for (String code : List.of("ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_NOT_ALLOWED", "ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_BLOCKED")) {
            assertThat(ErrorCodes.classify(ApiFamily.OTP, 403, Optional.of(code))).isEqualTo(CarrierError.NUMBER_CANNOT_GET_CODES);
        }
        assertThat(ErrorCodes.classify(ApiFamily.OTP, 403, Optional.of("PERMISSION_DENIED"))).isEqualTo(CarrierError.UNAUTHORIZED);
    }

    @Test
    void missingIdentifierMeansAnotherMethodInKycMatchButAKioskBugElsewhere() {
        assertThat(ErrorCodes.classify(ApiFamily.KYC, 422, Optional.of("MISSING_IDENTIFIER"))).isEqualTo(CarrierError.NOT_SUPPORTED);
        assertThat(ErrorCodes.classify(ApiFamily.TMF, 422, Optional.of("MISSING_IDENTIFIER"))).isEqualTo(CarrierError.BAD_RESPONSE);
        assertThat(ErrorCodes.configurationProblem(ApiFamily.KYC, "MISSING_IDENTIFIER")).isPresent();
        assertThat(ErrorCodes.configurationProblem(ApiFamily.KYC, "SERVICE_NOT_APPLICABLE")).isEmpty();
    }

    @Test
    void aCodeNoDocumentNamesFallsBackOnTheStatus() {
        assertThat(ErrorCodes.classify(ApiFamily.KYC, 429, Optional.of("SLOW_DOWN"))).isEqualTo(CarrierError.RATE_LIMITED);
        assertThat(ErrorCodes.classify(ApiFamily.KYC, 502, Optional.empty())).isEqualTo(CarrierError.UNAVAILABLE);
        assertThat(ErrorCodes.classify(ApiFamily.OTP, 403, Optional.of("SOMETHING_NEW"))).isEqualTo(CarrierError.UNAUTHORIZED);
    }

    @Test
    void theFamilyOfACallFollowsItsPath() {
        assertThat(ApiFamily.of(TmfCarrierClient.SEND_CODE)).isEqualTo(ApiFamily.OTP);
        assertThat(ApiFamily.of(TmfCarrierClient.VALIDATE_CODE)).isEqualTo(ApiFamily.OTP);
        assertThat(ApiFamily.of(TmfCarrierClient.KYC_MATCH)).isEqualTo(ApiFamily.KYC);
        assertThat(ApiFamily.of(TmfCarrierClient.PRODUCT + "?realizingResource.id=1")).isEqualTo(ApiFamily.TMF);
    }

    // ---- reading the documents ----

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_.]*");

    /**
     * The codes of every response under {@code components.responses}: its {@code code} enum and its examples'
     * {@code code}, each with the response's status. Placeholders such as {@code {{SPECIFIC_CODE}}} are skipped.
     */
    static List<DocumentedCode> codes(String document, ApiFamily family) throws IOException {
        JsonNode root = CamaraExamples.load(document).root();
        List<DocumentedCode> out = new ArrayList<>();
        root.path("components").path("responses").forEach(response -> {
            JsonNode json = response.path("content").path("application/json");
            Map<String, Integer> codes = new LinkedHashMap<>();
            Integer status = null;
            for (JsonNode part : json.path("schema").path("allOf")) {
                JsonNode properties = part.path("properties");
                for (JsonNode s : properties.path("status").path("enum")) {
                    status = s.asInt();
                }
                for (JsonNode c : properties.path("code").path("enum")) {
                    codes.put(c.asText(), null);
                }
            }
            for (JsonNode example : json.path("examples")) {
                JsonNode c = example.path("value").path("code");
                if (c.isTextual()) {
                    codes.put(c.asText(), example.path("value").path("status").asInt());
                }
            }
            for (Map.Entry<String, Integer> c : codes.entrySet()) {
                if (CODE.matcher(c.getKey()).matches()) {
                    int s = status != null ? status : c.getValue();
                    out.add(new DocumentedCode(document, family, s, c.getKey()));
                }
            }
        });
        return out.stream().distinct().toList();
    }

    private static final Pattern ROW = Pattern.compile(
            "^\\| (OTP|KYC|common) \\| (\\d{3}) \\| `([A-Z0-9_.]+)` \\| `([A-Z_]+)` \\|.*$", Pattern.MULTILINE);

    static List<Row> table() throws IOException {
        String doc = Files.readString(Specs.repoFile("docs/carrier-client.md"));
        int start = doc.indexOf("<!-- error-codes");
        assertThat(start).as("docs/carrier-client.md has its error-code table").isNotNegative();
        Matcher m = ROW.matcher(doc.substring(start));
        List<Row> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(new Row(m.group(1), Integer.parseInt(m.group(2)), m.group(3), CarrierError.valueOf(m.group(4))));
        }
        return rows;
    }

    /** The API's own row if it has one, else the common one (for a generic code from CAMARA_common). */
    static Optional<Row> rowFor(DocumentedCode documented) throws IOException {
        String api = documented.family() == ApiFamily.OTP ? "OTP" : "KYC";
        List<Row> rows = table();
        Optional<Row> own = rows.stream().filter(r -> r.api().equals(api) && r.code().equals(documented.code())).findFirst();
        if (own.isPresent() || !documented.document().equals(COMMON_DOC)) {
            return own;
        }
        return rows.stream().filter(r -> r.api().equals("common") && r.code().equals(documented.code())).findFirst();
    }

    /** Where the official documents are: the repository's copy in {@code docs/specs} (a fresh clone has it). */
    static final class Specs {
        static Path path(String document) {
            return com.simkiosk.testing.conformance.OfficialApis.locate().resolve(document);
        }

        static Path repoFile(String relative) {
            return find(relative, 3);
        }

        private static Path find(String relative, int levels) {
            Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
            for (int up = 0; dir != null && up < levels; up++, dir = dir.getParent()) {
                Path candidate = dir.resolve(relative);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            throw new IllegalStateException(relative + " not found above " + System.getProperty("user.dir"));
        }
    }
}
