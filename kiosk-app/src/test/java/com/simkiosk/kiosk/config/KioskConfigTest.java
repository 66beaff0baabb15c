package com.simkiosk.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.kiosk.config.KioskConfig.PrinterChoice;
import com.simkiosk.kiosk.config.KioskConfig.ReaderChoice;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.Language;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskConfigTest {

    private static final Path EXAMPLE = Path.of("..", "docs", "examples", "kiosk.json");
    private static final String PIN_BLOCK = """
            "maintenancePin": {"iterations": 600000, "salt": "KKB47rpw22rW4LuR/8JxUA==",
                               "hash": "6fqbDaU2vfPH30VV873oFEJ4Y7vUQbcm3eTdgjVqrHI="}""";

    private static String minimal(String extra) {
        return """
                {"storeId": "s1", "kioskId": "k1",
                 "reader": {"type": "memory"}, "printer": {"type": "memory"},
                 "backends": [{"name": "sim", "baseUrl": "http://127.0.0.1:8080", "clientId": "c",
                               "clientSecret": "s3cret", "iccidPrefixes": ["8981"]}],
                 %s %s}""".formatted(PIN_BLOCK, extra);
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
        KioskConfig config = KioskConfig.load(EXAMPLE);

        assertThat(config.storeId()).isEqualTo("store-0042");
        assertThat(config.kioskId()).isEqualTo("kiosk-01");
        assertThat(config.reader()).isEqualTo(new ReaderChoice.Pcsc(Optional.of("Virtual PCD 00 00")));
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
        FlowConfig flow = KioskConfig.load(EXAMPLE).flowConfig();

        assertThat(flow.idleWarningAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(flow.idleCountdown()).isEqualTo(Duration.ofSeconds(15));
        assertThat(flow.readerName()).contains("Virtual PCD 00 00");
        assertThat(flow.defaultLanguage()).isEqualTo(Language.JA);
        assertThat(flow.storeId()).isEqualTo("store-0042");
        assertThat(flow.kioskId()).isEqualTo("kiosk-01");
    }

    @Test
    void secretsNeverShowInToString() throws Exception {
        KioskConfig config = KioskConfig.load(EXAMPLE);

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
        Path file = Files.writeString(dir.resolve("kiosk.json"), json);

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
        Path file = Files.writeString(dir.resolve("kiosk.json"), json);

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
}
