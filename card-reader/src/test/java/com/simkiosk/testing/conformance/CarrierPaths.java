package com.simkiosk.testing.conformance;

/** The carrier paths the kiosk uses (contract v2), each an operation of an official document in {@link Api}. */
public final class CarrierPaths {
    public static final String PRODUCT = "/tmf-api/productInventory/v4/product";
    public static final String BUCKET = "/tmf-api/prepayBalanceManagement/v4/bucket";
    public static final String TOPUP = "/tmf-api/prepayBalanceManagement/v4/topupBalance";
    public static final String USAGE = "/tmf-api/usageManagement/v4/usage";
    public static final String OFFERING = "/tmf-api/productCatalogManagement/v4/productOffering";
    public static final String OFFERING_PRICE = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";
    public static final String SEND_CODE = "/one-time-password-sms/v1/send-code";
    public static final String VALIDATE_CODE = "/one-time-password-sms/v1/validate-code";
    public static final String KYC_MATCH = "/kyc-match/v0.3/match";
    /** RFC 6749 token endpoint: in no TMF or CAMARA document. */
    public static final String TOKEN = "/oauth2/token";

    private CarrierPaths() {}
}
