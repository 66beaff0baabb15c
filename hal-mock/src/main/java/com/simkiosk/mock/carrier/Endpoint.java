package com.simkiosk.mock.carrier;

import java.util.Optional;

/**
 * Every endpoint the simulator serves (docs/carrier-api.md), for routing and for aiming faults. A path ending in
 * {@code /{id}} names one resource: the last segment is its id.
 */
public enum Endpoint {
    TOKEN("POST", "/oauth2/token", ErrorStyle.OAUTH),
    PRODUCT("GET", "/tmf-api/productInventory/v4/product", ErrorStyle.TMF),
    PRODUCT_BY_ID("GET", "/tmf-api/productInventory/v4/product/{id}", ErrorStyle.TMF),
    SEND_CODE("POST", "/one-time-password-sms/v1/send-code", ErrorStyle.CAMARA),
    VALIDATE_CODE("POST", "/one-time-password-sms/v1/validate-code", ErrorStyle.CAMARA),
    KYC_MATCH("POST", "/kyc-match/v0.3/match", ErrorStyle.CAMARA),
    BUCKET("GET", "/tmf-api/prepayBalanceManagement/v4/bucket", ErrorStyle.TMF),
    BUCKET_BY_ID("GET", "/tmf-api/prepayBalanceManagement/v4/bucket/{id}", ErrorStyle.TMF),
    USAGE("GET", "/tmf-api/usageManagement/v4/usage", ErrorStyle.TMF),
    USAGE_BY_ID("GET", "/tmf-api/usageManagement/v4/usage/{id}", ErrorStyle.TMF),
    PRODUCT_OFFERING("GET", "/tmf-api/productCatalogManagement/v4/productOffering", ErrorStyle.TMF),
    PRODUCT_OFFERING_BY_ID("GET", "/tmf-api/productCatalogManagement/v4/productOffering/{id}", ErrorStyle.TMF),
    PRODUCT_OFFERING_PRICE("GET", "/tmf-api/productCatalogManagement/v4/productOfferingPrice/{id}", ErrorStyle.TMF),
    /** Places an order. */
    TOPUP("POST", "/tmf-api/prepayBalanceManagement/v4/topupBalance", ErrorStyle.TMF),
    /** Lists orders, e.g. {@code ?externalId=} to find one whose answer was lost. */
    TOPUP_LIST("GET", "/tmf-api/prepayBalanceManagement/v4/topupBalance", ErrorStyle.TMF),
    TOPUP_BY_ID("GET", "/tmf-api/prepayBalanceManagement/v4/topupBalance/{id}", ErrorStyle.TMF),
    /** GBA bootstrapping (Ub, TS 24.109 §4): HTTP Digest AKA, no bearer token. Other errors in the TMF family. */
    BSF("GET", "/bsf/bootstrap", ErrorStyle.TMF);

    private static final String ID = "/{id}";

    private final String method;
    private final String path;
    private final ErrorStyle errorStyle;

    Endpoint(String method, String path, ErrorStyle errorStyle) {
        this.method = method;
        this.path = path;
        this.errorStyle = errorStyle;
    }

    public String method() {
        return method;
    }

    /** The path, with {@code {id}} standing for the resource id of a one-resource endpoint. */
    public String path() {
        return path;
    }

    /** The path of one resource of a {@code {id}} endpoint (ids are plain: letters, digits, hyphens). */
    String pathOf(String id) {
        if (!path.endsWith(ID)) {
            throw new IllegalStateException(this + " names no single resource");
        }
        return path.substring(0, path.length() - ID.length() + 1) + id;
    }

    ErrorStyle errorStyle() {
        return errorStyle;
    }

    /**
     * Empty when the (decoded) request path is not this endpoint's; else the resource id ({@code ""} for a path
     * without {@code {id}}).
     */
    Optional<String> match(String requestPath) {
        if (!path.endsWith(ID)) {
            return path.equals(requestPath) ? Optional.of("") : Optional.empty();
        }
        String prefix = path.substring(0, path.length() - ID.length() + 1);
        if (!requestPath.startsWith(prefix) || requestPath.length() == prefix.length()) {
            return Optional.empty();
        }
        String id = requestPath.substring(prefix.length());
        return id.contains("/") ? Optional.empty() : Optional.of(id);
    }
}
