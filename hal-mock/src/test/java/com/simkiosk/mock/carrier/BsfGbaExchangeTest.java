package com.simkiosk.mock.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.aka.Sqn;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.card.usim.UsimSession;
import com.simkiosk.carrier.gba.BootstrapResult;
import com.simkiosk.carrier.gba.GbaBootstrap;
import com.simkiosk.carrier.gba.Impi;
import com.simkiosk.mock.sim.UsimKeys;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.testing.LogCapture;
import com.simkiosk.testing.MutableClock;
import com.simkiosk.testing.TestTime;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The whole Ub exchange over loopback: the kiosk's GBA client, the simulator's BSF and the in-memory virtual USIM
 * (TS 35.208 test set 1, the demo tourist line's IMSI), then the B-TID on a balance call (X-GBA-BTID).
 */
class BsfGbaExchangeTest {
    /** A forged card: the same ICCID and IMSI copied, but not the key, which never leaves a genuine SIM. */
    private static final UsimKeys FORGED = new UsimKeys("00112233445566778899AABBCCDDEEFF", UsimKeys.DEMO.opc(), Sqn.of(0, 0));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private CarrierSimulator simulator() throws Exception {
        CarrierSimulator sim = CarrierSimulator.builder().clock(clock).bsfKeyLifetime(Duration.ofHours(2)).start();
        open.add(sim);
        return sim;
    }

    private static Impi impi(DemoLine line) {
        return new Impi(line.impi().orElseThrow());
    }

    /** The virtual USIM of a line, asked through the same APDUs as a real card. */
    private static Function<AkaChallenge, AkaResult> card(DemoLine line, UsimKeys keys) {
        VirtualSim sim = new VirtualSim(VirtualSimSpec.uicc(line.iccid().digits()).withImsi(line.imsi().orElseThrow())
                .withUsimKeys(keys));
        return challenge -> new UsimSession(sim).authenticate(challenge, Optional.empty());
    }

    private GbaBootstrap client(CarrierSimulator sim) {
        GbaBootstrap gba = new GbaBootstrap(sim.bsfUri(), Duration.ofSeconds(2), TestTime.bound(Duration.ofSeconds(5)));
        open.add(gba);
        return gba;
    }

    private static HttpResponse<String> buckets(SimHttp http, DemoLine line, Optional<String> btid) throws Exception {
        HttpRequest.Builder b = http.request("/tmf-api/prepayBalanceManagement/v4/bucket?product.id=" + line.productId());
        btid.ifPresent(t -> b.header("X-GBA-BTID", t));
        return http.send(b.GET().build());
    }

    @Test
    void theGenuineTouristSimBootstrapsAndItsBtidOpensItsBalanceButNoOtherLines() throws Exception {
        CarrierSimulator sim = simulator();
        DemoLine tourist = sim.demoLines().touristData();
        assertThat(impi(tourist).value()).isEqualTo("440100311000016@ims.mnc010.mcc440.3gppnetwork.org");

        BootstrapResult result = client(sim).bootstrap(impi(tourist), card(tourist, UsimKeys.DEMO));

        assertThat(result).isInstanceOf(BootstrapResult.Bootstrapped.class);
        BootstrapResult.Bootstrapped ok = (BootstrapResult.Bootstrapped) result;
        assertThat(ok.btid()).endsWith("@127.0.0.1");
        assertThat(ok.lifetime()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        SimHttp http = new SimHttp(sim.baseUri()).login();
        HttpResponse<String> balance = buckets(http, tourist, Optional.of(ok.btid()));
        assertThat(balance.statusCode()).isEqualTo(200);
        assertThat(balance.body()).contains("bkt-tourist-0001-data");
        assertThat(buckets(http, sim.demoLines().auPrepaid(), Optional.of(ok.btid())).statusCode())
                .as("the B-TID of one line is no proof for another").isEqualTo(403);
        assertThat(buckets(http, sim.demoLines().auPrepaid(), Optional.empty()).statusCode())
                .as("without the header: as before").isEqualTo(200);
        HttpResponse<String> kyc = http.post("/kyc-match/v0.3/match", "{\"phoneNumber\": \"+819012340002\", "
                + "\"idDocument\": \"MX7729136\"}", "X-GBA-BTID", ok.btid());
        assertThat(kyc.statusCode()).as("KYC Match about another line").isEqualTo(403);
        assertThat(kyc.body()).contains("INVALID_TOKEN_CONTEXT");
        assertThat(http.get("/tmf-api/productInventory/v4/product/" + tourist.productId()).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofHours(2));
        http.login(); // the kiosk's own token has expired too
        assertThat(buckets(http, tourist, Optional.of(ok.btid())).statusCode()).as("past its lifetime").isEqualTo(403);
    }

    @Test
    void aForgedCardWithTheSameIccidAndImsiFailsAtTheCardAndAMadeUpBtidIsRefused() throws Exception {
        CarrierSimulator sim = simulator();
        DemoLine tourist = sim.demoLines().touristData();

        BootstrapResult result = client(sim).bootstrap(impi(tourist), card(tourist, FORGED));

        assertThat(result).isEqualTo(new BootstrapResult.MacFailure());
        SimHttp http = new SimHttp(sim.baseUri()).login();
        String madeUp = Base64.getEncoder().encodeToString(new byte[16]) + "@127.0.0.1";
        HttpResponse<String> balance = buckets(http, tourist, Optional.of(madeUp));
        assertThat(balance.statusCode()).isEqualTo(403);
        assertThat(balance.body()).contains("VERIFICATION_REQUIRED").doesNotContain("bkt-tourist");
    }

    @Test
    void aCardAheadOfTheBsfResynchronisesOnceAndThenBootstraps() throws Exception {
        CarrierSimulator sim = simulator();
        DemoLine tourist = sim.demoLines().touristData();
        BootstrapResult result = client(sim).bootstrap(impi(tourist),
                card(tourist, UsimKeys.DEMO.withLastAccepted(Sqn.of(5000, 4))));
        assertThat(result).isInstanceOfSatisfying(BootstrapResult.Bootstrapped.class,
                ok -> assertThat(ok.resynchronised()).isTrue());
    }

    @Test
    void anUnknownImpiIsChallengedAlikeAndNeverSucceeds() throws Exception {
        CarrierSimulator sim = simulator();
        DemoLine tourist = sim.demoLines().touristData();
        Impi unknown = new Impi("440109999999999@ims.mnc010.mcc440.3gppnetwork.org");
        SimHttp http = new SimHttp(sim.baseUri());
        HttpResponse<String> known = firstRequest(http, sim, impi(tourist));
        HttpResponse<String> stranger = firstRequest(http, sim, unknown);
        assertThat(stranger.statusCode()).isEqualTo(known.statusCode()).isEqualTo(401);
        assertThat(shape(stranger)).isEqualTo(shape(known));

        // a card that answers whatever it is sent (as if it held the key) still gets nowhere
        BootstrapResult result = client(sim).bootstrap(unknown, c -> new AkaResult.Success(new byte[8], new byte[16],
                new byte[16], Optional.empty()));
        assertThat(result).isInstanceOfSatisfying(BootstrapResult.Failed.class,
                f -> assertThat(f.error()).isEqualTo(com.simkiosk.carrier.CarrierError.UNAUTHORIZED));
        // and the genuine card of a known line gets the same refusal when its answer is wrong
        BootstrapResult wrong = client(sim).bootstrap(impi(tourist), c -> new AkaResult.Success(new byte[8], new byte[16],
                new byte[16], Optional.empty()));
        assertThat(wrong).isEqualTo(result);
    }

    private static HttpResponse<String> firstRequest(SimHttp http, CarrierSimulator sim, Impi impi) throws Exception {
        return http.send(HttpRequest.newBuilder(sim.bsfUri()).timeout(SimHttp.TIMEOUT)
                .header("Authorization", "Digest username=\"" + impi.value() + "\", realm=\"" + impi.domain()
                        + "\", nonce=\"\", uri=\"/bsf/bootstrap\", response=\"\"").GET().build());
    }

    /** The challenge with its values blanked: parameter names and value lengths. */
    private static String shape(HttpResponse<String> r) {
        String h = r.headers().firstValue("WWW-Authenticate").orElse("");
        return h.replaceAll("nonce=\"[^\"]*\"", "nonce=\"" + "n".repeat(h.replaceAll(".*nonce=\"([^\"]*)\".*", "$1").length()) + "\"")
                .replaceAll("opaque=\"[^\"]*\"", "opaque=\"o\"") + " body " + r.body().length();
    }

    @Test
    void aChallengeAnsweredAfterItsTwoMinutesIsNotAccepted() throws Exception {
        CarrierSimulator sim = simulator();
        DemoLine tourist = sim.demoLines().touristData();
        Function<AkaChallenge, AkaResult> genuine = card(tourist, UsimKeys.DEMO);
        BootstrapResult result = client(sim).bootstrap(impi(tourist), c -> {
            clock.advance(BootstrappingApi.CHALLENGE_LIFETIME); // the customer's card took that long
            return genuine.apply(c);
        });
        assertThat(result).isInstanceOfSatisfying(BootstrapResult.Failed.class,
                f -> assertThat(f.error()).isEqualTo(com.simkiosk.carrier.CarrierError.UNAUTHORIZED));
        assertThat(client(sim).bootstrap(impi(tourist), genuine)).as("a new bootstrapping works")
                .isInstanceOf(BootstrapResult.Bootstrapped.class);
    }

    @Test
    void aFirstRequestWithoutAnImpiIsABadRequest() throws Exception {
        CarrierSimulator sim = simulator();
        HttpResponse<String> r = new SimHttp(sim.baseUri()).send(HttpRequest.newBuilder(sim.bsfUri())
                .timeout(SimHttp.TIMEOUT).header("Authorization", "Basic dTpw").GET().build());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void theBsfBoundsItsChallengesAndAnswersEachNonceOnce() throws Exception {
        CarrierSimulator sim = simulator();
        DemoLine tourist = sim.demoLines().touristData();
        SimHttp http = new SimHttp(sim.baseUri());
        for (int i = 0; i < BootstrappingApi.MAX_PENDING + 5; i++) {
            assertThat(firstRequest(http, sim, new Impi("44010" + String.format("%010d", i) + "@ims.mnc010.mcc440.3gppnetwork.org"))
                    .statusCode()).isEqualTo(401);
        }
        // after all that, the genuine card still bootstraps (its own challenge is the newest)
        assertThat(client(sim).bootstrap(impi(tourist), card(tourist, UsimKeys.DEMO)))
                .isInstanceOf(BootstrapResult.Bootstrapped.class);
    }

    @Test
    void noRandAutnResKeysOrImsiReachTheLogsEvenAtDebug() throws Exception {
        List<String> seen = new ArrayList<>();
        DemoLine tourist;
        List<String> lines;
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk")) {
            CarrierSimulator sim = simulator();
            tourist = sim.demoLines().touristData();
            Function<AkaChallenge, AkaResult> genuine = card(tourist, UsimKeys.DEMO.withLastAccepted(Sqn.of(5000, 4)));
            Function<AkaChallenge, AkaResult> recording = c -> {
                seen.add(Hex.encode(c.rand()));
                seen.add(Hex.encode(c.autn()));
                AkaResult r = genuine.apply(c);
                if (r instanceof AkaResult.Success s) {
                    seen.add(Hex.encode(s.res()));
                    seen.add(Hex.encode(s.ck()));
                    seen.add(Hex.encode(s.ik()));
                } else if (r instanceof AkaResult.SyncFailure f) {
                    seen.add(Hex.encode(f.auts()));
                }
                return r;
            };
            BootstrapResult result = client(sim).bootstrap(impi(tourist), recording);
            assertThat(result).isInstanceOf(BootstrapResult.Bootstrapped.class);
            client(sim).bootstrap(impi(tourist), card(tourist, FORGED));
            LoggerFactory.getLogger(BsfGbaExchangeTest.class).info("result {} for {}", result, tourist);
            lines = logs.messages();
        }
        assertThat(lines).anyMatch(l -> l.contains("bootstrapped"));
        List<String> secrets = new ArrayList<>(seen);
        secrets.addAll(List.of(UsimKeys.DEMO.k(), UsimKeys.DEMO.opc(), tourist.imsi().orElseThrow().digits()));
        for (String secret : secrets) {
            String base64 = Base64.getEncoder().encodeToString(Hex.decode(secret.length() % 2 == 0 ? secret : secret + "0"));
            assertThat(lines).noneMatch(l -> l.toUpperCase().contains(secret.toUpperCase())
                    || l.toLowerCase().contains(secret.toLowerCase()) || l.contains(base64.substring(0, 12)));
        }
    }
}
