package com.simkiosk.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.tmf.OAuthSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A back end's OAuth settings in the kiosk configuration: {@code profile.tokenAuth}, {@code clientKey}, {@code scopes}. */
class OAuthConfigTest {
    @TempDir
    Path dir;

    static String config(String backendExtra) {
        return """
                {"storeId": "s1", "kioskId": "k1",
                 "reader": {"type": "memory"}, "printer": {"type": "memory"},
                 "backends": [{"name": "sim", "baseUrl": "http://127.0.0.1:8080", "clientId": "c",
                               "iccidPrefixes": ["8981"] %s}],
                 %s}""".formatted(backendExtra, KioskConfigTest.PIN_BLOCK);
    }

    private OAuthSettings oauth(String backendExtra) throws ConfigException {
        return KioskConfig.parse(config(backendExtra), "test.json", Optional.of(dir)).backends().get(0).oauth();
    }

    private static List<String> problems(String backendExtra) {
        try {
            KioskConfig.parse(config(backendExtra), "test.json", Optional.empty());
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the config to be refused");
    }

    @Test
    void withoutAProfileItIsBasicAuthenticationAndTheCamaraScopes() throws Exception {
        OAuthSettings oauth = oauth(", \"clientSecret\": \"s3cret\"");

        assertThat(oauth).isEqualTo(OAuthSettings.standard());
        assertThat(oauth.scopes()).containsEntry("otp", "one-time-password-sms:send-validate")
                .containsEntry("kyc", "kyc-match:match").containsEntry("tmf", "");
    }

    @Test
    void privateKeyJwtWithAKeyRelativeToTheConfigFileNeedsNoSecret() throws Exception {
        Files.writeString(dir.resolve("kiosk-0042.p12"), "not read until the client starts");

        OAuthSettings oauth = oauth(", \"profile\": {\"tokenAuth\": \"private_key_jwt\","
                + " \"clientKey\": {\"path\": \"kiosk-0042.p12\", \"password\": \"p12-pass\", \"alias\": \"kiosk\"},"
                + " \"scopes\": {\"tmf\": \"tmf-api\"}}");

        assertThat(oauth.clientAuth()).isEqualTo(OAuthSettings.ClientAuth.PRIVATE_KEY_JWT);
        assertThat(oauth.clientKey()).hasValueSatisfying(k -> {
            assertThat(k.store().path()).isEqualTo(dir.resolve("kiosk-0042.p12"));
            assertThat(k.alias()).isEqualTo("kiosk");
        });
        assertThat(oauth.scopes()).containsEntry("tmf", "tmf-api").containsEntry("kyc", "kyc-match:match");
    }

    @Test
    void mistakesAreNamedByTheirPath() {
        assertThat(problems(", \"clientSecret\": \"s\", \"profile\": {\"tokenAuth\": \"mtls\"}"))
                .contains("backends[0].profile.tokenAuth: 'mtls' is not client_secret_basic or private_key_jwt");
        assertThat(problems(", \"profile\": {\"tokenAuth\": \"private_key_jwt\"}"))
                .anyMatch(p -> p.startsWith("backends[0].profile.clientKey: missing"));
        assertThat(problems(", \"clientSecret\": \"s\", \"profile\": {\"scopes\": {\"billing\": \"x\"}}"))
                .anyMatch(p -> p.startsWith("backends[0].profile.scopes.billing"));
        assertThat(problems(", \"clientSecret\": \"s\", \"profile\": {\"scopes\": {\"kyc\": \"a  b\"}}"))
                .anyMatch(p -> p.startsWith("backends[0].profile.scopes: scopes.kyc"));
        assertThat(problems(""))
                .anyMatch(p -> p.startsWith("backends[0].clientSecret: missing"));
    }
}
