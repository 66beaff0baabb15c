package com.simkiosk.kiosk.config;

import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.OAuthSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OAuth keys of a back end's {@code "profile"} (contract v2): {@code tokenAuth} ({@code client_secret_basic},
 * default, or {@code private_key_jwt}), {@code clientKey} ({@code {path, password, alias}}, a PKCS#12 store; for
 * private_key_jwt) and {@code scopes} ({@code {otp, kyc, tmf}}, each optional; "" asks for none). Every mistake is
 * recorded with its path; the other profile keys are read elsewhere.
 */
final class OAuthConfig {
    /** The profile keys read here. */
    static final Set<String> KEYS = Set.of("tokenAuth", "clientKey", "scopes");

    private OAuthConfig() {}

    static OAuthSettings read(Optional<JsonFields> profile, Optional<Path> baseDir, java.util.Map<String, String> env) {
        OAuthSettings settings = OAuthSettings.standard();
        if (profile.isEmpty()) {
            return settings;
        }
        JsonFields p = profile.get();
        Optional<JsonFields> scopes = p.optionalObject("scopes");
        if (scopes.isPresent()) {
            scopes.get().allowOnly(OAuthSettings.FAMILIES);
            Map<String, String> changed = new HashMap<>();
            for (String family : OAuthSettings.FAMILIES) {
                scopes.get().optionalText(family).ifPresent(scope -> changed.put(family, scope));
            }
            try {
                settings = settings.withScopes(changed);
            } catch (IllegalArgumentException e) {
                p.problem("scopes", e.getMessage());
            }
        }
        String tokenAuth = p.optionalText("tokenAuth").orElse(OAuthSettings.ClientAuth.CLIENT_SECRET_BASIC.configName());
        Optional<OAuthSettings.ClientAuth> auth = OAuthSettings.ClientAuth.byConfigName(tokenAuth);
        if (auth.isEmpty()) {
            p.problem("tokenAuth", "'" + tokenAuth + "' is not client_secret_basic or private_key_jwt");
            return settings;
        }
        Optional<JsonFields> key = p.optionalObject("clientKey");
        if (auth.get() == OAuthSettings.ClientAuth.CLIENT_SECRET_BASIC) {
            if (key.isPresent()) {
                p.problem("clientKey", "only used with \"tokenAuth\": \"private_key_jwt\"");
            }
            return settings;
        }
        if (key.isEmpty()) {
            p.problem("clientKey", "missing: private_key_jwt signs with a key from a PKCS#12 store {path, password, alias}");
            return settings;
        }
        JsonFields k = key.get();
        k.allowOnly(Set.of("path", "password", "alias"));
        Optional<Path> path = KioskConfig.readableFile(k, "path", baseDir);
        if (path.isEmpty() && !k.has("path")) {
            k.problem("path", "missing");
        }
        String password = Secrets.optional(k, "password", baseDir, env).orElse("");
        String alias = k.text("alias");
        if (path.isEmpty() || alias.isEmpty()) {
            return settings;
        }
        return settings.withPrivateKeyJwt(new OAuthSettings.ClientKey(
                new CarrierEndpoint.KeyStoreFile(path.get(), password.toCharArray(), "PKCS12"), alias));
    }
}
