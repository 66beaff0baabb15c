package com.simkiosk.carrier.tmf;

import com.fasterxml.jackson.databind.JsonNode;
import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.Bucket;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.Units;
import com.simkiosk.carrier.UsageType;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.carrier.tmf.TmfDocuments.Characteristic;
import com.simkiosk.carrier.tmf.TmfDocuments.Product;
import com.simkiosk.privacy.Mask;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The carrier back end over TM Forum Open APIs and CAMARA, as documented in {@code docs/carrier-api.md}.
 * Thread-safe; one instance per carrier, closed by its owner.
 */
public final class TmfCarrierClient implements CarrierBackend, AutoCloseable {
    static final String PRODUCT = "/tmf-api/productInventory/v4/product";
    static final String BUCKET = "/tmf-api/prepayBalanceManagement/v4/bucket";
    static final String TOPUP = "/tmf-api/prepayBalanceManagement/v4/topupBalance";
    static final String USAGE = "/tmf-api/usageManagement/v4/usage";
    static final String OFFERING = "/tmf-api/productCatalogManagement/v4/productOffering";
    static final String SEND_CODE = "/one-time-password-sms/v1/send-code";
    static final String VALIDATE_CODE = "/one-time-password-sms/v1/validate-code";
    static final String KYC_MATCH = "/kyc-match/v0.3/match";

    /** A usage chart covers at most this many days, whatever the caller asks. */
    static final int MAX_USAGE_DAYS = 400;

    /** When the carrier does not say, the kiosk offers a new code after this long. */
    static final Duration DEFAULT_RESEND_COOLDOWN = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(TmfCarrierClient.class);

    private final CarrierEndpoint endpoint;
    private final Clock clock;
    private final Json json = new Json();
    private final TmfHttp http;

    public TmfCarrierClient(CarrierEndpoint endpoint) {
        this(endpoint, Clock.systemUTC());
    }

    /** With the clock that dates tokens, codes and buckets (the kiosk's, or a simulator's in tests). */
    public TmfCarrierClient(CarrierEndpoint endpoint, Clock clock) {
        this(endpoint, clock, d -> Thread.sleep(d.toMillis()));
    }

