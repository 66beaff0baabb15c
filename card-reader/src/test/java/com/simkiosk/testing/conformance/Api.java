package com.simkiosk.testing.conformance;

/** The official documents the carrier client and simulator are checked against (copies in {@code docs/specs}). */
public enum Api {
    TMF637_PRODUCT_INVENTORY("TMF637-ProductInventory-v4.0.0.swagger.json"),
    TMF654_PREPAY_BALANCE("TMF654-PrepayBalance-v4.0.0.swagger.json"),
    TMF635_USAGE("TMF635-UsageManagement-v4.0.0.swagger.json"),
    TMF620_PRODUCT_CATALOG("TMF620-ProductCatalog-v4.0.0.swagger.json"),
    CAMARA_OTP_SMS("camara-one-time-password-sms-v1.1.1.yaml"),
    CAMARA_KYC_MATCH("camara-kyc-match-v0.3.0.yaml");

    /** The generic CAMARA errors (Generic500, Generic503, …) an operation may answer without listing them. */
    static final String CAMARA_COMMON = "CAMARA_common-r2.3.yaml";

    private final String file;

    Api(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** TM Forum v4: Swagger 2.0, JSON Schema draft-04 under {@code #/definitions}. Otherwise CAMARA: OpenAPI 3.0. */
    public boolean isTmf() {
        return name().startsWith("TMF");
    }

    /** Where a named schema lives in the document. */
    String schemaPointer(String name) {
        return (isTmf() ? "/definitions/" : "/components/schemas/") + Pointers.escape(name);
    }
}
