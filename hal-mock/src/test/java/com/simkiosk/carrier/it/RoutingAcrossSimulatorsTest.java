package com.simkiosk.carrier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.route.CarrierRoute;
import com.simkiosk.carrier.route.CarrierRouter;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.testing.TestTime;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two carriers, two simulators on loopback, each knowing only its own lines: "docomo" (issuers 898110/898112)
 * and "kddi-softbank" (898130/898120). The router sends SIMs by prefix and finds numbers by asking both.
 */
class RoutingAcrossSimulatorsTest {
    @TempDir
    static Path dir;
    static SimulatedCarrier docomo;
    static SimulatedCarrier kddi;
    static CarrierRouter router;

    @BeforeAll
    static void twoCarriers() throws Exception {
        docomo = new SimulatedCarrier(Optional.of(dataFile("docomo.json", d -> d.startsWith("898110") || d.startsWith("898112"))),
                Duration.ofSeconds(2));
        kddi = new SimulatedCarrier(Optional.of(dataFile("kddi.json", d -> d.startsWith("898130") || d.startsWith("898120"))),
                Duration.ofSeconds(2));
        router = new CarrierRouter(List.of(
                new CarrierRoute("docomo", docomo.client, Set.of("898110", "898112")),
                new CarrierRoute("kddi-softbank", kddi.client, Set.of("898130", "898120"))),
                Optional.empty(), TestTime.bound(Duration.ofSeconds(3)));
    }

    /** The built-in demo data with only the lines whose ICCID the predicate keeps. */
    static Path dataFile(String name, Predicate<String> iccidKept) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode data;
        try (InputStream in = DemoLines.class.getResourceAsStream("/carrier-sim/demo-lines.json")) {
            data = (ObjectNode) mapper.readTree(in);
        }
        ArrayNode kept = mapper.createArrayNode();
        data.withArray("lines").forEach(line -> {
            if (iccidKept.test(line.get("iccid").asText())) {
                kept.add(line);
            }
        });
        data.set("lines", kept);
        Path file = dir.resolve(name);
        mapper.writeValue(file.toFile(), data);
        return file;
    }

    @AfterAll
    static void stop() {
        router.close();
        docomo.close();
        kddi.close();
    }

    @Test
    void eachSimGoesToTheCarrierOfItsIssuer() throws Exception {
        DemoLines all = DemoLines.builtIn(docomo.clock);
        Line tourist = router.findLineByIccid(all.touristData().iccid());
        Line au = router.findLineByIccid(all.auPrepaid().iccid());
        Line ocn = router.findLineByIccid(all.staggeredTopUps().iccid());

        assertThat(tourist.id()).isEqualTo(all.touristData().productId());
        assertThat(au.id()).isEqualTo(all.auPrepaid().productId());
        assertThat(ocn.id()).isEqualTo(all.staggeredTopUps().productId());
        assertThat(router.balance(tourist).dataBytes()).isEqualTo(620_000_000L);
        assertThat(router.balance(au).yen()).isEqualTo(2480);
    }

    @Test
    void aSimOfAnIssuerNoCarrierServesIsNotSupported() {
        assertThatThrownBy(() -> router.findLineByIccid(DemoLines.builtIn(docomo.clock).rakuten().iccid()))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));
        assertThatThrownBy(() -> router.findLineByIccid(DemoLines.FOREIGN_ICCID))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));
    }

    @Test
    void aPortedNumberIsFoundAtTheCarrierThatAcceptsItsCode() throws Exception {
        DemoLine softbank = DemoLines.builtIn(docomo.clock).softbankPrepaid();
        Msisdn number = softbank.msisdn().orElseThrow();

        OtpChallenge challenge = router.sendCode(number, "{{code}} is your SIM kiosk verification code");
        assertThat(docomo.simulator.smsOutbox().countTo(number.e164())).isZero();
        String code = kddi.codeSentTo(number);
        router.validateCode(challenge, code);
        Line line = router.findLineByNumber(number);

        assertThat(line.id()).isEqualTo(softbank.productId());
        assertThat(router.balance(line).yen()).isEqualTo(3150);
    }

    @Test
    void aWrongCodeIsWrongAtEveryCarrier() throws Exception {
        Msisdn number = DemoLines.builtIn(docomo.clock).iijMvno().msisdn().orElseThrow(); // served by neither simulator here
        OtpChallenge challenge = router.sendCode(number, "{{code}} is your SIM kiosk verification code");

        assertThatThrownBy(() -> router.validateCode(challenge, "123456"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.OTP_INVALID));
    }
}
