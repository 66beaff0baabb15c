package com.simkiosk.testing.standard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the {@link StandardCarrier}, described the way a TMF637 inventory would hold it: a product realised by a
 * SIM, optionally an MSISDN (a data-only line has none), a plan offering, a party account, prepaid buckets (TMF654)
 * and rated usage (TMF635). Fluent and mutable while a test builds it; the carrier copies it when it starts.
 */
public final class StandardLine {

    /** A prepaid bucket as this carrier keeps it: units spelled the carrier's way (GB, MB, JPY, seconds). */
    public record BucketSpec(String usageType, double remaining, String units, Instant validUntil, String status) {}

    /** One rated usage record of this line. */
    public record UsageSpec(Instant at, double volume, String units) {}

    final String productId;
    final String iccid;
    String msisdn;
    String name;
    String status = "active";
    String offeringId = "po-std-prepaid";
    String offeringName = "Standard Prepaid";
    String account;
    String idDocument;
    String orderNumber;
    boolean kycApplicable = true;
    final List<BucketSpec> buckets = new ArrayList<>();
    final List<UsageSpec> usage = new ArrayList<>();

    private StandardLine(String productId, String iccid) {
        this.productId = Objects.requireNonNull(productId, "productId");
        this.iccid = Objects.requireNonNull(iccid, "iccid");
        this.account = "acc-" + productId;
    }

    /** A line realised by the SIM {@code iccid}; add a number with {@link #msisdn} unless it is data-only. */
    public static StandardLine sim(String productId, String iccid) {
        return new StandardLine(productId, iccid);
    }

    /** The E.164 number, served as the standard lower-case {@code msisdn} product characteristic. */
    public StandardLine msisdn(String e164) {
        this.msisdn = e164;
        return this;
    }

    /** The product's own name; without one the product document has no {@code name} (it is optional in TMF637). */
    public StandardLine name(String productName) {
        this.name = productName;
        return this;
    }

    /** A TMF637 ProductStatusType value, e.g. {@code active}, {@code suspended}, {@code terminated}. */
    public StandardLine status(String tmfStatus) {
        this.status = tmfStatus;
        return this;
    }

    /** The plan (productOffering ref, with its name) this line was sold as. */
    public StandardLine offering(String id, String offeringDisplayName) {
        this.offeringId = id;
        this.offeringName = offeringDisplayName;
        return this;
    }

    public StandardLine account(String partyAccountId) {
        this.account = partyAccountId;
        return this;
    }

    /** The identity document number on file (KYC Match compares the whole value). */
    public StandardLine idDocument(String number) {
        this.idDocument = number;
        return this;
    }

    /** The order number on file (KYC Match {@code orderNumber} extension). */
    public StandardLine orderNumber(String number) {
        this.orderNumber = number;
        return this;
    }

    /** KYC Match answers {@code 422 SERVICE_NOT_APPLICABLE} for this line. */
    public StandardLine kycNotApplicable() {
        this.kycApplicable = false;
        return this;
    }

    /** An active bucket, e.g. {@code bucket("data", 2.5, "GB", end)}. */
    public StandardLine bucket(String usageType, double remaining, String units, Instant validUntil) {
        return bucket(usageType, remaining, units, validUntil, "active");
    }

    /** A bucket with a TMF654 BucketStatusType ({@code active}, {@code suspended}, {@code expired}). */
    public StandardLine bucket(String usageType, double remaining, String units, Instant validUntil, String status) {
        buckets.add(new BucketSpec(usageType, remaining, units, validUntil, status));
        return this;
    }

    /** Data used at {@code at}, e.g. {@code usage(t, 412.5, "MB")}. */
    public StandardLine usage(Instant at, double volume, String units) {
        usage.add(new UsageSpec(at, volume, units));
        return this;
    }

    public String productId() {
        return productId;
    }

    public String iccid() {
        return iccid;
    }

    public Optional<String> msisdn() {
        return Optional.ofNullable(msisdn);
    }
}
