package com.simkiosk.carrier.tmf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.Bucket;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.SimAuthPolicy;
import com.simkiosk.carrier.SimProof;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static final String OFFERING_PRICE = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";
    static final String SEND_CODE = "/one-time-password-sms/v1/send-code";
    static final String VALIDATE_CODE = "/one-time-password-sms/v1/validate-code";
    static final String KYC_MATCH = "/kyc-match/v0.3/match";

    /** A usage chart covers at most this many days, whatever the caller asks. */
    static final int MAX_USAGE_DAYS = 400;

    /** When the carrier does not say, the kiosk offers a new code after this long. */
    static final Duration DEFAULT_RESEND_COOLDOWN = Duration.ofSeconds(30);

    /** At most this many resolved offering prices are kept (a kiosk sells a handful of top-ups). */
    static final int PRICE_CACHE_SIZE = 64;

    /**
     * A resolved price is used for this long, by the client's clock, then asked again: long enough for one customer's
     * session (offers, then the order), short enough that a kiosk running for months follows the carrier's prices.
     */
    static final Duration PRICE_KEPT = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(TmfCarrierClient.class);
    /** The project's extension header naming a GBA bootstrapping of the SIM in the reader (docs/carrier-api.md §12). */
    static final String BTID_HEADER = "X-GBA-BTID";

    private final CarrierEndpoint endpoint;
    private final Clock clock;
    private final Json json = new Json();
    /** The product and bucket lists, read on every inserted SIM: streamed, not bound (see HotAnswers). */
    private final HotAnswers hot = new HotAnswers(json);
    private final TmfHttp http;
    private final TmfHttp.Sleeper sleeper;
    private final BackendProfile profile;
    private record KnownPrice(TmfDocuments.OfferingPrice price, Instant fetched) {}

    /** Resolved ProductOfferingPrice by id, least recently used dropped first; cleared on close. */
    private final Map<String, KnownPrice> prices = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KnownPrice> eldest) {
            return size() > PRICE_CACHE_SIZE;
        }
    };

    /** At most this many order correlators are remembered as sent (a kiosk places a few orders an hour). */
    static final int SENT_ORDERS_KEPT = 256;

    /**
     * Correlators of orders this client has sent: the kiosk's Retry after a lost answer reuses its correlator, and
     * such an order is looked up before it is sent again. Oldest dropped first.
     */
    private final Map<String, Boolean> ordersSent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SENT_ORDERS_KEPT;
        }
    };

    public TmfCarrierClient(CarrierEndpoint endpoint) {
        this(endpoint, Clock.systemUTC());
    }

    /** With the clock that dates tokens, codes and buckets (the kiosk's, or a simulator's in tests). */
    public TmfCarrierClient(CarrierEndpoint endpoint, Clock clock) {
        this(endpoint, clock, d -> Thread.sleep(d.toMillis()));
    }

    /**
     * With a clock for token expiry, bucket validity and the top-up poll's bound, and a sleeper for
     * {@code Retry-After} and the top-up poll's pauses (tests).
     */
    TmfCarrierClient(CarrierEndpoint endpoint, Clock clock, TmfHttp.Sleeper sleeper) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.sleeper = sleeper;
        this.profile = endpoint.profile();
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
        return oneLine(PRODUCT + "?" + BackendProfile.fill(profile.iccidQuery(), Map.of("iccid", iccid.digits())),
                "line of SIM " + iccid, true);
    }

    /** The lookup carries the B-TID: the carrier answers only if the SIM that bootstrapped is this ICCID's. */
    @Override
    public Line findLineByIccid(Iccid iccid, SimProof proof) throws CarrierException {
        if (!iccid.isJapanese()) {
            throw new CarrierException(CarrierError.NOT_SUPPORTED, "SIM from " + iccid.country() + " is not served here");
        }
        TmfHttp.Call call = TmfHttp.Call.get(PRODUCT + "?" + BackendProfile.fill(profile.iccidQuery(), Map.of("iccid", iccid.digits())),
                "line of SIM " + iccid + " (SIM proven)").withHeader(BTID_HEADER, proof.btid());
        return oneLine(call, true).withSimProof(proof);
    }

    @Override
    public Optional<SimAuthPolicy> simAuthPolicy(Iccid iccid) {
        return Optional.of(endpoint.simAuth());
    }

    @Override
    public Line findLineByNumber(Msisdn number) throws CarrierException {
        return oneLine(PRODUCT + "?" + BackendProfile.fill(profile.msisdnQuery(), Map.of("msisdn", number.e164())),
                "line of number " + number, false);
    }

    private Line oneLine(String pathAndQuery, String what, boolean simInReader) throws CarrierException {
        return oneLine(TmfHttp.Call.get(pathAndQuery, what), simInReader);
    }

    private Line oneLine(TmfHttp.Call call, boolean simInReader) throws CarrierException {
        Product[] products = hot.products(http.send(call).body());
        if (products.length == 0) {
            throw new CarrierException(CarrierError.NOT_FOUND, "carrier " + endpoint.name() + " does not know this line");
        }
        return line(products[0], simInReader);
    }

    /** A call about {@code line}, with its SIM proof when the SIM in the reader gave one (docs/carrier-api.md §12). */
    private static TmfHttp.Call proven(TmfHttp.Call call, Line line) {
        return line.simProof().map(p -> call.withHeader(BTID_HEADER, p.btid())).orElse(call);
    }

    /**
     * A TMF637 Product as a kiosk line. Required: {@code id} and {@code status} (the schema's and the kiosk's
     * minimum); everything else has a fallback (contract v2): plan name → the offering's name → "", brand → the
     * offering's name → this back end's name, verification methods → those the kiosk can offer for the line type.
     */
    private Line line(Product p, boolean simInReader) throws CarrierException {
        String id = Json.require(p.id(), "product", "id");
        String tmfStatus = Json.require(p.status(), "product", "status");
        LineStatus status = profile.lineStatus(tmfStatus).orElseThrow(
                () -> new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an unknown product status"));
        Optional<String> offeringName = Optional.ofNullable(p.productOffering()).map(TmfDocuments.Ref::name)
                .filter(n -> !n.isBlank());
        String plan = Optional.ofNullable(p.name()).filter(n -> !n.isBlank()).or(() -> offeringName).orElse("");
        List<Characteristic> chars = p.productCharacteristic() == null ? List.of() : p.productCharacteristic();
        String brand = text(chars, profile.brandCharacteristic()).or(() -> offeringName).orElse(endpoint.name());
        Optional<Msisdn> msisdn;
        try {
            msisdn = text(chars, profile.msisdnCharacteristic()).map(Msisdn::new);
        } catch (IllegalArgumentException e) {
            throw new CarrierException(CarrierError.BAD_RESPONSE,
                    "carrier answered a product whose characteristic " + profile.msisdnCharacteristic() + " is not E.164");
        }
        List<VerificationMethod> methods = new ArrayList<>();
        if (find(chars, profile.verificationCharacteristic()).isPresent()) {
            for (String m : texts(chars, profile.verificationCharacteristic())) {
                verificationMethod(m).filter(v -> !methods.contains(v)).ifPresent(methods::add);
            }
        } else {
            methods.addAll(fallbackMethods(msisdn, simInReader));
        }
        return new Line(id, status, plan, brand, msisdn, methods);
    }

    /**
     * What the kiosk can offer when the carrier does not list methods (contract v2): with the SIM in the reader its
     * PIN and the registered ID document; an SMS code when the line has a number that receives SMS (not a 020
     * data-only number). Found by number, the customer has just proved the number by code: SMS and ID document.
     * {@code ORDER_NUMBER} is an extension, offered only when the carrier lists it.
     */
    static List<VerificationMethod> fallbackMethods(Optional<Msisdn> msisdn, boolean simInReader) {
        boolean sms = msisdn.map(n -> !n.e164().startsWith("+8120")).orElse(false);
        List<VerificationMethod> methods = new ArrayList<>();
        if (simInReader) {
            methods.add(VerificationMethod.SIM_PIN);
            methods.add(VerificationMethod.ID_DOCUMENT);
            if (sms) {
                methods.add(VerificationMethod.SMS_CODE);
            }
        } else {
            if (sms) {
                methods.add(VerificationMethod.SMS_CODE);
            }
            methods.add(VerificationMethod.ID_DOCUMENT);
        }
        return methods;
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
        TmfHttp.Answer answer = http.send(proven(TmfHttp.Call.post(KYC_MATCH, json.write(request), false,
                "registered " + method + " " + Mask.secret(value)), line));
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
        Instant now = clock.instant();
        List<Bucket> all = new ArrayList<>();
        for (TmfDocuments.Bucket b : buckets(line)) {
            bucket(b, now).ifPresent(all::add);
        }
        return Balance.of(all);
    }

    /** The line's TMF654 buckets; one that names only other products is dropped (a server that ignored the filter). */
    private List<TmfDocuments.Bucket> buckets(Line line) throws CarrierException {
        TmfHttp.Answer answer = http.send(proven(TmfHttp.Call.get(
                BUCKET + "?" + BackendProfile.fill(profile.bucketQuery(), Map.of("productId", line.id())), "balance"), line));
        List<TmfDocuments.Bucket> mine = new ArrayList<>();
        for (TmfDocuments.Bucket b : hot.buckets(answer.body())) {
            if (concerns(b.product(), line)) {
                mine.add(b);
            } else {
                log.warn("carrier {}: bucket list held another line's bucket; left out (check bucketQuery)", endpoint.name());
            }
        }
        return mine;
    }

    /** True when the references name no product or name this line's. */
    private static boolean concerns(List<TmfDocuments.Ref> products, Line line) {
        if (products == null) {
            return true;
        }
        List<String> ids = products.stream().map(TmfDocuments.Ref::id).filter(id -> id != null && !id.isBlank()).toList();
        return ids.isEmpty() || ids.contains(line.id());
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

    private static Optional<UsageType> usageType(String tmf) {
        return switch (tmf.toLowerCase(Locale.ROOT)) {
            case "data" -> Optional.of(UsageType.DATA);
            case "voice" -> Optional.of(UsageType.VOICE);
            case "sms" -> Optional.of(UsageType.SMS);
            case "monetary" -> Optional.of(UsageType.MONETARY);
            default -> Optional.empty();
        };
    }

    /**
     * One entry per Japanese day from {@code fromDayJst} to today, zero where the carrier reports nothing. A usage
     * whose {@code ratedProductUsage} names only other products is dropped: a server that ignores the filter must
     * not show another line's usage.
     */
    @Override
    public List<DailyUsage> dailyUsage(Line line, LocalDate fromDayJst) throws CarrierException {
        String filter = BackendProfile.fill(profile.usageQuery(), Map.of("productId", line.id(), "fromDate", fromDayJst.toString()));
        TmfHttp.Answer answer = http.send(proven(TmfHttp.Call.get(USAGE + "?" + filter, "usage history"), line));
        TmfDocuments.Usage[] usages = json.read(answer.body(), TmfDocuments.Usage[].class, "usage list");
        LocalDate today = Units.dayInJapan(clock.instant());
        TreeMap<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate d = fromDayJst; !d.isAfter(today) && perDay.size() < MAX_USAGE_DAYS; d = d.plusDays(1)) {
            perDay.put(d, 0L);
        }
        boolean foreign = false;
        for (TmfDocuments.Usage u : usages) {
            List<TmfDocuments.Ref> rated = u.ratedProductUsage() == null ? null
                    : u.ratedProductUsage().stream().map(TmfDocuments.RatedProductUsage::productRef).filter(r -> r != null).toList();
            if (!concerns(rated, line)) {
                foreign = true;
                continue;
            }
            if (!"data".equalsIgnoreCase(Json.require(u.usageType(), "usage", "usageType"))) {
                continue;
            }
            Instant at = instant(Json.require(u.usageDate(), "usage", "usageDate"), "usage usageDate").orElseThrow();
            List<Characteristic> chars = Json.require(u.usageCharacteristic(), "usage", "usageCharacteristic");
            JsonNode volume = find(chars, profile.usageVolumeCharacteristic())
                    .orElseThrow(() -> missing("usage", "characteristic " + profile.usageVolumeCharacteristic()));
            String units = text(chars, profile.usageUnitsCharacteristic())
                    .orElseThrow(() -> missing("usage", "characteristic " + profile.usageUnitsCharacteristic()));
            if (!volume.isNumber() || !Double.isFinite(volume.doubleValue()) && (volume.isDouble() || volume.isFloat())) {
                throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered a usage volume that is not a number");
            }
            long bytes = convert(UsageType.DATA, new TmfDocuments.Quantity(volume.decimalValue(), units), "usage volume");
            LocalDate day = Units.dayInJapan(at);
            if (!day.isBefore(fromDayJst)) {
                perDay.merge(day, bytes, Long::sum);
            }
        }
        if (foreign) {
            log.warn("carrier {}: usage list held another line's usage; left out (check usageQuery)", endpoint.name());
        }
        List<DailyUsage> days = new ArrayList<>();
        perDay.forEach((day, bytes) -> days.add(new DailyUsage(day, bytes)));
        return days;
    }

    @Override
    public List<TopUpOffer> topUpOffers(Line line) throws CarrierException {
        TmfHttp.Answer answer = http.send(proven(TmfHttp.Call.get(
                OFFERING + "?" + BackendProfile.fill(profile.offeringQuery(), Map.of("productId", line.id())), "top-up offers"), line));
        TmfDocuments.ProductOffering[] offerings = json.read(answer.body(), TmfDocuments.ProductOffering[].class, "offering list");
        List<TopUpOffer> offers = new ArrayList<>();
        for (TmfDocuments.ProductOffering o : offerings) {
            offers.add(offer(o));
        }
        return offers;
    }

    private TopUpOffer offer(TmfDocuments.ProductOffering o) throws CarrierException {
        String id = Json.require(o.id(), "offering", "id");
        String name = Optional.ofNullable(o.name()).filter(n -> !n.isBlank()).orElse(id);
        TmfDocuments.OfferingPrice price = oneTimePrice(Json.require(o.productOfferingPrice(), "offering", "productOfferingPrice"));
        long yen = yen(price.price().value(), price.price().unit(), "offering price");
        String allowanceName = profile.dataAllowanceCharacteristic();
        TmfDocuments.CharValueUse allowance = Json.require(o.prodSpecCharValueUse(), "offering", "prodSpecCharValueUse").stream()
                .filter(c -> allowanceName.equalsIgnoreCase(c.name())).findFirst()
                .orElseThrow(() -> missing("offering", "prodSpecCharValueUse " + allowanceName));
        List<TmfDocuments.CharValue> values = Json.require(allowance.productSpecCharacteristicValue(), "offering",
                allowanceName + ".productSpecCharacteristicValue");
        TmfDocuments.CharValue value = values.stream().filter(v -> Boolean.TRUE.equals(v.isDefault())).findFirst()
                .or(() -> values.stream().findFirst())
                .orElseThrow(() -> missing("offering", allowanceName + " value"));
        long bytes = convert(UsageType.DATA, new TmfDocuments.Quantity(value.value(), value.unitOfMeasure()), "offering " + allowanceName);
        TmfDocuments.Quantity term = Json.require(o.productOfferingTerm(), "offering", "productOfferingTerm").stream()
                .filter(t -> "validity".equalsIgnoreCase(t.name()) && t.duration() != null).map(TmfDocuments.OfferingTerm::duration)
                .findFirst().orElseThrow(() -> missing("offering", "productOfferingTerm validity"));
        Duration validity;
        try {
            validity = Units.validity(term.amount(), profile.unit(term.units()));
        } catch (IllegalArgumentException e) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an unusable offering validity: " + e.getMessage());
        }
        return new TopUpOffer(id, name, bytes, yen, validity);
    }

    /**
     * The offering's one-time price: inline ({@code price} present) or a TMF620 ProductOfferingPriceRef resolved
     * with {@code GET /productOfferingPrice/{id}} (cached). A price without {@code priceType} counts as one-time.
     */
    private TmfDocuments.OfferingPrice oneTimePrice(List<TmfDocuments.OfferingPrice> refs) throws CarrierException {
        for (TmfDocuments.OfferingPrice ref : refs) {
            TmfDocuments.OfferingPrice price = ref.price() != null ? ref : resolve(ref);
            if (price.price() != null && (price.priceType() == null || "oneTime".equalsIgnoreCase(price.priceType()))) {
                return price;
            }
        }
        throw missing("offering", "productOfferingPrice (oneTime)");
    }

    private TmfDocuments.OfferingPrice resolve(TmfDocuments.OfferingPrice ref) throws CarrierException {
        String id = Json.require(ref.id(), "offering", "productOfferingPrice.id");
        Instant now = clock.instant();
        synchronized (prices) {
            KnownPrice known = prices.get(id);
            if (known != null && !now.isBefore(known.fetched()) && now.isBefore(known.fetched().plus(PRICE_KEPT))) {
                return known.price();
            }
        }
        TmfHttp.Answer answer = http.send(TmfHttp.Call.get(OFFERING_PRICE + "/" + segment(id), "offering price"));
        TmfDocuments.OfferingPrice price = json.read(answer.body(), TmfDocuments.OfferingPrice.class, "offering price");
        Json.require(price.price(), "offering price", "price");
        synchronized (prices) {
            prices.put(id, new KnownPrice(price, now));
        }
        return price;
    }

    /**
     * TMF654 top-up paid at the register, the standard way (contract v2): the line's data bucket and its account
     * from the bucket list, a {@code TopupBalance_Create} carrying {@code correlator} in the profile's correlator
     * field ({@code externalId}), then {@code GET /topupBalance/{id}} until {@code completed}, {@code failed} or
     * {@code cancelled}. The POST is never repeated blindly: when its outcome is unknown (connection lost, no answer
     * in time, 5xx) the order is looked up by its correlator and sent once more only if the carrier does not have it.
     */
    @Override
    public TopUpOrder orderTopUp(Line line, TopUpOffer offer, String correlator) throws CarrierException {
        if (correlator == null || !correlator.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("an order correlator is 1 to 64 characters of A-Z a-z 0-9 - _");
        }
        // The kiosk waits for a top-up as for one call: no poll starts after the call's deadline.
        Instant callDeadline = clock.instant().plus(endpoint.requestTimeout());
        List<TmfDocuments.Bucket> buckets = buckets(line);
        TmfDocuments.Bucket target = buckets.stream()
                .filter(b -> "data".equalsIgnoreCase(b.usageType()) && b.id() != null
                        && (b.status() == null || "active".equalsIgnoreCase(b.status())))
                .findFirst()
                .or(() -> buckets.stream().filter(b -> b.id() != null).findFirst())
                .orElse(null);
        String bucketId = target == null ? line.id() : target.id();
        String accountId = target != null && target.partyAccount() != null && target.partyAccount().id() != null
                && !target.partyAccount().id().isBlank() ? target.partyAccount().id() : line.id();
        TmfDocuments.TopupRequest request = new TmfDocuments.TopupRequest(
                new TmfDocuments.Quantity(BigDecimal.valueOf(offer.dataBytes()), "bytes"), "data",
                TmfDocuments.Ref.to(bucketId), TmfDocuments.Ref.to(accountId), List.of(TmfDocuments.Ref.to(line.id())),
                TmfDocuments.Ref.to("kiosk", "Store kiosk"), TmfDocuments.Ref.to(profile.payAtRegisterMethodId(), "Pay at register"),
                TmfDocuments.Ref.to(offer.id()));
        ObjectNode body = json.mapper().valueToTree(request);
        boolean correlated = !profile.topUpCorrelatorField().isEmpty();
        if (correlated) {
            body.put(profile.topUpCorrelatorField(), correlator);
        }
        ((ObjectNode) body.get("amount")).put("amount", offer.dataBytes()); // a whole number, not the tree's 1.0E9
        byte[] bytes = json.write(body);
        boolean sentBefore;
        synchronized (ordersSent) {
            sentBefore = ordersSent.put(correlator, Boolean.TRUE) != null;
        }
        if (correlated && sentBefore) {
            // The customer's Retry after an error: the first attempt may have been placed. Follow it if so (unless it
            // ended failed or cancelled: then the Retry is a new order).
            CarrierException unknown = new CarrierException(CarrierError.UNAVAILABLE, "carrier " + endpoint.name()
                    + ": could not check whether the top-up was already placed; ask staff before ordering again");
            Optional<TmfDocuments.Topup> earlier = lookUpTopUp(correlator, unknown)
                    .filter(t -> !"failed".equalsIgnoreCase(t.status()) && !"cancelled".equalsIgnoreCase(t.status()));
            if (earlier.isPresent()) {
                log.info("carrier {}: the carrier already has this top-up; following it instead of ordering again", endpoint.name());
                return awaitTopUp(earlier.get(), offer, callDeadline);
            }
        }
        TmfDocuments.Topup placed;
        try {
            placed = postTopUp(bytes);
        } catch (CarrierException unknownOutcome) {
            if (!outcomeUnknown(unknownOutcome)) {
                synchronized (ordersSent) {
                    ordersSent.remove(correlator); // refused: nothing was placed, a Retry may simply order
                }
                throw unknownOutcome;
            }
            if (!correlated) {
                log.warn("carrier {}: top-up answer lost ({}) and the carrier keeps no order id to look it up by; "
                        + "not sent again", endpoint.name(), unknownOutcome.error());
                throw new CarrierException(unknownOutcome.error(), "carrier " + endpoint.name()
                        + ": the top-up's outcome is unknown; ask staff before ordering again");
            }
            log.info("carrier {}: top-up answer lost ({}); looking the order up before sending it again",
                    endpoint.name(), unknownOutcome.error());
            Optional<TmfDocuments.Topup> found = lookUpTopUp(correlator, unknownOutcome);
            if (found.isPresent()) {
                log.info("carrier {}: the carrier has the top-up; not sending it again", endpoint.name());
                placed = found.get();
            } else {
                log.info("carrier {}: the carrier does not have the top-up; sending it once more", endpoint.name());
                placed = postTopUp(bytes);
            }
        }
        return awaitTopUp(placed, offer, callDeadline);
    }

    private TmfDocuments.Topup postTopUp(byte[] body) throws CarrierException {
        // Not repeatable: TMF654 has no idempotency header, a second delivery would buy twice (see orderTopUp).
        TmfHttp.Answer answer = http.send(TmfHttp.Call.post(TOPUP, body, false, "top-up order"));
        return json.read(answer.body(), TmfDocuments.Topup.class, "top-up");
    }

    /** Whether a failed POST may have reached the carrier and been applied: lost connection, no answer, 5xx. */
    private static boolean outcomeUnknown(CarrierException e) {
        if (Thread.currentThread().isInterrupted()) {
            return false; // the customer cancelled: no more calls
        }
        return e.error() == CarrierError.UNAVAILABLE || e.error() == CarrierError.TIMEOUT;
    }

    /** The order carrying this correlator, if the carrier has it; a failed look-up reports the POST's error. */
    private Optional<TmfDocuments.Topup> lookUpTopUp(String correlator, CarrierException postFailure) throws CarrierException {
        String field = profile.topUpCorrelatorField();
        JsonNode list;
        try {
            TmfHttp.Answer answer = http.send(TmfHttp.Call.get(TOPUP + "?" + query(field) + "=" + query(correlator), "top-up look-up"));
            list = json.read(answer.body(), JsonNode.class, "top-up list");
        } catch (CarrierException lookupFailed) {
            log.warn("carrier {}: top-up look-up failed ({}); the order's outcome is unknown, not sent again",
                    endpoint.name(), lookupFailed.error());
            throw postFailure;
        }
        if (!list.isArray()) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered a top-up list that is not a list");
        }
        for (JsonNode entry : list) {
            // Only an order that carries our correlator counts: a server that ignored the filter lists others'.
            if (entry.isObject() && correlator.equals(entry.path(field).asText(null))) {
                return Optional.of(json.read(json.write(entry), TmfDocuments.Topup.class, "top-up"));
            }
        }
        return Optional.empty();
    }

    /**
     * Polls the order until a final status, within the profile's {@code topUpPoll} (its time and its count) and the
     * call's deadline, whichever ends first.
     */
    private TopUpOrder awaitTopUp(TmfDocuments.Topup placed, TopUpOffer offer, Instant callDeadline) throws CarrierException {
        String orderId = Json.require(placed.id(), "top-up", "id");
        BackendProfile.TopUpPoll poll = profile.topUpPoll();
        Instant pollEnd = clock.instant().plus(poll.max());
        Instant giveUpAt = pollEnd.isBefore(callDeadline) ? pollEnd : callDeadline;
        long maxPolls = Math.max(1, poll.max().toNanos() / poll.interval().toNanos());
        TmfDocuments.Topup t = placed;
        for (long polls = 0; ; polls++) {
            String status = Json.require(t.status(), "top-up", "status").toLowerCase(Locale.ROOT);
            switch (status) {
                case "completed" -> {
                    return completed(t, orderId, offer);
                }
                case "failed", "cancelled" -> throw refused(status, t.reason());
                case "created", "inprogress", "pending", "acknowledged" -> {
                    // not final yet
                }
                default -> throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an unknown top-up status");
            }
            if (polls >= maxPolls || !clock.instant().plus(poll.interval()).isBefore(giveUpAt.plusNanos(1))) {
                log.warn("carrier {}: top-up {} not completed in time ({} polls)", endpoint.name(), orderId, polls);
                throw new CarrierException(CarrierError.TIMEOUT, "carrier " + endpoint.name()
                        + " did not complete the top-up in time; it may still complete: ask staff before ordering again");
            }
            try {
                sleeper.sleep(poll.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CarrierException(CarrierError.UNAVAILABLE, "carrier call cancelled");
            }
            TmfHttp.Answer answer = http.send(TmfHttp.Call.get(TOPUP + "/" + segment(orderId), "top-up status"));
            t = json.read(answer.body(), TmfDocuments.Topup.class, "top-up");
        }
    }

    private TopUpOrder completed(TmfDocuments.Topup t, String orderId, TopUpOffer offer) throws CarrierException {
        String offerId = t.productOffering() != null && t.productOffering().id() != null ? t.productOffering().id() : offer.id();
        TmfDocuments.PayAtRegister payment = Json.require(t.payAtRegister(), "top-up", "payAtRegister");
        String code = Json.require(payment.paymentCode(), "top-up", "payAtRegister.paymentCode");
        long yen = payment.amount() == null ? offer.priceYen()
                : yen(payment.amount().value(), payment.amount().unit(), "top-up payAtRegister.amount");
        TmfDocuments.TimePeriod valid = Json.require(payment.validFor(), "top-up", "payAtRegister.validFor");
        Instant payBy = instant(Json.require(valid.endDateTime(), "top-up", "payAtRegister.validFor.endDateTime"),
                "top-up payAtRegister.validFor.endDateTime").orElseThrow();
        log.info("carrier {}: top-up {} ordered, pay at the register by {}", endpoint.name(), orderId, Units.showInJapan(payBy));
        return new TopUpOrder(orderId, offerId, yen, code, payBy);
    }

    /**
     * A failed or cancelled order. TMF654's {@code reason} is free text; the kiosk's own codes are recognised
     * ({@code LINE_NOT_ACTIVE}, {@code UNKNOWN_OFFERING}: the customer cannot buy this), otherwise a failed order is
     * the carrier's trouble (try later) and a cancelled one a refusal.
     */
    private CarrierException refused(String status, String reason) {
        String code = reason == null ? "" : reason.trim().toUpperCase(Locale.ROOT);
        CarrierError error = code.contains("LINE_NOT_ACTIVE") || code.contains("UNKNOWN_OFFERING") || status.equals("cancelled")
                ? CarrierError.NOT_SUPPORTED : CarrierError.UNAVAILABLE;
        log.info("carrier {}: top-up {} → {}", endpoint.name(), status, error);
        return new CarrierException(error, "carrier " + endpoint.name() + ": the top-up was " + status);
    }

    // ---- conversions, each failure a BAD_RESPONSE naming the field ----

    private long convert(UsageType type, TmfDocuments.Quantity q, String field) throws CarrierException {
        try {
            return Units.baseUnits(type, q.amount(), profile.unit(q.units()));
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

    /** An id as one path segment. */
    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        synchronized (prices) {
            prices.clear();
        }
        http.close();
    }

    @Override
    public String toString() {
        return "TmfCarrierClient[" + endpoint.name() + "]";
    }
}
