package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.simkiosk.testing.TestTime;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Plain java.net.http requests to the simulator (deliberately not the kiosk's client). */
final class SimHttp {

    static final Duration TIMEOUT = TestTime.bound(Duration.ofSeconds(5));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private String token = "";

    SimHttp(URI base) {
        this.base = base;
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<String> tokenRequest(String authorization, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("/oauth2/token")).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in with the demo credentials and keeps the token for later requests. */
    SimHttp login() throws IOException, InterruptedException {
        HttpResponse<String> r = tokenRequest(basic(DemoLines.CLIENT_ID, DemoLines.CLIENT_SECRET),
                "grant_type=client_credentials");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        token = json(r).get("access_token").asText();
        return this;
    }

    String token() {
        return token;
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> post(String path, String jsonBody, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    ObjectMapper json() {
        return json;
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    HttpResponse<String> productByIccid(String iccid) throws IOException, InterruptedException {
        return get("/tmf-api/productInventory/v4/product?realizingResource.id=" + enc(iccid));
    }

    HttpResponse<String> productByNumber(String e164) throws IOException, InterruptedException {
        return get("/tmf-api/productInventory/v4/product?productCharacteristic.name=msisdn&productCharacteristic.value="
                + enc(e164));
    }

    HttpResponse<String> kycMatch(String jsonBody) throws IOException, InterruptedException {
        return post("/kyc-match/v0.3/match", jsonBody);
    }

    HttpResponse<String> sendCode(String e164) throws IOException, InterruptedException {
        return post("/one-time-password-sms/v1/send-code",
                "{\"phoneNumber\":\"" + e164 + "\",\"message\":\"{{code}} is your SIM kiosk verification code\"}");
    }

    HttpResponse<String> validateCode(String authenticationId, String code) throws IOException, InterruptedException {
        return post("/one-time-password-sms/v1/validate-code",
                "{\"authenticationId\":\"" + authenticationId + "\",\"code\":\"" + code + "\"}");
    }
}
