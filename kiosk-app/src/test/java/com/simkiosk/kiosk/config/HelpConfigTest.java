package com.simkiosk.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.screen.help.SupportContact;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The help overlay's settings: "Call staff" and each carrier's support contact, as an operator writes them. */
class HelpConfigTest {

    private static String withBackend(String backendExtra, String top) {
        return """
                {"storeId": "s1", "kioskId": "k1",
                 "reader": {"type": "memory"}, "printer": {"type": "memory"},
                 "backends": [{"name": "sim", "baseUrl": "http://127.0.0.1:8080", "clientId": "c",
                               "clientSecret": "s3cret", "iccidPrefixes": ["8981"] %s}],
                 %s %s}""".formatted(backendExtra, KioskConfigTest.PIN_BLOCK, top);
    }

    private static KioskConfig parse(String json) throws ConfigException {
        return KioskConfig.parse(json, "test.json", Optional.empty());
    }

    private static List<String> problems(String json) {
        try {
            parse(json);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the config to be refused");
    }

    @Test
    void theDocumentedExampleGivesEachCarrierItsSupportAndTheAggregatorAsFallback() throws Exception {
        KioskConfig config = parse(Files.readString(Path.of("..", "docs", "examples", "kiosk.json")));
        HelpSettings help = config.helpSettings();
        assertThat(help.callStaff()).isTrue();
        assertThat(help.sound()).isTrue();
        assertThat(help.contacts()).extracting(SupportContact::backend).containsExactly("docomo-mvno", "kddi-mvno");
        assertThat(help.contacts().get(0).phone()).contains("0120-000-110");
        assertThat(help.contacts().get(0).url()).contains(URI.create("https://support.mvno.example.jp/sim"));
        assertThat(help.contacts().get(1).url()).isEmpty();
        // The session's carrier is not known to the screen yet: the aggregator's contact is shown.
        assertThat(help.contactFor(Optional.empty()).map(SupportContact::backend)).contains("number-aggregator");
        assertThat(help.contactFor(Optional.of("kddi-mvno")).flatMap(SupportContact::phone)).contains("0120-000-130");
    }

    @Test
    void withoutHelpSettingsStaffIsCalledWithANoticeAndAChime() throws Exception {
        HelpSettings help = parse(withBackend("", "")).helpSettings();
        assertThat(help.callStaff()).isTrue();
        assertThat(help.sound()).isTrue();
        assertThat(help.contactFor(Optional.empty())).isEmpty();
    }

    @Test
    void callStaffCanBeANoticeAloneOrOff() throws Exception {
        HelpSettings notice = parse(withBackend("", ", \"help\": {\"callStaff\": \"notice\"}")).helpSettings();
        assertThat(notice.callStaff()).isTrue();
        assertThat(notice.sound()).isFalse();
        HelpSettings off = parse(withBackend("", ", \"help\": {\"callStaff\": \"off\"}")).helpSettings();
        assertThat(off.callStaff()).isFalse();
        assertThat(problems(withBackend("", ", \"help\": {\"callStaff\": \"bell\"}")))
                .containsExactly("help.callStaff: must be off, notice or notice-and-sound (was 'bell')");
        assertThat(problems(withBackend("", ", \"help\": {\"callStaf\": \"off\"}"))).hasSize(1)
                .allSatisfy(p -> assertThat(p).startsWith("help"));
    }

    @Test
    void theOnlyCarrierWithAContactIsShownWithoutAnAggregator() throws Exception {
        HelpSettings help = parse(withBackend(", \"support\": {\"phone\": \"+81 3-0000-0000\"}", "")).helpSettings();
        assertThat(help.contactFor(Optional.empty()).flatMap(SupportContact::phone)).contains("+81 3-0000-0000");
    }

    @Test
    void theEarlierProfileKeysStillWork() throws Exception {
        HelpSettings help = parse(withBackend(", \"profile\": {\"supportPhone\": \"0120-000-000\", "
                + "\"supportUrl\": \"https://support.example.jp\"}", "")).helpSettings();
        assertThat(help.contacts().get(0).phone()).contains("0120-000-000");
        assertThat(help.contacts().get(0).url()).contains(URI.create("https://support.example.jp"));
    }

    @Test
    void aWrongNumberOrPageIsReportedWithItsPlace() {
        assertThat(problems(withBackend(", \"support\": {\"phone\": \"call us\"}", "")))
                .containsExactly("backends[0].support.phone: 'call us' is not a phone number (digits, spaces, '-', '(', ')', a leading '+')");
        assertThat(problems(withBackend(", \"support\": {\"url\": \"http://support.example.jp\"}", "")))
                .containsExactly("backends[0].support.url: must be an https:// address (a customer's phone opens it)");
        assertThat(problems(withBackend(", \"support\": {\"url\": \"https://s.example.jp/" + "a".repeat(300) + "\"}", "")))
                .singleElement().asString().contains("too dense to scan");
        assertThat(problems(withBackend(", \"support\": {\"phone\": \"0120-000-000\"}, \"profile\": {\"supportPhone\": \"0120-111-111\"}", "")))
                .containsExactly("backends[0].support: given twice: keep it here and remove profile.supportPhone/supportUrl");
        assertThat(problems(withBackend(", \"support\": {\"fax\": \"0120-000-000\"}", ""))).hasSize(1);
    }
}
