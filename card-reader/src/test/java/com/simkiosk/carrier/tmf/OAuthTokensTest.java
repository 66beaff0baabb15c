package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.testing.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the kiosk makes of a token endpoint's {@code expires_in}, sensible or not. */
class OAuthTokensTest {
    private final Instant start = Instant.parse("2021-02-04T09:00:00Z") /* any instant: only differences matter */;
    private final MutableClock clock = new MutableClock(start);
    private final OAuthTokens tokens = new OAuthTokens(
            CarrierEndpoint.of("carrier", URI.create("https://carrier.example"), "id", "secret"), clock, new Json());

    private static TmfHttp.Budget budget() {
        return new TmfHttp.Budget(Duration.ofSeconds(5));
    }

    private static OAuthTokens.Fetcher answering(String expiresIn) {
        String body = "{\"access_token\":\"t\",\"token_type\":\"Bearer\"" + (expiresIn == null ? "" : ",\"expires_in\":" + expiresIn) + "}";
        return (path, form, auth) -> new TmfHttp.Answer(200, body.getBytes(StandardCharsets.UTF_8));
    }

    private CarrierException refused(String expiresIn) {
        try {
            tokens.current("", answering(expiresIn), budget());
        } catch (CarrierException e) {
            return e;
        }
        throw new AssertionError("expected expires_in " + expiresIn + " to be refused");
    }

    @Test
    void anHourLongTokenIsReplacedSixMinutesEarly() throws Exception {
        tokens.current("", answering("3600"), budget());

        assertThat(tokens.refreshAt("")).contains(start.plus(Duration.ofMinutes(54)));
    }

    @Test
    void aNegativeOrZeroLifeIsABadResponseNotATokenUsedOnce() {
        for (String bad : new String[] {"-5", "0", "0.5"}) {
            CarrierException e = refused(bad);
            assertThat(e.error()).isEqualTo(CarrierError.BAD_RESPONSE);
            assertThat(e.getMessage()).isEqualTo(
                    "carrier answered a token whose expires_in is not a positive number of seconds (" + bad + ")");
        }
        assertThat(tokens.refreshAt("")).isEmpty();
    }

    @Test
    void anAbsurdlyLongLifeIsCappedAtADayInsteadOfBeingCalledInvalidJson() throws Exception {
        tokens.current("", answering("1e30"), budget());

        assertThat(tokens.refreshAt("")).contains(start.plus(OAuthTokens.LONGEST_LIFE.minus(OAuthTokens.LONGEST_LIFE.dividedBy(10))));
    }

    @Test
    void aLifeThatIsNotANumberIsABadResponseSayingSo() {
        CarrierException e = refused("\"soon\"");

        assertThat(e.error()).isEqualTo(CarrierError.BAD_RESPONSE);
        assertThat(e.getMessage()).isEqualTo("carrier answered a token whose expires_in is not a number of seconds");
    }

    @Test
    void noLifeAtAllMeansAnHour() throws Exception {
        tokens.current("", answering(null), budget());

        assertThat(tokens.refreshAt("")).contains(start.plus(Duration.ofMinutes(54)));
    }
}
