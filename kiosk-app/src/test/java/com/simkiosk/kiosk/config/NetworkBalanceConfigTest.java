package com.simkiosk.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.network.NetworkQuery;
import com.simkiosk.card.network.NetworkReply;
import com.simkiosk.kiosk.flow.NetworkRoutes;
import com.simkiosk.kiosk.flow.NetworkRoutes.DomesticCost;
import com.simkiosk.kiosk.flow.NetworkRoutes.Route;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The table that says where each line's balance is asked (issue 14), as an operator writes it. */
class NetworkBalanceConfigTest {

    private static String config(String networkBalance) {
        return """
                {"storeId": "s1", "kioskId": "k1",
                 "reader": {"type": "serial", "device": "/dev/ttyUSB2"}, "printer": {"type": "memory"},
                 "backends": [{"name": "sim", "baseUrl": "http://127.0.0.1:8080", "clientId": "c",
                               "clientSecret": "s3cret", "iccidPrefixes": ["898110"]}],
                 %s %s}""".formatted(KioskConfigTest.PIN_BLOCK, networkBalance.isEmpty() ? "" : ", \"networkBalance\": " + networkBalance);
    }

    private static NetworkRoutes routes(String networkBalance) throws ConfigException {
        return KioskConfig.parse(config(networkBalance), "test.json", Optional.empty()).networkBalance();
    }

