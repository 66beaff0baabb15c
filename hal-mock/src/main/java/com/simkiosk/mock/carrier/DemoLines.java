package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.fs.Imsi;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.carrier.tmf.BackendProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The carrier simulator's demo lines, for the kiosk's demo SIM tray and for tests. Built from the same data the
 * simulator serves ({@link #builtIn()} or a {@code --data} file), so the tray and the back end always agree.
 */
public final class DemoLines {

    /** OAuth client credentials of the demo kiosk. */
    /**
     * The back-end profile a kiosk uses with this simulator: the standard one plus the offers-for-this-line extension
     * ({@code product.id} on the offering list, docs/carrier-api.md "Project extensions").
     */
    public static final BackendProfile KIOSK_PROFILE =
            BackendProfile.standard().withOfferingQuery("category.name=topup&product.id={productId}");

    public static final String CLIENT_ID = "demo-kiosk";
    public static final String CLIENT_SECRET = "demo-secret";
    /** A Korean SIM: not served by any Japanese back end (the client says NOT_SUPPORTED, the simulator finds nothing). */
    public static final Iccid FOREIGN_ICCID = Iccid.parse("8982100000000000109");
    /** A Japanese ICCID, Luhn-valid, that no demo line has. */
    public static final Iccid UNKNOWN_JAPANESE_ICCID = Iccid.parse("8981309999999999992");
    /** A Japanese mobile number that no demo line has. */
    public static final Msisdn UNKNOWN_NUMBER = new Msisdn("+819099990000");

    private final List<DemoLine> lines;

    DemoLines(CarrierData data) {
        this.lines = data.lines.stream().map(DemoLines::toDemoLine).toList();
    }

    /** The lines shipped with the simulator ({@code carrier-sim/demo-lines.json}), dated from {@code clock}. */
    public static DemoLines builtIn(Clock clock) {
        ObjectMapper json = new ObjectMapper();
        return new DemoLines(CarrierData.parse(CarrierData.readBuiltIn(json), clock.instant()));
    }

    /** The lines of a data file given to {@code carrier-sim --data FILE}, dated from {@code clock}. */
    public static DemoLines fromFile(Path file, Clock clock) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return new DemoLines(CarrierData.parse(CarrierData.readFile(json, file), clock.instant()));
    }

    public List<DemoLine> all() {
        return lines;
    }

    public DemoLine byKey(String key) {
        return lines.stream().filter(l -> l.key().equals(key)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no demo line " + key));
    }

    public Optional<DemoLine> byIccid(Iccid iccid) {
        return lines.stream().filter(l -> l.iccid().equals(iccid)).findFirst();
    }

    public Optional<DemoLine> byNumber(Msisdn number) {
        return lines.stream().filter(l -> l.msisdn().filter(number::equals).isPresent()).findFirst();
    }

    /** docomo-network tourist data SIM, 3 GB / 15 days, no SMS, no number. */
    public DemoLine touristData() {
        return byKey("tourist-data");
    }

    /** au (KDDI) prepaid with a yen balance and call time. */
    public DemoLine auPrepaid() {
        return byKey("au-prepaid");
    }

    public DemoLine softbankPrepaid() {
        return byKey("softbank-prepaid");
    }

    public DemoLine rakuten() {
        return byKey("rakuten");
    }

    /** IIJmio MVNO line, data + SMS. */
    public DemoLine iijMvno() {
        return byKey("iij-mvno");
    }

    /** A tourist SIM whose every bucket has expired (the line itself is still active). */
    public DemoLine expiredTourist() {
        return byKey("expired-tourist");
    }

    public DemoLine suspended() {
        return byKey("suspended");
    }

    /** A line with top-up buckets that expire at different times. */
    public DemoLine staggeredTopUps() {
        return byKey("staggered-topups");
    }

    public DemoLine terminated() {
        return byKey("terminated");
    }

    /**
     * A data line with a 020 number served as a plain standard product (no brand, no verification list), whose
     * number the operator does not let receive SMS codes.
     */
    public DemoLine plain020() {
        return byKey("plain-020");
    }

    private static DemoLine toDemoLine(CarrierData.Line l) {
        return new DemoLine(l.key(), l.label(), l.productId(), l.partyAccountId(), Iccid.parse(l.iccid()),
                l.msisdn().map(Msisdn::new), l.simPin(), LineStatus.valueOf(l.status().toUpperCase(Locale.ROOT)),
                l.brand().orElse(l.planName()),
                l.verificationMethods().orElse(List.of()).stream().map(VerificationMethod::valueOf).toList(),
                l.idDocument(), l.orderNumber(), l.usim().map(u -> new Imsi(u.imsi())),
                l.usim().map(CarrierData.Usim::mncLength).orElse(2));
    }
}
