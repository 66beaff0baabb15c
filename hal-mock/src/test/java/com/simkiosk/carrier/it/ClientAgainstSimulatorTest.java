package com.simkiosk.carrier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.Units;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.DemoLines;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kiosk's HTTP client against the carrier simulator over real loopback HTTP: every demo line, every call. */
class ClientAgainstSimulatorTest {
    static SimulatedCarrier carrier;

    /** What a customer would read on the balance screen for each demo line: yen, bytes, seconds, messages. */
    record Expected(long yen, long dataBytes, long voiceSeconds, long sms, boolean hasExpiry) {}

    static final Map<String, Expected> BALANCES = Map.of(
            "tourist-data", new Expected(0, 620_000_000L, 0, 0, true),
            "au-prepaid", new Expected(2480, 412_000_000L, 1860, 0, true),
            "softbank-prepaid", new Expected(3150, 1_350_000_000L, 45 * 60, 0, true),
            "rakuten", new Expected(0, 12_500_000_000L, 0, 48, true),
            "iij-mvno", new Expected(0, 3_712_000_000L, 0, 30, true),
            "expired-tourist", new Expected(0, 0, 0, 0, false),
            "suspended", new Expected(500, 0, 0, 0, true),
            "staggered-topups", new Expected(0, 300_000_000L + 410_000_000L + 1_000_000_000L, 0, 0, true),
            "terminated", new Expected(0, 0, 0, 0, false),
            "plain-020", new Expected(0, 450_000_000L, 0, 0, true));

    @BeforeAll
    static void start() throws Exception {
        carrier = new SimulatedCarrier();
    }

    @AfterAll
    static void stop() {
        carrier.close();
    }

    @Test
    void everyDemoLineIsFoundBySimWithTheBalanceTheCustomerShouldSee() throws Exception {
        assertThat(carrier.lines().all()).extracting(DemoLine::key).containsExactlyInAnyOrderElementsOf(BALANCES.keySet());
        for (DemoLine demo : carrier.lines().all()) {
            Line line = carrier.client.findLineByIccid(demo.iccid());
            assertThat(line.id()).as(demo.key()).isEqualTo(demo.productId());
            assertThat(line.status()).as(demo.key()).isEqualTo(demo.status());
            assertThat(line.brand()).as(demo.key()).isEqualTo(demo.brand());
            assertThat(line.msisdn()).as(demo.key()).isEqualTo(demo.msisdn());
            // A plain standard product lists no methods: the kiosk offers what suits a SIM in the reader (a 020
            // number cannot receive SMS codes).
            assertThat(line.verificationMethods()).as(demo.key()).isEqualTo(demo.verificationMethods().isEmpty()
                    ? List.of(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT) : demo.verificationMethods());

            Balance balance = carrier.client.balance(line);
            Expected expected = BALANCES.get(demo.key());
            assertThat(balance.yen()).as(demo.key() + " yen").isEqualTo(expected.yen());
            assertThat(balance.dataBytes()).as(demo.key() + " bytes").isEqualTo(expected.dataBytes());
            assertThat(balance.voiceSeconds()).as(demo.key() + " seconds").isEqualTo(expected.voiceSeconds());
            assertThat(balance.sms()).as(demo.key() + " sms").isEqualTo(expected.sms());
            assertThat(balance.expires().isPresent()).as(demo.key() + " expiry").isEqualTo(expected.hasExpiry());
        }
    }

    @Test
    void theLinesExpiryIsItsLatestBucketAndExpiredBucketsStillShow() throws Exception {
        Balance staggered = carrier.client.balance(carrier.client.findLineByIccid(carrier.lines().byKey("staggered-topups").iccid()));
        assertThat(staggered.buckets()).hasSize(4);
        assertThat(staggered.buckets().stream().filter(b -> !b.active())).hasSize(1);
        Instant latest = staggered.buckets().stream().filter(b -> b.active()).map(b -> b.validUntil().orElseThrow())
                .max(Instant::compareTo).orElseThrow();
        assertThat(staggered.expires()).contains(latest);
        assertThat(Duration.between(carrier.clock.instant(), latest)).isBetween(Duration.ofDays(19), Duration.ofDays(21));

        Balance expired = carrier.client.balance(carrier.client.findLineByIccid(carrier.lines().byKey("expired-tourist").iccid()));
        assertThat(expired.buckets()).singleElement().satisfies(b -> {
            assertThat(b.active()).isFalse();
            assertThat(b.remaining()).isEqualTo(800_000_000L);
        });
    }

