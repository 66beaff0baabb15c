package com.simkiosk.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.carrier.SimAuthPolicy;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 16: a back end's {@code bsfUrl} and {@code simPinIsProof}, as an operator writes them. */
class SimAuthConfigTest {

    private static String backend(String extra) {
        return KioskConfigTest.minimal("").replace("\"iccidPrefixes\": [\"8981\"]", "\"iccidPrefixes\": [\"8981\"]" + extra);
    }

    private static SimAuthPolicy policy(String extra) throws ConfigException {
        return KioskConfig.parse(backend(extra), "test.json", Optional.empty()).backends().get(0).simAuth();
    }

    @Test
    void withoutEitherKeyTheBackEndHasNoBsfAndThePinIsNoProof() throws Exception {
        assertThat(policy("")).isEqualTo(SimAuthPolicy.DEFAULT);
        assertThat(SimAuthPolicy.DEFAULT.simPinIsProof()).isFalse();
    }

    @Test
    void bothKeysAreRead() throws Exception {
        assertThat(policy(", \"bsfUrl\": \"https://bsf.example.jp/bsf/bootstrap\", \"simPinIsProof\": true"))
                .isEqualTo(new SimAuthPolicy(Optional.of(URI.create("https://bsf.example.jp/bsf/bootstrap")), true));
        assertThat(policy(", \"bsfUrl\": \"http://127.0.0.1:8080/bsf/bootstrap\"").bsfUrl()).isPresent();
    }

    @Test
    void aBsfInClearTextToAnotherMachineOrNotABooleanIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> policy(", \"bsfUrl\": \"http://bsf.example.jp/bsf\""))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.contains("bsfUrl") && p.contains("plain http")));
        assertThatThrownBy(() -> policy(", \"simPinIsProof\": \"yes\""))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.contains("simPinIsProof")));
    }
}
