package com.simkiosk.testing.standard;

import java.util.Objects;

/**
 * A TMF620 product offering of the {@link StandardCarrier}. A top-up carries a data allowance
 * ({@code prodSpecCharValueUse dataAllowance}), a validity term and one one-time price, served as a reference
 * ({@code productOfferingPrice} id/href/name) that a client resolves with {@code GET /productOfferingPrice/{id}}.
 *
 * @param category      TMF620 category name: {@code topup} or {@code plan}
 * @param dataAmount    the allowance in {@code dataUnit} (e.g. 1 GB, 500 MB); 0 for a plan
 * @param validityDays  the productOfferingTerm duration in days; 0 for a plan
 * @param priceYen      the one-time price; 0 for a plan (a plan has no price reference)
 */
public record StandardOffering(String id, String name, String category, double dataAmount, String dataUnit,
        int validityDays, long priceYen) {

    public StandardOffering {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
    }

    public static StandardOffering topUp(String id, String name, double dataAmount, String dataUnit, int validityDays,
            long priceYen) {
        return new StandardOffering(id, name, "topup", dataAmount, dataUnit, validityDays, priceYen);
    }

    public static StandardOffering plan(String id, String name) {
        return new StandardOffering(id, name, "plan", 0, "GB", 0, 0);
    }

    public boolean isTopUp() {
        return category.equals("topup");
    }

    /** The id of its price, served at {@code /productOfferingPrice/{id}}. */
    public String priceId() {
        return "pop-" + id;
    }
}