    @Test
    void aForeignSimIsNotSupportedAndAnUnknownJapaneseSimIsNotFound() {
        assertThatThrownBy(() -> carrier.client.findLineByIccid(DemoLines.FOREIGN_ICCID))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));
        assertThatThrownBy(() -> carrier.client.findLineByIccid(DemoLines.UNKNOWN_JAPANESE_ICCID))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_FOUND));
    }

    @Test
    void theDailyUsageChartHasOneBarPerJapaneseDayEndingToday() throws Exception {
        Line au = carrier.client.findLineByIccid(carrier.lines().auPrepaid().iccid());
        LocalDate today = Units.dayInJapan(carrier.clock.instant()); // the simulator's day, not the machine's

        List<DailyUsage> days = carrier.client.dailyUsage(au, today.minusDays(2));

        assertThat(days).containsExactly(
                new DailyUsage(today.minusDays(2), 46_000_000L),
                new DailyUsage(today.minusDays(1), 86_000_000L),
                new DailyUsage(today, 31_000_000L));
    }

    @Test
    void topUpOffersAreThoseOfTheLineInYenAndBytes() throws Exception {
        Line au = carrier.client.findLineByIccid(carrier.lines().auPrepaid().iccid());

        assertThat(carrier.client.topUpOffers(au)).containsExactly(
                new TopUpOffer("po-topup-500mb-7d", "Data top-up 500MB (7 days)", 500_000_000L, 550, Duration.ofDays(7)),
                new TopUpOffer("po-topup-1gb-30d", "Data top-up 1GB (30 days)", 1_000_000_000L, 1200, Duration.ofDays(30)),
                new TopUpOffer("po-topup-3gb-30d", "Data top-up 3GB (30 days)", 3_000_000_000L, 2980, Duration.ofDays(30)));
        Line suspended = carrier.client.findLineByIccid(carrier.lines().byKey("suspended").iccid());
        assertThat(carrier.client.topUpOffers(suspended)).isEmpty();
    }

    @Test
    void aTopUpIsPaidAtTheRegisterWithinThirtyMinutesAndAddsItsDataOncePaid() throws Exception {
        Line tourist = carrier.client.findLineByIccid(carrier.lines().touristData().iccid());
        TopUpOffer oneGb = carrier.client.topUpOffers(tourist).stream().filter(o -> o.id().equals("po-topup-1gb-30d"))
                .findFirst().orElseThrow();
        long before = carrier.client.balance(tourist).dataBytes();

        var order = carrier.client.orderTopUp(tourist, oneGb, "it-order-1");

        assertThat(order.amountYen()).isEqualTo(1200);
        assertThat(order.offerId()).isEqualTo("po-topup-1gb-30d");
        assertThat(order.paymentCode()).isNotBlank();
        assertThat(Duration.between(carrier.clock.instant(), order.payBy())).isEqualTo(Duration.ofMinutes(30));
        assertThat(carrier.simulator.confirmPayment(order.paymentCode())).isTrue();
        assertThat(carrier.client.balance(tourist).dataBytes()).isEqualTo(before + 1_000_000_000L);
    }

    @Test
    void aDataOnlySimIsVerifiedByTheWholePassportNumberOrTheOrderNumber() throws Exception {
        DemoLine demo = carrier.lines().touristData();
        Line tourist = carrier.client.findLineByIccid(demo.iccid());

        carrier.client.verifyRegisteredDetail(tourist, VerificationMethod.ID_DOCUMENT, demo.idDocument());
        carrier.client.verifyRegisteredDetail(tourist, VerificationMethod.ORDER_NUMBER, demo.orderNumber());
        assertThatThrownBy(() -> carrier.client.verifyRegisteredDetail(tourist, VerificationMethod.ID_DOCUMENT, "0000"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.DETAIL_MISMATCH));
        assertThatThrownBy(() -> carrier.client.verifyRegisteredDetail(tourist, VerificationMethod.SMS_CODE, "123456"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));
    }

    @Test
    void aTypedNumberIsFoundOnlyAfterTheCodeFromTheSmsIsEntered() throws Exception {
        DemoLine softbank = carrier.lines().softbankPrepaid();
        var number = softbank.msisdn().orElseThrow();
        assertThatThrownBy(() -> carrier.client.findLineByNumber(number))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.UNAUTHORIZED));

        carrier.verify(number);
        Line line = carrier.client.findLineByNumber(number);

        assertThat(line.id()).isEqualTo(softbank.productId());
        assertThat(line.status()).isEqualTo(LineStatus.ACTIVE);
        assertThat(carrier.client.balance(line).voiceSeconds()).isEqualTo(45 * 60);
    }
}
