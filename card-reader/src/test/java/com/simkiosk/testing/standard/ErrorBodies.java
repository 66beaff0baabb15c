package com.simkiosk.testing.standard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Error documents as the official documents shape them: TMF {@code Error} (code and reason required, status a
 * string) and CAMARA {@code ErrorInfo} (status integer, code, message; messages are the documents' examples).
 */
final class ErrorBodies {
    private ErrorBodies() {}

    private static final Map<String, String> CAMARA_MESSAGES = Map.ofEntries(
            Map.entry("INVALID_ARGUMENT", "Client specified an invalid argument, request body or query param."),
            Map.entry("OUT_OF_RANGE", "Client specified an invalid range."),
            Map.entry("ONE_TIME_PASSWORD_SMS.VERIFICATION_FAILED",
                    "The maximum number of attempts for this authenticationId was exceeded without providing a valid OTP"),
            Map.entry("ONE_TIME_PASSWORD_SMS.VERIFICATION_EXPIRED", "The authenticationId is no longer valid"),
            Map.entry("ONE_TIME_PASSWORD_SMS.INVALID_OTP", "The provided OTP is not valid for this authenticationId"),
            Map.entry("UNAUTHENTICATED", "Request not authenticated due to missing, invalid, or expired credentials."),
            Map.entry("AUTHENTICATION_REQUIRED", "New authentication is required."),
            Map.entry("PERMISSION_DENIED", "Client does not have sufficient permissions to perform this action."),
            Map.entry("INVALID_TOKEN_CONTEXT", "phoneNumber is not consistent with access token."),
            Map.entry("ONE_TIME_PASSWORD_SMS.MAX_OTP_CODES_EXCEEDED",
                    "Too many OTPs have been requested for this MSISDN. Try later."),
            Map.entry("ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_NOT_ALLOWED",
                    "Phone_number can't receive an SMS due to business reasons in the operator."),
            Map.entry("ONE_TIME_PASSWORD_SMS.PHONE_NUMBER_BLOCKED",
                    "Phone_number is blocked to receive SMS due to any blocking business reason in the operator."),
            Map.entry("NOT_FOUND", "The specified resource is not found."),
            Map.entry("IDENTIFIER_NOT_FOUND", "The phone number provided is not associated with a customer account"),
            Map.entry("KNOW_YOUR_CUSTOMER.INVALID_PARAM_COMBINATION", "Indicated parameter combination is invalid"),
            Map.entry("KNOW_YOUR_CUSTOMER.ID_DOCUMENT_REQUIRED",
                    "The idDocument is required to perform the properties validation"),
            Map.entry("KNOW_YOUR_CUSTOMER.ID_DOCUMENT_MISMATCH",
                    "The idDocument needs to match the one associated with the provided phoneNumber"),
            Map.entry("SERVICE_NOT_APPLICABLE", "The service is not applicable for the provided phone number"),
            Map.entry("MISSING_IDENTIFIER", "No phone number has been provided"),
            Map.entry("QUOTA_EXCEEDED", "Out of resource quota."),
            Map.entry("TOO_MANY_REQUESTS", "Rate limit reached."),
            Map.entry("INTERNAL", "Unknown server error. Typically a server bug."),
            Map.entry("UNAVAILABLE", "Service Unavailable."));

    /** CAMARA ErrorInfo; the message is the document's example for the code. */
    static ObjectNode camara(int status, String code) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", status);
        body.put("code", code);
        body.put("message", CAMARA_MESSAGES.getOrDefault(code, code));
        return body;
    }

    /** TMF Error. */
    static ObjectNode tmf(int status, String code, String reason, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code);
        body.put("reason", reason);
        body.put("message", message);
        body.put("status", String.valueOf(status));
        body.put("@type", "Error");
        return body;
    }

    /** RFC 6749 section 5.2 token endpoint error. */
    static ObjectNode oauth(String error, String description) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }
}
