package com.simkiosk.mock.carrier;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OAuth 2.0 client credentials with HTTP Basic client authentication only (docs 2). */
final class OAuthTokenApi {

    static final Map<String, String> BASIC_CHALLENGE = Map.of("WWW-Authenticate", "Basic realm=\"carrier\"");
    private static final Logger log = LoggerFactory.getLogger(OAuthTokenApi.class);

    private final Map<String, String> clients;
    private final TokenStore tokens;
    private final SimJson json;

    OAuthTokenApi(Map<String, String> clients, TokenStore tokens, SimJson json) {
        this.clients = clients;
        this.tokens = tokens;
        this.json = json;
    }

    SimResponse token(SimRequest request) {
        Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
        String clientId = basicClient(request.header("Authorization"))
                .orElseThrow(() -> new ApiError(401, "invalid_client", "Client authentication failed", BASIC_CHALLENGE));
        String grant = form.getOrDefault("grant_type", "");
        if (grant.isEmpty()) {
            throw new ApiError(400, "invalid_request", "grant_type is required");
        }
        if (!grant.equals("client_credentials")) {
            throw new ApiError(400, "unsupported_grant_type", "Only client_credentials is supported");
        }
        String token = tokens.issue(clientId);
        log.info("token issued to client {} for {}", clientId, tokens.lifetime());
        return json.answer(200, json.object()
                        .put("access_token", token)
                        .put("token_type", "Bearer")
                        .put("expires_in", tokens.lifetime().toSeconds())
                        .put("scope", form.getOrDefault("scope", "kiosk")),
                Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
    }

    private Optional<String> basicClient(Optional<String> authorization) {
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.get().substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        return secret.equals(clients.get(id)) ? Optional.of(id) : Optional.empty();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        UrlEncoded.parse(body).forEach((name, values) -> form.put(name, values.get(0)));
        return form;
    }
}