    /** With a clock for token expiry and bucket validity, and a sleeper for {@code Retry-After} (tests). */
    TmfCarrierClient(CarrierEndpoint endpoint, Clock clock, TmfHttp.Sleeper sleeper) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.http = new TmfHttp(endpoint, clock, json, sleeper);
    }

    public CarrierEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public Line findLineByIccid(Iccid iccid) throws CarrierException {
        if (!iccid.isJapanese()) {
            throw new CarrierException(CarrierError.NOT_SUPPORTED, "SIM from " + iccid.country() + " is not served here");
        }
        return oneLine(PRODUCT + "?realizingResource.id=" + query(iccid.digits()), "line of SIM " + iccid);
    }

    @Override
    public Line findLineByNumber(Msisdn number) throws CarrierException {
        return oneLine(PRODUCT + "?msisdn=" + query(number.e164()), "line of number " + number);
    }

    private Line oneLine(String pathAndQuery, String what) throws CarrierException {
        Product[] products = json.read(http.send(TmfHttp.Call.get(pathAndQuery, what)).body(), Product[].class, "product list");
        if (products.length == 0) {
            throw new CarrierException(CarrierError.NOT_FOUND, "carrier " + endpoint.name() + " does not know this line");
        }
        return line(products[0]);
    }

    private Line line(Product p) throws CarrierException {
        String id = Json.require(p.id(), "product", "id");
        LineStatus status = lineStatus(Json.require(p.status(), "product", "status"));
        String plan = Json.require(p.name(), "product", "name");
        List<Characteristic> chars = p.productCharacteristic() == null ? List.of() : p.productCharacteristic();
        String brand = text(chars, "brand").orElseThrow(() -> missing("product", "characteristic brand"));
        Optional<Msisdn> msisdn;
        try {
            msisdn = text(chars, "MSISDN").map(Msisdn::new);
        } catch (IllegalArgumentException e) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered a product whose MSISDN is not E.164");
        }
        List<VerificationMethod> methods = new ArrayList<>();
        for (String m : texts(chars, "verificationMethods")) {
            verificationMethod(m).ifPresent(methods::add);
        }
        return new Line(id, status, plan, brand, msisdn, methods);
    }

    private static LineStatus lineStatus(String tmf) throws CarrierException {
        return switch (tmf) {
            case "active", "pendingTerminate" -> LineStatus.ACTIVE;
            case "suspended", "created", "pendingActive" -> LineStatus.SUSPENDED;
            case "terminated", "cancelled", "aborted" -> LineStatus.TERMINATED;
            default -> throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an unknown product status");
        };
    }

    /** Methods the kiosk does not know are skipped: a carrier may offer more than this kiosk can do. */
    private static Optional<VerificationMethod> verificationMethod(String name) {
        String normal = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(VerificationMethod.values()).filter(v -> v.name().equals(normal)).findFirst();
    }

    @Override
    public OtpChallenge sendCode(Msisdn number, String smsMessage) throws CarrierException {
        byte[] body = json.write(new TmfDocuments.SendCodeRequest(number.e164(), smsMessage));
        // Not repeated after a dropped connection: the customer would get two codes and count two sends.
        TmfHttp.Answer answer = http.send(TmfHttp.Call.post(SEND_CODE, body, false, "code to number " + number));
        TmfDocuments.SendCodeResponse response = json.read(answer.body(), TmfDocuments.SendCodeResponse.class, "send-code answer");
        String id = Json.require(response.authenticationId(), "send-code answer", "authenticationId");
        long resendAfter = response.resendAfterSeconds() == null ? DEFAULT_RESEND_COOLDOWN.toSeconds()
                : Math.max(0, response.resendAfterSeconds());
        try {
            return new OtpChallenge(id, clock.instant().plusSeconds(resendAfter));
        } catch (DateTimeException | ArithmeticException beyondTime) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered a send-code answer whose resendAfterSeconds ends after time itself");
        }
    }

    @Override
    public void validateCode(OtpChallenge challenge, String code) throws CarrierException {
        byte[] body = json.write(new TmfDocuments.ValidateCodeRequest(challenge.authenticationId(), code));
        http.send(TmfHttp.Call.post(VALIDATE_CODE, body, false, "code check " + Mask.secret(code)));
    }

    /**
     * CAMARA KYC Match v0.3. The line is named by its {@code phoneNumber} as the standard asks, or, for a data-only
     * SIM without a number, by the {@code productId} extension. An identity document is sent whole (spaces and
     * hyphens removed, upper-cased), as CAMARA compares the whole value; it goes only over TLS or to this machine
     * ({@link CarrierEndpoint} refuses anything else) and is never logged.
     */
    @Override
    public void verifyRegisteredDetail(Line line, VerificationMethod method, String value) throws CarrierException {
        if (!line.verificationMethods().contains(method)
                || method != VerificationMethod.ID_DOCUMENT && method != VerificationMethod.ORDER_NUMBER) {
            throw new CarrierException(CarrierError.NOT_SUPPORTED, "this line cannot be verified by " + method);
        }
        String cleaned = value == null ? "" : value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (cleaned.isEmpty()) {
            throw new CarrierException(CarrierError.DETAIL_MISMATCH, "nothing was entered");
        }
        String phoneNumber = line.msisdn().map(Msisdn::e164).orElse(null);
        String productId = phoneNumber == null ? line.id() : null;
        TmfDocuments.KycMatchRequest request = method == VerificationMethod.ID_DOCUMENT
                ? new TmfDocuments.KycMatchRequest(phoneNumber, productId, cleaned, null)
                : new TmfDocuments.KycMatchRequest(phoneNumber, productId, null, value.trim());
        TmfHttp.Answer answer = http.send(TmfHttp.Call.post(KYC_MATCH, json.write(request), false,
                "registered " + method + " " + Mask.secret(value)));
        TmfDocuments.KycMatchResponse response = json.read(answer.body(), TmfDocuments.KycMatchResponse.class, "KYC match answer");
        String match = method == VerificationMethod.ID_DOCUMENT
                ? Json.require(response.idDocumentMatch(), "KYC match answer", "idDocumentMatch")
                : Json.require(response.orderNumberMatch(), "KYC match answer", "orderNumberMatch");
        switch (match) {
            case "true" -> log.info("carrier {}: registered {} matches", endpoint.name(), method);
            case "false" -> throw new CarrierException(CarrierError.DETAIL_MISMATCH, "the " + method + " does not match");
            case "not_available" -> throw new CarrierException(CarrierError.NOT_SUPPORTED,
                    "the carrier cannot check " + method + " for this line");
            default -> throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an unknown match result");
        }
    }

    @Override
    public Balance balance(Line line) throws CarrierException {
        TmfHttp.Answer answer = http.send(TmfHttp.Call.get(BUCKET + "?product.id=" + query(line.id()), "balance"));
        TmfDocuments.Bucket[] buckets = json.read(answer.body(), TmfDocuments.Bucket[].class, "bucket list");
        Instant now = clock.instant();
        List<Bucket> all = new ArrayList<>();
        for (TmfDocuments.Bucket b : buckets) {
            bucket(b, now).ifPresent(all::add);
        }
        return sum(all);
    }

    private Optional<Bucket> bucket(TmfDocuments.Bucket b, Instant now) throws CarrierException {
        Optional<UsageType> known = usageType(Json.require(b.usageType(), "bucket", "usageType"));
        if (known.isEmpty()) {
            return Optional.empty(); // e.g. a loyalty-points bucket: not the kiosk's business
        }
        UsageType type = known.get();
        TmfDocuments.Quantity remaining = Json.require(b.remainingValue(), "bucket", "remainingValue");
        long left = convert(type, remaining, "bucket remainingValue");
        Optional<Long> initial = b.initialValue() == null ? Optional.empty()
                : Optional.of(convert(type, b.initialValue(), "bucket initialValue"));
        Optional<Instant> until = b.validFor() == null ? Optional.empty() : instant(b.validFor().endDateTime(), "bucket validFor.endDateTime");
        boolean active = (b.status() == null || b.status().equalsIgnoreCase("active"))
                && until.map(now::isBefore).orElse(true);
        return Optional.of(new Bucket(type, left, initial, until, active));
    }

    /** Sums active buckets; the line's expiry is the latest end among them (when the line stops being usable). */
    static Balance sum(List<Bucket> buckets) {
        long yen = 0, bytes = 0, seconds = 0, sms = 0;
        Optional<Instant> expires = Optional.empty();
        for (Bucket b : buckets) {
            if (!b.active()) {
                continue;
            }
            switch (b.type()) {
                case MONETARY -> yen += b.remaining();
                case DATA -> bytes += b.remaining();
                case VOICE -> seconds += b.remaining();
                case SMS -> sms += b.remaining();
            }
            if (b.validUntil().isPresent() && expires.map(e -> b.validUntil().get().isAfter(e)).orElse(true)) {
                expires = b.validUntil();
            }
        }
        return new Balance(yen, bytes, seconds, sms, expires, buckets);
    }

    private static Optional<UsageType> usageType(String tmf) {
        return switch (tmf.toLowerCase(Locale.ROOT)) {
            case "data" -> Optional.of(UsageType.DATA);
            case "voice" -> Optional.of(UsageType.VOICE);
            case "sms" -> Optional.of(UsageType.SMS);
            case "monetary" -> Optional.of(UsageType.MONETARY);
            default -> Optional.empty();
        };
    }

    /** One entry per Japanese day from {@code fromDayJst} to today, zero where the carrier reports nothing. */
    @Override
    public List<DailyUsage> dailyUsage(Line line, LocalDate fromDayJst) throws CarrierException {
        TmfHttp.Answer answer = http.send(TmfHttp.Call.get(
                USAGE + "?product.id=" + query(line.id()) + "&usageDate.gte=" + fromDayJst, "usage history"));
        TmfDocuments.Usage[] usages = json.read(answer.body(), TmfDocuments.Usage[].class, "usage list");
        LocalDate today = Units.dayInJapan(clock.instant());
        TreeMap<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate d = fromDayJst; !d.isAfter(today) && perDay.size() < MAX_USAGE_DAYS; d = d.plusDays(1)) {
            perDay.put(d, 0L);
        }
        for (TmfDocuments.Usage u : usages) {
            if (!"data".equalsIgnoreCase(Json.require(u.usageType(), "usage", "usageType"))) {
                continue;
            }
            Instant at = instant(Json.require(u.usageDate(), "usage", "usageDate"), "usage usageDate").orElseThrow();
            List<Characteristic> chars = Json.require(u.usageCharacteristic(), "usage", "usageCharacteristic");
            JsonNode volume = find(chars, "volume").orElseThrow(() -> missing("usage", "characteristic volume"));
            String units = text(chars, "units").orElseThrow(() -> missing("usage", "characteristic units"));
            if (!volume.isNumber() || !Double.isFinite(volume.doubleValue()) && (volume.isDouble() || volume.isFloat())) {
                throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered a usage volume that is not a number");
            }
            long bytes = convert(UsageType.DATA, new TmfDocuments.Quantity(volume.decimalValue(), units), "usage volume");
            LocalDate day = Units.dayInJapan(at);
            if (!day.isBefore(fromDayJst)) {
                perDay.merge(day, bytes, Long::sum);
            }
        }
        List<DailyUsage> days = new ArrayList<>();
        perDay.forEach((day, bytes) -> days.add(new DailyUsage(day, bytes)));
        return days;
    }

    @Override
    public List<TopUpOffer> topUpOffers(Line line) throws CarrierException {
        TmfHttp.Answer answer = http.send(TmfHttp.Call.get(
                OFFERING + "?category.name=topup&product.id=" + query(line.id()), "top-up offers"));
        TmfDocuments.ProductOffering[] offerings = json.read(answer.body(), TmfDocuments.ProductOffering[].class, "offering list");
        List<TopUpOffer> offers = new ArrayList<>();
        for (TmfDocuments.ProductOffering o : offerings) {
            offers.add(offer(o));
        }
        return offers;
    }

    private TopUpOffer offer(TmfDocuments.ProductOffering o) throws CarrierException {
        String id = Json.require(o.id(), "offering", "id");
        String name = Json.require(o.name(), "offering", "name");
        TmfDocuments.OfferingPrice price = Json.require(o.productOfferingPrice(), "offering", "productOfferingPrice").stream()
                .filter(p -> "oneTime".equals(p.priceType()) && p.price() != null).findFirst()
                .orElseThrow(() -> missing("offering", "productOfferingPrice (oneTime)"));
        long yen = yen(price.price().value(), price.price().unit(), "offering price");
        TmfDocuments.CharValueUse allowance = Json.require(o.prodSpecCharValueUse(), "offering", "prodSpecCharValueUse").stream()
                .filter(c -> "dataAllowance".equals(c.name())).findFirst()
                .orElseThrow(() -> missing("offering", "prodSpecCharValueUse dataAllowance"));
        List<TmfDocuments.CharValue> values = Json.require(allowance.productSpecCharacteristicValue(), "offering",
                "dataAllowance.productSpecCharacteristicValue");
        TmfDocuments.CharValue value = values.stream().filter(v -> Boolean.TRUE.equals(v.isDefault())).findFirst()
                .or(() -> values.stream().findFirst())
                .orElseThrow(() -> missing("offering", "dataAllowance value"));
        long bytes = convert(UsageType.DATA, new TmfDocuments.Quantity(value.value(), value.unitOfMeasure()), "offering dataAllowance");
        TmfDocuments.Quantity term = Json.require(o.productOfferingTerm(), "offering", "productOfferingTerm").stream()
                .filter(t -> "validity".equals(t.name()) && t.duration() != null).map(TmfDocuments.OfferingTerm::duration)
                .findFirst().orElseThrow(() -> missing("offering", "productOfferingTerm validity"));
        Duration validity;
        try {
            validity = Units.validity(term.amount(), term.units());
        } catch (IllegalArgumentException e) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an unusable offering validity: " + e.getMessage());
        }
        return new TopUpOffer(id, name, bytes, yen, validity);
    }

    @Override
    public TopUpOrder orderTopUp(Line line, TopUpOffer offer, String idempotencyKey) throws CarrierException {
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("an Idempotency-Key is 1 to 64 characters of A-Z a-z 0-9 - _");
        }
        byte[] body = json.write(new TmfDocuments.TopupRequest(
                new TmfDocuments.Ref(line.id(), null, null), new TmfDocuments.Ref(offer.id(), null, null), "data",
                new TmfDocuments.Channel("kiosk", "Store kiosk"), new TmfDocuments.PaymentMethod("PayAtRegister")));
        // Repeatable: the key makes a second delivery of the same order harmless (docs/carrier-api.md §9).
        TmfHttp.Call call = TmfHttp.Call.post(TOPUP, body, true, "top-up order").withHeader("Idempotency-Key", idempotencyKey);
        TmfDocuments.Topup t = json.read(http.send(call).body(), TmfDocuments.Topup.class, "top-up");
        String orderId = Json.require(t.id(), "top-up", "id");
        String offerId = Json.require(Json.require(t.productOffering(), "top-up", "productOffering").id(), "top-up",
                "productOffering.id");
        TmfDocuments.Payment payment = Json.require(t.payment(), "top-up", "payment");
        String code = Json.require(payment.paymentCode(), "top-up", "payment.paymentCode");
        TmfDocuments.Money amount = Json.require(payment.amount(), "top-up", "payment.amount");
        long yen = yen(amount.value(), amount.unit(), "top-up payment.amount");
        TmfDocuments.TimePeriod valid = Json.require(payment.validFor(), "top-up", "payment.validFor");
        Instant payBy = instant(Json.require(valid.endDateTime(), "top-up", "payment.validFor.endDateTime"),
                "top-up payment.validFor.endDateTime").orElseThrow();
        log.info("carrier {}: top-up ordered, pay at the register by {}", endpoint.name(), Units.showInJapan(payBy));
        return new TopUpOrder(orderId, offerId, yen, code, payBy);
    }

    // ---- conversions, each failure a BAD_RESPONSE naming the field ----

    private static long convert(UsageType type, TmfDocuments.Quantity q, String field) throws CarrierException {
        try {
            return Units.baseUnits(type, q.amount(), q.units());
        } catch (IllegalArgumentException e) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an unusable " + field + ": " + e.getMessage());
        }
    }

    private static long yen(BigDecimal amount, String unit, String field) throws CarrierException {
        try {
            return Units.yen(amount, unit);
        } catch (IllegalArgumentException e) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an unusable " + field + ": " + e.getMessage());
        }
    }

    private static Optional<Instant> instant(String iso, String field) throws CarrierException {
        try {
            return Units.optionalInstant(iso);
        } catch (IllegalArgumentException e) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an unusable " + field);
        }
    }

    private static Optional<JsonNode> find(List<Characteristic> chars, String name) {
        return chars.stream().filter(c -> name.equalsIgnoreCase(c.name()) && c.value() != null && !c.value().isNull())
                .map(Characteristic::value).findFirst();
    }

    private static Optional<String> text(List<Characteristic> chars, String name) {
        return find(chars, name).filter(JsonNode::isValueNode).map(JsonNode::asText).filter(s -> !s.isBlank());
    }

    private static List<String> texts(List<Characteristic> chars, String name) {
        List<String> out = new ArrayList<>();
        find(chars, name).ifPresent(v -> {
            if (v.isArray()) {
                v.forEach(e -> out.add(e.asText()));
            } else {
                for (String s : v.asText().split(",")) {
                    out.add(s);
                }
            }
        });
        return out;
    }

    private static CarrierException missing(String what, String field) {
        return new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered a " + what + " without the required field " + field);
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "TmfCarrierClient[" + endpoint.name() + "]";
    }
}
