package com.simkiosk.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.kiosk.config.KioskConfig.PrinterChoice;
import com.simkiosk.kiosk.config.KioskConfig.ReaderChoice;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.Language;
import java.net.URI;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskConfigTest {

    private static final Path DOCUMENTED_EXAMPLE = Path.of("..", "docs", "examples", "kiosk.json");
    static final String PIN_BLOCK = """
            "maintenancePin": {"iterations": 600000, "salt": "KKB47rpw22rW4LuR/8JxUA==",
                               "hash": "6fqbDaU2vfPH30VV873oFEJ4Y7vUQbcm3eTdgjVqrHI="}""";

    static String minimal(String extra) {
        return """
                {"storeId": "s1", "kioskId": "k1",
                 "reader": {"type": "memory"}, "printer": {"type": "memory"},
                 "backends": [{"name": "sim", "baseUrl": "http://127.0.0.1:8080", "clientId": "c",
                               "clientSecret": "s3cret", "iccidPrefixes": ["8981"]}],
                 %s %s}""".formatted(PIN_BLOCK, extra);
    }

    @TempDir
    Path tmp;

    /** The documented example as an operator installs it: readable by the kiosk's user alone (it holds secrets). */
    private Path example() throws Exception {
        return privateCopy(Files.readString(DOCUMENTED_EXAMPLE));
    }

    private Path privateCopy(String json) throws Exception {
        return ownerOnly(Files.writeString(tmp.resolve("kiosk.json"), json));
    }

    static Path ownerOnly(Path file) throws Exception {
        return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static List<String> problems(String json) {
        try {
            KioskConfig.parse(json, "test.json", Optional.empty());
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the config to be refused");
    }

    @Test
    void theDocumentedExampleLoads() throws Exception {
        KioskConfig config = KioskConfig.load(example());

        assertThat(config.storeId()).isEqualTo("store-0042");
        assertThat(config.kioskId()).isEqualTo("kiosk-01");
        assertThat(config.reader()).isEqualTo(new ReaderChoice.Pcsc(Optional.of("ACS ACR39U ICC Reader 00 00")));
        assertThat(config.testRig()).isFalse();
        assertThat(config.backends()).extracting(KioskConfig.Backend::name).containsExactly("docomo-mvno", "kddi-mvno");
        assertThat(config.backends().get(0).iccidPrefixes()).containsExactly("898110", "898112");
        assertThat(config.backends().get(1).baseUrl()).isEqualTo(URI.create("https://tmf.kddi-mvno.example.jp/api"));
        assertThat(config.aggregator()).map(KioskConfig.Backend::name).contains("number-aggregator");
        assertThat(config.printer()).isEqualTo(new PrinterChoice.EscPosSerial("/dev/ttyS0", 9600));
        assertThat(config.languages()).containsExactly(Language.values());
        assertThat(config.defaultLanguage()).isEqualTo(Language.JA);
        assertThat(config.timeouts().carrierCall()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maintenancePin().matches("24681357".toCharArray())).isTrue();
        assertThat(config.maintenancePin().matches("24681358".toCharArray())).isFalse();
    }

    @Test
    void theFlowGetsTimeoutsReaderNameLanguageAndIds() throws Exception {
        FlowConfig flow = KioskConfig.load(example()).flowConfig();

        assertThat(flow.idleWarningAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(flow.idleCountdown()).isEqualTo(Duration.ofSeconds(15));
        assertThat(flow.readerName()).contains("ACS ACR39U ICC Reader 00 00");
        assertThat(flow.defaultLanguage()).isEqualTo(Language.JA);
        assertThat(flow.storeId()).isEqualTo("store-0042");
        assertThat(flow.kioskId()).isEqualTo("kiosk-01");
        // carrierCallSeconds 5, plus the client's Retry-After pauses (5 s at most), plus the flow's 1 s of grace
        assertThat(flow.carrierWait()).isEqualTo(Duration.ofSeconds(5).plus(CarrierEndpoint.DEFAULT_MAX_RETRY_AFTER)
                .plus(FlowConfig.CARRIER_GRACE)).isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void secretsNeverShowInToString() throws Exception {
        KioskConfig config = KioskConfig.load(example());

        assertThat(config.toString()).doesNotContain("change-me", "6fqbDaU2", "KKB47rpw")
                .contains("docomo-mvno");
    }

    @Test
    void aMinimalDemoConfigTakesTheDefaults() throws Exception {
        KioskConfig config = KioskConfig.parse(minimal(""), "test.json", Optional.empty());

        assertThat(config.reader()).isEqualTo(new ReaderChoice.Memory());
        assertThat(config.printer()).isEqualTo(new PrinterChoice.Memory());
        assertThat(config.aggregator()).isEmpty();
        assertThat(config.languages()).hasSize(5);
        assertThat(config.timeouts().idleWarning()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.flowConfig().readerName()).isEmpty();
    }

    @Test
    void brokenJsonSaysWhereInOneLine() {
        List<String> problems = problems("{\"storeId\": \"s1\",\n  \"kioskId\": }");

        assertThat(problems).singleElement().asString()
                .startsWith("line 2, column ")
                .contains("not valid JSON")
                .doesNotContain("\n", "at com.");
    }

    @Test
    void everyMissingFieldIsListedAtOnce() {
        List<String> problems = problems("{}");

        assertThat(problems).contains("storeId: missing", "kioskId: missing", "reader: missing", "printer: missing",
                "maintenancePin: missing");
        assertThat(problems).anyMatch(p -> p.startsWith("backends: at least one back end"));
    }

    @Test
    void aTypoIsNamedWithTheKnownFields() {
        List<String> problems = problems(minimal(", \"timeouts\": {\"idleWarningSecs\": 30}"));

        assertThat(problems).singleElement().asString()
                .startsWith("timeouts.idleWarningSecs: unknown field")
                .contains("idleWarningSeconds");
    }

    @Test
    void readerAndPrinterTypesAreChecked() {
        String json = minimal("").replace("{\"type\": \"memory\"}, \"printer\": {\"type\": \"memory\"}",
                "{\"type\": \"usb\"}, \"printer\": {\"type\": \"escpos-serial\", \"baud\": 7}");

        assertThat(problems(json)).containsExactlyInAnyOrder(
                "reader.type: must be pcsc, serial or memory (was 'usb')",
                "printer.device: missing",
                "printer.baud: must be a whole number from 1200 to 921600 (was 7)");
    }

    @Test
    void serialReaderNeedsItsDevice() throws Exception {
        String json = minimal("").replace("\"reader\": {\"type\": \"memory\"}",
                "\"reader\": {\"type\": \"serial\", \"device\": \"/dev/ttyUSB0\"}");

        KioskConfig config = KioskConfig.parse(json, "test.json", Optional.empty());

        assertThat(config.reader()).isEqualTo(new ReaderChoice.Serial("/dev/ttyUSB0", 115_200));
    }

    @Test
    void plainHttpIsOnlyAllowedToThisMachine() {
        String json = minimal("").replace("http://127.0.0.1:8080", "http://api.example.jp");

        assertThat(problems(json)).containsExactly(
                "backends[0].baseUrl: plain http is only allowed to this machine; use https://");
    }

    @Test
    void backEndFieldsAreChecked() {
        String json = minimal("").replace("\"8981\"", "\"4481\"").replace("\"clientId\": \"c\",", "");

        assertThat(problems(json)).containsExactlyInAnyOrder(
                "backends[0].clientId: missing",
                "backends[0].iccidPrefixes: '4481' is not an ICCID prefix (89 and 2 to 8 digits, e.g. 898110)");
    }

    @Test
    void twoBackEndsCannotShareAName() {
        String backend = "{\"name\": \"a\", \"baseUrl\": \"https://a.example\", \"clientId\": \"c\", "
                + "\"clientSecret\": \"s\", \"iccidPrefixes\": [\"898110\"]}";
        String json = minimal("").replaceFirst("(?s)\"backends\": \\[.*?}]", "\"backends\": [" + backend + ", " + backend + "]");

        assertThat(problems(json)).containsExactly("backends: two back ends are named 'a'");
    }

    @Test
    void trustStoreIsResolvedNextToTheConfigAndMustBeReadable(@TempDir Path dir) throws Exception {
        String json = minimal("").replace("\"iccidPrefixes\"", "\"trustStore\": \"ca.p12\", \"iccidPrefixes\"");
        Path file = ownerOnly(Files.writeString(dir.resolve("kiosk.json"), json));

        assertThatThrownBy(() -> KioskConfig.load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly(
                        "backends[0].trustStore: cannot read " + dir.toAbsolutePath().resolve("ca.p12")));

        Files.write(dir.resolve("ca.p12"), new byte[] {1});
        assertThat(KioskConfig.load(file).backends().get(0).trustStore()).contains(dir.toAbsolutePath().resolve("ca.p12"));
    }

    @Test
    void clientCertificateForMutualTlsIsResolvedNextToTheConfigAndMustBeReadable(@TempDir Path dir) throws Exception {
        String json = minimal("").replace("\"iccidPrefixes\"",
                "\"clientKeyStore\": \"kiosk.p12\", \"clientKeyStorePassword\": \"s3cret\", \"iccidPrefixes\"");
        Path file = ownerOnly(Files.writeString(dir.resolve("kiosk.json"), json));

        assertThatThrownBy(() -> KioskConfig.load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly(
                        "backends[0].clientKeyStore: cannot read " + dir.toAbsolutePath().resolve("kiosk.p12")));

        Files.write(dir.resolve("kiosk.p12"), new byte[] {1});
        KioskConfig.Backend backend = KioskConfig.load(file).backends().get(0);
        assertThat(backend.clientKeyStore()).contains(dir.toAbsolutePath().resolve("kiosk.p12"));
        assertThat(backend.clientKeyStorePassword()).contains("s3cret");
        assertThat(backend.toString()).doesNotContain("s3cret");
    }

    @Test
    void languagesAreChecked() {
        assertThat(problems(minimal(", \"languages\": [\"ja\", \"fr\"]")))
                .containsExactly("languages: unknown language 'fr' (known: ja, en, zh-Hans, zh-Hant, ko)");
        assertThat(problems(minimal(", \"languages\": [\"en\"]")))
                .containsExactly("defaultLanguage: 'ja' is not in languages");
    }

    @Test
    void timeoutsOutOfRangeAreRefused() {
        assertThat(problems(minimal(", \"timeouts\": {\"idleCountdownSeconds\": 0}")))
                .containsExactly("timeouts.idleCountdownSeconds: must be a whole number from 3 to 120 (was 0)");
    }

    @Test
    void aMangledPinHashIsRefusedWithAHint() {
        String json = minimal("").replace("\"hash\": \"6fqb", "\"hash\": \"!!!");

        assertThat(problems(json)).singleElement().asString()
                .startsWith("maintenancePin: hash must be Base64")
                .contains("./kiosk hash-pin");
    }

    @Test
    void aMissingFileIsSaidPlainly() {
        assertThatThrownBy(() -> KioskConfig.load(Path.of("no-such-kiosk.json")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("no-such-kiosk.json: file not found");
    }

    // ------------------------------------------------------------ hostile and mistaken files (issue 15, item 8)

    private List<String> loadProblems(Path file) {
        try {
            KioskConfig.load(file);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected " + file + " to be refused");
    }

    @Test
    void aDuplicateKeyIsRefusedInsteadOfTheLastOneWinning() {
        String json = minimal("").replace("\"storeId\": \"s1\",", "\"storeId\": \"s1\", \"storeId\": \"s2\",");

        assertThat(problems(json)).singleElement().asString()
                .contains("not valid JSON").contains("Duplicate field 'storeId'");
    }

    @Test
    void anUnquotedSecretIsRefusedWithoutEchoingIt() {
        String json = minimal("").replace("\"clientSecret\": \"s3cret\"", "\"clientSecret\": s3cr3tValue");

        assertThat(problems(json)).singleElement().asString()
                .startsWith("line ")
                .contains("not valid JSON")
                .doesNotContain("s3cr3t");
    }

    @Test
    void textAfterTheClosingBraceIsRefused() {
        assertThat(problems(minimal("") + "\n{\"storeId\": \"evil\"}")).singleElement().asString()
                .contains("not valid JSON (text after the closing brace)");
    }

    @Test
    void idsHaveALengthAndCharacterLimit() {
        String huge = minimal("").replace("\"storeId\": \"s1\"", "\"storeId\": \"" + "x".repeat(10_000_000) + "\"");
        String bell = minimal("").replace("\"kioskId\": \"k1\"", "\"kioskId\": \"k\\u0007\\n1\"");
        String slash = minimal("").replace("\"kioskId\": \"k1\"", "\"kioskId\": \"../k1\"");

        assertThat(problems(huge)).singleElement().asString()
                .startsWith("storeId: too long (10000000 characters; at most 2048)").hasSizeLessThan(200);
        assertThat(problems(bell)).containsExactly("kioskId: contains a control character (U+0007)");
        assertThat(problems(slash)).singleElement().asString()
                .startsWith("kioskId: must be 1 to 64 letters, digits, '.', '_' or '-'");
        assertThat(problems(minimal("").replace("\"storeId\": \"s1\"", "\"storeId\": \"" + "s".repeat(65) + "\"")))
                .singleElement().asString().startsWith("storeId: must be 1 to 64");
    }

    @Test
    void anEndlessFileIsCutAtOneMebibyteWithAOneLineReason() {
        assertThat(loadProblems(Path.of("/dev/zero")))
                .containsExactly("larger than 1 MiB: not a kiosk configuration (wrong file?)");
    }

    @Test
    void aByteOrderMarkFromAWindowsEditorIsAccepted() throws Exception {
        byte[] json = minimal("").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Path file = ownerOnly(Files.write(tmp.resolve("bom.json"), withBom));

        assertThat(KioskConfig.load(file).storeId()).isEqualTo("s1");
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws Exception {
        Path file = ownerOnly(Files.write(tmp.resolve("latin1.json"),
                minimal("").replace("s1", "s\u00e91").getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(loadProblems(file)).containsExactly("not UTF-8 text (save it as UTF-8)");
    }

    @Test
    void aConfigHoldingASecretThatOthersCanReadIsRefused() throws Exception {
        Path file = privateCopy(minimal(""));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(loadProblems(file)).containsExactly(
                "holds client secrets but group or others may read it (rw-r--r--): chmod 600 " + file
                        + ", or refer to them ({\"credential\": NAME} or {\"file\": PATH}) from backends[0].clientSecret");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(loadProblems(file)).singleElement().asString().contains("group or others may read it (rw-r-----)");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(KioskConfig.load(file).storeId()).isEqualTo("s1");
    }

    // ------------------------------------------------------------ the virtual reader (issue 15, item 6)

    @Test
    void aVirtualReaderIsRefusedOutsideATestRig() throws Exception {
        String json = minimal("").replace("\"reader\": {\"type\": \"memory\"}",
                "\"reader\": {\"type\": \"pcsc\", \"name\": \"Virtual PCD 00 00\"}");

        assertThat(problems(json)).singleElement().asString()
                .startsWith("reader.name: 'Virtual PCD 00 00' is vsmartcard's virtual reader")
                .contains("\"testRig\": true")
                .doesNotContain("\n");

        KioskConfig rig = KioskConfig.parse(minimal(", \"testRig\": true").replace("\"reader\": {\"type\": \"memory\"}",
                "\"reader\": {\"type\": \"pcsc\", \"name\": \"Virtual PCD 00 01\"}"), "test.json", Optional.empty());
        assertThat(rig.testRig()).isTrue();
        assertThat(rig.reader()).isEqualTo(new ReaderChoice.Pcsc(Optional.of("Virtual PCD 00 01")));
        assertThat(problems(minimal(", \"testRig\": \"yes\""))).containsExactly("testRig: must be true or false");
    }

    @Test
    void outOfServiceAfterTwoMinutesUnlessConfigured() throws Exception {
        assertThat(KioskConfig.parse(minimal(""), "test.json", Optional.empty()).timeouts().outOfService())
                .isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(KioskConfig.parse(minimal(", \"timeouts\": {\"outOfServiceSeconds\": 600}"), "test.json", Optional.empty())
                .timeouts().outOfService()).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(problems(minimal(", \"timeouts\": {\"outOfServiceSeconds\": 5}"))).containsExactly(
                "timeouts.outOfServiceSeconds: must be a whole number from 10 to 86400 (was 5)");
    }
}
