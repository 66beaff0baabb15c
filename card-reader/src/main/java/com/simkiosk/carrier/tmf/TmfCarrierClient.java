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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

    /** When the carrier does not say, the kiosk offers a new code after this long. */
    static final Duration DEFAULT_RESEND_COOLDOWN = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(TmfCarrierClient.class);

    private final CarrierEndpoint endpoint;
    private final Clock clock;
    private final Json json = new Json();
    private final TmfHttp http;

    public TmfCarrierClient(CarrierEndpoint endpoint) {
        this(endpoint, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
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
        String plan = p.productOffering() != null && p.productOffering().name() != null ? p.productOffering().name()
                : Json.require(p.name(), "product", "name (or productOffering.name)");
        List<Characteristic> chars = p.productCharacteristic() == null ? List.of() : p.productCharacteristic();
        String brand = text(chars, "brand").orElse(endpoint.name());
        Optional<Msisdn> msisdn;
        try {
            msisdn = text(chars, "msisdn").map(Msisdn::new);
        } catch (IllegalArgumentException e) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered a product whose msisdn is not E.164");
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
        return new OtpChallenge(id, clock.instant().plus(DEFAULT_RESEND_COOLDOWN));
    }

    @Override
    public void validateCode(OtpChallenge challenge, String code) throws CarrierException {
        byte[] body = json.write(new TmfDocuments.ValidateCodeRequest(challenge.authenticationId(), code));
        http.send(TmfHttp.Call.post(VALIDATE_CODE, body, false, "code check " + Mask.secret(code)));
    }

    @Override
    public void verifyRegisteredDetail(Line line, VerificationMethod method, String value) throws CarrierException {
        if (!line.verificationMethods().contains(method)) {
            throw new CarrierException(CarrierError.NOT_SUPPORTED, "this line cannot be verified by " + method);
        }
        throw new CarrierException(CarrierError.NOT_SUPPORTED, "not yet wired: " + method);
    }

    @Override
    public Balance balance(Line line) throws CarrierException {
        TmfHttp.Answer answer = http.send(TmfHttp.Call.get(BUCKET + "?product.id=" + query(line.id()), "balance"));
        TmfDocuments.Bucket[] buckets = json.read(answer.body(), TmfDocuments.Bucket[].class, "bucket list");
        Instant now = clock.instant();
        List<Bucket> all = new ArrayList<>();
        for (TmfDocuments.Bucket b : buckets) {
            all.add(bucket(b, now));
        }
        return sum(all);
    }

    private Bucket bucket(TmfDocuments.Bucket b, Instant now) throws CarrierException {
        UsageType type = usageType(Json.require(b.usageType(), "bucket", "usageType"));
        TmfDocuments.Quantity remaining = Json.require(b.remainingValue(), "bucket", "remainingValue");
        long left = convert(type, remaining, "bucket remainingValue");
        Optional<Long> initial = b.initialValue() == null ? Optional.empty()
                : Optional.of(convert(type, b.initialValue(), "bucket initialValue"));
        Optional<Instant> until = b.validFor() == null ? Optional.empty() : instant(b.validFor().endDateTime(), "bucket validFor.endDateTime");
        boolean active = (b.status() == null || b.status().equalsIgnoreCase("active"))
                && until.map(now::isBefore).orElse(true);
        return new Bucket(type, left, initial, until, active);
    }

    /** Sums active buckets; the line's expiry is the earliest end among active buckets with something left. */
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
            if (b.remaining() > 0 && b.validUntil().isPresent()
                    && expires.map(e -> b.validUntil().get().isBefore(e)).orElse(true)) {
                expires = b.validUntil();
            }
        }
        return new Balance(yen, bytes, seconds, sms, expires, buckets);
    }

    private static UsageType usageType(String tmf) throws CarrierException {
        return switch (tmf.toLowerCase(Locale.ROOT)) {
            case "data" -> UsageType.DATA;
            case "voice" -> UsageType.VOICE;
            case "sms" -> UsageType.SMS;
            case "monetary" -> UsageType.MONETARY;
            default -> throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an unknown usageType");
        };
    }

    @Override
    public List<DailyUsage> dailyUsage(Line line, LocalDate fromDayJst) throws CarrierException {
        String from = Units.isoJst(Units.startOfDayInJapan(fromDayJst));
        TmfHttp.Answer answer = http.send(TmfHttp.Call.get(
                USAGE + "?product.id=" + query(line.id()) + "&usageDate.gt=" + query(from), "usage history"));
        TmfDocuments.Usage[] usages = json.read(answer.body(), TmfDocuments.Usage[].class, "usage list");
        TreeMap<LocalDate, Long> perDay = new TreeMap<>();
        for (TmfDocuments.Usage u : usages) {
            if (u.usageType() != null && !u.usageType().equalsIgnoreCase("data")) {
                continue;
            }
            Instant at = instant(Json.require(u.usageDate(), "usage", "usageDate"), "usage usageDate").orElseThrow();
            List<Characteristic> chars = u.usageCharacteristic() == null ? List.of() : u.usageCharacteristic();
            long bytes = 0;
            for (Characteristic c : chars) {
                if (c.name() != null && c.name().equalsIgnoreCase("volume") && c.value() != null) {
                    bytes += convert(UsageType.DATA, quantity(c.value()), "usage volume");
                }
            }
            perDay.merge(Units.dayInJapan(at), bytes, Long::sum);
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
        List<TmfDocuments.ProductOfferingPrice> prices = Json.require(o.productOfferingPrice(), "offering", "productOfferingPrice");
        if (prices.isEmpty()) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an offering without a price");
        }
        TmfDocuments.Price price = Json.require(prices.get(0).price(), "offering", "productOfferingPrice[0].price");
        TmfDocuments.Money money = Json.require(price.taxIncludedAmount(), "offering", "price.taxIncludedAmount");
        long yen = yen(money.value(), money.unit(), "offering price");
        List<Characteristic> chars = o.prodSpecCharValueUse() != null ? o.prodSpecCharValueUse()
                : o.characteristic() == null ? List.of() : o.characteristic();
        long bytes = convert(UsageType.DATA, quantity(find(chars, "dataVolume")
                .orElseThrow(() -> missing("offering", "characteristic dataVolume"))), "offering dataVolume");
        Duration validity = Duration.ofSeconds(convert(UsageType.VOICE, quantity(find(chars, "validity")
                .orElseThrow(() -> missing("offering", "characteristic validity"))), "offering validity"));
        return new TopUpOffer(id, name, bytes, yen, validity);
    }

    @Override
    public TopUpOrder orderTopUp(Line line, TopUpOffer offer, String idempotencyKey) throws CarrierException {
        byte[] body = json.write(new TmfDocuments.TopupRequest(
                new TmfDocuments.Ref(line.id(), null, "Product"), new TmfDocuments.Ref(offer.id(), null, "ProductOffering"),
                new TmfDocuments.Quantity(java.math.BigDecimal.valueOf(offer.priceYen()), "JPY"),
                new TmfDocuments.Channel("kiosk"), "data", null));
        // Repeatable: the key makes a second delivery of the same order harmless.
        TmfHttp.Call call = TmfHttp.Call.post(TOPUP, body, true, "top-up order").withHeader("Idempotency-Key", idempotencyKey);
        TmfDocuments.Topup t = json.read(http.send(call).body(), TmfDocuments.Topup.class, "top-up");
        String orderId = Json.require(t.id(), "top-up", "id");
        String code = Json.require(t.paymentCode(), "top-up", "paymentCode");
        Instant payBy = instant(Json.require(t.payBy(), "top-up", "payBy"), "top-up payBy").orElseThrow();
        long yen = t.amount() == null ? offer.priceYen() : yen(t.amount().amount(), t.amount().units(), "top-up amount");
        log.info("carrier {}: top-up ordered for line, pay by {}", endpoint.name(), Units.showInJapan(payBy));
        return new TopUpOrder(orderId, offer.id(), yen, code, payBy);
    }

    // ---- conversions, each failure a BAD_RESPONSE naming the field ----

    private static long convert(UsageType type, TmfDocuments.Quantity q, String field) throws CarrierException {
        try {
            return Units.baseUnits(type, q.amount(), q.units());
        } catch (IllegalArgumentException e) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an unusable " + field + ": " + e.getMessage());
        }
    }

    private static long yen(java.math.BigDecimal amount, String unit, String field) throws CarrierException {
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

    private TmfDocuments.Quantity quantity(JsonNode node) throws CarrierException {
        if (!node.isObject() || !node.has("amount") || !node.has("units")) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered a quantity without amount and units");
        }
        return new TmfDocuments.Quantity(node.get("amount").decimalValue(), node.get("units").asText());
    }

    private static Optional<JsonNode> find(List<Characteristic> chars, String name) {
        return chars.stream().filter(c -> name.equals(c.name()) && c.value() != null && !c.value().isNull())
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
