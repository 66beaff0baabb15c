package com.simkiosk.testing.standard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The lines and offerings most tests want on the {@link StandardCarrier}: a voice line with a number, a data-only
 * line without one, a suspended line, two top-ups and the two plans. Dates are relative to the clock given.
 */
public final class StandardFixture {
    private StandardFixture() {}

    public static final String VOICE_PRODUCT = "std-prd-1001";
    public static final String VOICE_ICCID = "8981300000010010015";
    public static final String VOICE_MSISDN = "+819011112222";
    public static final String VOICE_ID_DOCUMENT = "TK-1234 567";
    public static final String VOICE_PLAN = "Standard Prepaid";
    public static final String VOICE_ORDER_NUMBER = "STD-2026-000417";

    public static final String DATA_PRODUCT = "std-prd-2002";
    public static final String DATA_ICCID = "8981300000020020020";
    public static final String DATA_NAME = "Data SIM 20GB";
    public static final String DATA_ID_DOCUMENT = "X9876543";

    public static final String SUSPENDED_PRODUCT = "std-prd-3003";
    public static final String SUSPENDED_ICCID = "8981300000030030035";
    public static final String SUSPENDED_MSISDN = "+819033334444";

    /** Valid, but no line of this carrier. */
    public static final String UNKNOWN_ICCID = "8981300000090090093";

    public static final String TOPUP_1GB = "po-std-topup-1gb";
    public static final long TOPUP_1GB_YEN = 1200;
    public static final String TOPUP_500MB = "po-std-topup-500mb";
    public static final long TOPUP_500MB_YEN = 550;

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** The standard lines and offerings, dated from {@code clock}. */
    public static StandardCarrier.Builder builder(Clock clock) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, JAPAN);
        Instant todayNoon = today.atTime(12, 0).atZone(JAPAN).toInstant();
        // 00:30 in Japan is still the day before in UTC: a client that reads the UTC date files it on the wrong day.
        Instant yesterdayEarly = today.minusDays(1).atTime(0, 30).atZone(JAPAN).toInstant();
        Instant twoDaysAgo = today.minusDays(2).atTime(18, 0).atZone(JAPAN).toInstant();
        return StandardCarrier.builder()
                .clock(clock)
                .zone(JAPAN)
                .line(StandardLine.sim(VOICE_PRODUCT, VOICE_ICCID)
                        .msisdn(VOICE_MSISDN)
                        .offering("po-std-prepaid", VOICE_PLAN)
                        .idDocument(VOICE_ID_DOCUMENT)
                        .orderNumber(VOICE_ORDER_NUMBER)
                        .bucket("data", 2.5, "GB", now.plus(Duration.ofDays(20)))
                        .bucket("data", 300, "MB", now.plus(Duration.ofDays(5)))
                        .bucket("data", 1, "GB", now.minus(Duration.ofDays(1)), "expired")
                        .bucket("monetary", 1500, "JPY", now.plus(Duration.ofDays(90)))
                        .bucket("voice", 600, "seconds", now.plus(Duration.ofDays(20)))
                        .usage(todayNoon, 412.5, "MB")
                        .usage(yesterdayEarly, 1.2, "GB")
                        .usage(twoDaysAgo, 80, "MB"))
                .line(StandardLine.sim(DATA_PRODUCT, DATA_ICCID)
                        .name(DATA_NAME)
                        .offering("po-std-data", "Standard Data")
                        .idDocument(DATA_ID_DOCUMENT)
                        .bucket("data", 12, "GB", now.plus(Duration.ofDays(25)))
                        .usage(todayNoon, 800, "MB"))
                .line(StandardLine.sim(SUSPENDED_PRODUCT, SUSPENDED_ICCID)
                        .msisdn(SUSPENDED_MSISDN)
                        .status("suspended")
                        .offering("po-std-prepaid", VOICE_PLAN)
                        .kycNotApplicable()
                        .bucket("data", 0, "GB", now.plus(Duration.ofDays(3)))
                        .usage(yesterdayEarly, 5, "GB"))
                .offering(StandardOffering.plan("po-std-prepaid", VOICE_PLAN))
                .offering(StandardOffering.plan("po-std-data", "Standard Data"))
                .offering(StandardOffering.topUp(TOPUP_1GB, "1 GB for 30 days", 1, "GB", 30, TOPUP_1GB_YEN))
                .offering(StandardOffering.topUp(TOPUP_500MB, "500 MB for 7 days", 500, "MB", 7, TOPUP_500MB_YEN));
    }
}
