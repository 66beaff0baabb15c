package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Plain http only to this machine, decided from the address as written: names are never resolved. */
class CarrierEndpointTest {

    private static CarrierEndpoint endpoint(String uri) {
        return CarrierEndpoint.of("carrier", URI.create(uri), "kiosk", "s3cr3t");
    }

    @Test
    void namesThatLookLikeHexAreRefusedWithoutAskingDns() {
        for (String uri : new String[] {"http://cafe.de/", "http://beef/", "http://bad.ca", "http://999.0.0.1/",
                "http://0127.0.0.1/"}) {
            assertThatThrownBy(() -> endpoint(uri)).as(uri)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(CarrierEndpoint.PLAIN_HTTP_ONLY_HERE);
        }
        assertThat(CarrierEndpoint.isLoopbackHost("cafe.de")).isFalse();
        assertThat(CarrierEndpoint.isLoopbackHost("beef")).isFalse();
        assertThat(CarrierEndpoint.isLoopbackHost("bad.ca")).isFalse();
        assertThat(CarrierEndpoint.isLoopbackHost("[beef]")).isFalse();
    }

    @Test
    void loopbackLiteralsAndLocalhostAreAccepted() {
        for (String uri : new String[] {"http://127.0.0.1:8080", "http://[::1]:8080", "http://localhost:8080",
                "http://127.1.2.3/"}) {
            assertThat(endpoint(uri).baseUri().getScheme()).as(uri).isEqualTo("http");
        }
    }

    @Test
    void otherLiteralsAreRefused() {
        assertThat(CarrierEndpoint.isLoopbackHost("10.0.0.1")).isFalse();
        assertThat(CarrierEndpoint.isLoopbackHost("[2001:db8::1]")).isFalse();
        assertThat(CarrierEndpoint.isLoopbackHost("::ffff:8.8.8.8")).isFalse();
    }
}