    private static List<String> problems(String networkBalance) {
        try {
            routes(networkBalance);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the config to be refused");
    }

    private static final String TABLE = """
            {"routes": [
               {"iccidPrefix": "898110", "method": "api"},
               {"iccidPrefix": "8981", "method": "sms", "number": "0120000999", "keyword": "残高", "domesticCost": "no-ask"},
               {"iccidPrefix": "8944", "method": "ussd", "code": "*100#"},
               {"iccidPrefix": "894410", "method": "ussd", "code": "*#1345#", "template": "menu-balance-first"},
               {"iccidPrefix": "8944", "mccMnc": "440-10", "method": "ussd", "code": "*101#"}
             ],
             "replySeconds": 30}""";

    @Test
    void withoutATableEveryLineGoesToTheBackEndsAsBefore() throws Exception {
        assertThat(routes("").isEmpty()).isTrue();
        assertThat(routes("")).isSameAs(NetworkRoutes.NONE);
    }

    @Test
    void theLongestPrefixWinsAndANamedNetworkBeatsNoneForTheSamePrefix() throws Exception {
        NetworkRoutes table = routes(TABLE);
        assertThat(table.settings().reply()).isEqualTo(Duration.ofSeconds(30));
        // An API row keeps the line on its back end although a shorter network row covers it.
        assertThat(table.match("8981100000000000901", Optional.empty())).map(Route::api).contains(true);
        Route mvno = table.match("8981200000000000017", Optional.empty()).orElseThrow();
        assertThat(mvno.query()).contains(new NetworkQuery.Sms("0120000999", "残高"));
        assertThat(mvno.domesticCost()).isEqualTo(DomesticCost.NO_ASK);
        assertThat(mvno.asks(false)).isFalse();
        Route uk = table.match("8944200000000000012", Optional.empty()).orElseThrow();
        assertThat(uk.query().map(q -> ((NetworkQuery.Ussd) q).code())).contains("*100#");
        assertThat(uk.domesticCost()).isEqualTo(DomesticCost.ASK);
        Route ukOnDocomo = table.match("8944200000000000012", Optional.of("44010")).orElseThrow();
        assertThat(ukOnDocomo.query().map(q -> ((NetworkQuery.Ussd) q).code())).contains("*101#");
        assertThat(ukOnDocomo.mccMnc()).contains("44010");
        Route longer = table.match("8944100000000000012", Optional.of("44010")).orElseThrow();
        assertThat(longer.template().map(t -> t.name())).contains("menu-balance-first");
        assertThat(longer.query().map(NetworkQuery::source)).contains(NetworkReply.Source.USSD);
        assertThat(((NetworkQuery.Ussd) longer.query().orElseThrow()).menu().steps()).isNotEmpty();
        // No row: the back ends (and a foreign SIM is told so, as before).
        assertThat(table.match("8933000000000000012", Optional.empty())).isEmpty();
    }

    @Test
    void aForeignSimIsAlwaysAskedWhateverTheRowSays() throws Exception {
        Route any = routes("""
                {"routes": [{"iccidPrefix": "898", "method": "ussd", "code": "*100#", "domesticCost": "no-ask"}]}""")
                .match("8982200000000000012", Optional.empty()).orElseThrow();
        assertThat(any.asks(true)).isTrue();
        assertThat(any.asks(false)).isFalse();
    }

    @Test
    void theConfigurationMayBringItsOwnTemplates() throws Exception {
        Route row = routes("""
                {"templates": [{"name": "acme", "pattern": "Credit (?<amount>[0-9.]+) (?<currency>[A-Z]{3})"}],
                 "routes": [{"iccidPrefix": "8949", "method": "ussd", "code": "*100#", "template": "acme"}]}""")
                .match("8949000000000000012", Optional.empty()).orElseThrow();
        assertThat(row.template().map(t -> t.pattern().pattern())).contains("Credit (?<amount>[0-9.]+) (?<currency>[A-Z]{3})");
    }

    @Test
    void eachBadRowIsOneLineNamingEveryMistakeInIt() {
        List<String> found = problems("""
                {"routes": [
                   {"iccidPrefix": "8944", "method": "ussd", "code": "*100#"},
                   {"iccidPrefix": "44", "method": "ussd", "code": "100"},
                   {"iccidPrefix": "8981", "method": "sms", "number": "abc"},
                   {"iccidPrefix": "8945", "method": "telepathy"},
                   {"iccidPrefix": "8933", "method": "ussd", "code": "*100#", "template": "nope"},
                   {"iccidPrefix": "8944", "method": "ussd", "code": "*101#"},
                   {"iccidPrefix": "8934", "method": "ussd", "code": "*100#", "domesticCost": "no-ask"},
                   {"iccidPrefix": "898110", "method": "api", "code": "*100#"},
                   {"iccidPrefix": "8981", "mccMnc": "4401", "method": "ussd", "code": "*100#", "colour": "red"},
                   "not a row"
                 ]}""");
        assertThat(found).containsExactly(
                "networkBalance.routes[1]: iccidPrefix: '44' is not an ICCID prefix (89 and 1 to 10 digits, e.g. 8944); "
                        + "code: '100' is not a USSD code (digits, * and #, ending in #, e.g. *100#)",
                "networkBalance.routes[2]: keyword: missing; number: 'abc' is not a number to text (3 to 15 digits, a leading + allowed)",
                "networkBalance.routes[3]: method: must be api, ussd or sms (was 'telepathy')",
                "networkBalance.routes[4]: template: no template named 'nope' (known: ja-charge-and-data, "
                        + "main-balance-currency-first, menu-balance-first)",
                "networkBalance.routes[5]: a second row for prefix 8944 (which one should win?)",
                "networkBalance.routes[6]: domesticCost: no-ask is for Japanese lines (8981…) only: a foreign SIM is always asked",
                "networkBalance.routes[7]: code: not for method api (the carrier's back end answers)",
                "networkBalance.routes[8]: colour: unknown field (known: code, domesticCost, iccidPrefix, keyword, mccMnc, "
                        + "method, number, template); mccMnc: '4401' is not an MCC-MNC (3 digits and 2 or 3, e.g. 44010)",
                "networkBalance.routes[9]: must be an object");
    }

    @Test
    void aTableWithoutRowsOrWithAnUnknownFieldIsRefused() {
        assertThat(problems("{}")).singleElement().asString().startsWith("networkBalance.routes: missing");
        assertThat(problems("{\"routes\": [], \"replySecs\": 5}")).singleElement().asString()
                .startsWith("networkBalance.replySecs: unknown field");
    }
}
