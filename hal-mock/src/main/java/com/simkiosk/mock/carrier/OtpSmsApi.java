package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** CAMARA One-Time-Password-SMS v1: send-code and validate-code, over {@link OtpService}. */
final class OtpSmsApi {

    private static final int MAX_MESSAGE = 160;

    private final OtpService otp;
    private final SimJson json;

    OtpSmsApi(OtpService otp, SimJson json) {
        this.otp = otp;
        this.json = json;
    }

    SimResponse sendCode(SimRequest request) {
        JsonNode body = request.jsonBody(json.mapper());
        String phone = body.path("phoneNumber").asText("");
        String message = body.path("message").asText("");
        if (!phone.matches(ProductInventoryApi.E164)) {
            throw ApiError.badRequest("phoneNumber must be E.164, e.g. +819012345678");
        }
        if (!message.contains("{{code}}") || message.length() > MAX_MESSAGE) {
            throw ApiError.badRequest("message must contain {{code}} and have at most 160 characters");
        }
        OtpService.SendResult result = otp.send(phone, message);
        if (result instanceof OtpService.SendResult.Cooldown cooldown) {
            throw new ApiError(429, "TOO_MANY_REQUESTS", "A code was sent moments ago, retry after the given time",
                    Map.of("Retry-After", Long.toString(cooldown.retryAfterSeconds())));
        }
        if (result instanceof OtpService.SendResult.TooManyCodes) {
            throw new ApiError(403, "ONE_TIME_PASSWORD_SMS.MAX_OTP_CODES_EXCEEDED",
                    "Too many codes requested for this phone number, try again later");
        }
        if (result instanceof OtpService.SendResult.Refused refused) {
            throw new ApiError(403, refused.code(), refused.code().endsWith("BLOCKED")
                    ? "Phone_number is blocked to receive SMS due to any blocking business reason in the operator."
                    : "Phone_number can't receive an SMS due to business reasons in the operator.");
        }
        OtpService.SendResult.Sent sent = (OtpService.SendResult.Sent) result;
        return json.answer(200, json.object()
                .put("authenticationId", sent.authenticationId())
                .put("resendAfterSeconds", sent.resendAfter().toSeconds()));
    }

    SimResponse validateCode(SimRequest request) {
        JsonNode body = request.jsonBody(json.mapper());
        String id = body.path("authenticationId").asText("");
        String code = body.path("code").asText("");
        if (id.isEmpty() || code.isEmpty()) {
            throw ApiError.badRequest("authenticationId and code are required");
        }
        return switch (otp.check(id, code)) {
            case VALID -> SimResponse.noContent();
            case INVALID_OTP -> throw new ApiError(400, "ONE_TIME_PASSWORD_SMS.INVALID_OTP",
                    "The provided OTP is not valid for this authenticationId");
            case VERIFICATION_FAILED -> throw new ApiError(400, "ONE_TIME_PASSWORD_SMS.VERIFICATION_FAILED",
                    "The maximum number of attempts for this authenticationId was exceeded without providing a valid OTP");
            case VERIFICATION_EXPIRED -> throw new ApiError(400, "ONE_TIME_PASSWORD_SMS.VERIFICATION_EXPIRED",
                    "The authenticationId is no longer valid");
            case UNKNOWN_ID -> throw ApiError.badRequest("Unknown authenticationId");
        };
    }
}
