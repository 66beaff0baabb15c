package com.simkiosk.mock.carrier;

/** Every endpoint the simulator serves (docs/carrier-api.md), for routing and for aiming faults. */
public enum Endpoint {
    TOKEN("POST", "/oauth2/token", ErrorStyle.OAUTH),
    PRODUCT("GET", "/tmf-api/productInventory/v4/product", ErrorStyle.TMF),
    SEND_CODE("POST", "/one-time-password-sms/v1/send-code", ErrorStyle.CAMARA),
    VALIDATE_CODE("POST", "/one-time-password-sms/v1/validate-code", ErrorStyle.CAMARA),
    KYC_MATCH("POST", "/kyc-match/v0.3/match", ErrorStyle.CAMARA),
    BUCKET("GET", "/tmf-api/prepayBalanceManagement/v4/bucket", ErrorStyle.TMF),
    USAGE("GET", "/tmf-api/usageManagement/v4/usage", ErrorStyle.TMF),
    PRODUCT_OFFERING("GET", "/tmf-api/productCatalogManagement/v4/productOffering", ErrorStyle.TMF),
    TOPUP("POST", "/tmf-api/prepayBalanceManagement/v4/topupBalance", ErrorStyle.TMF);

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

    public String path() {
        return path;
    }

    ErrorStyle errorStyle() {
        return errorStyle;
    }
}
