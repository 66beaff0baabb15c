package com.simkiosk.carrier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.mock.carrier.DemoLines;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** CAMARA OTP-SMS limits as the kiosk meets them, and no way to tell a real number from an unknown one. */
class OtpAgainstSimulatorTest {
    static final String TEXT = "{{code}} is your SIM kiosk verification code";
    SimulatedCarrier carrier;
    Msisdn au;

    @BeforeEach
    void start() throws Exception {
        carrier = new SimulatedCarrier();
        au = carrier.lines().auPrepaid().msisdn().orElseThrow();
    }

    @AfterEach
    void stop() {
        carrier.close();
    }

    CarrierError failure(Executable call) {
        try {
            call.execute();
        } catch (CarrierException e) {
            return e.error();
        } catch (Throwable t) {
            throw new AssertionError("not a classified carrier error", t);
        }
        throw new AssertionError("expected a carrier error");
    }

    @Test
    void fourWrongCodesAreInvalidTheFifthEndsTheCodeEvenIfTheRightOneFollows() throws Exception {
        OtpChallenge challenge = carrier.client.sendCode(au, TEXT);
        String right = carrier.codeSentTo(au);
        String wrong = right.equals("000000") ? "111111" : "000000";

        for (int i = 1; i <= 4; i++) {
            assertThat(failure(() -> carrier.client.validateCode(challenge, wrong))).as("try " + i).isEqualTo(CarrierError.OTP_INVALID);
        }
        assertThat(failure(() -> carrier.client.validateCode(challenge, wrong))).isEqualTo(CarrierError.OTP_VERIFICATION_FAILED);
        assertThat(failure(() -> carrier.client.validateCode(challenge, right))).isEqualTo(CarrierError.OTP_VERIFICATION_FAILED);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() throws Exception {
        OtpChallenge challenge = carrier.client.sendCode(au, TEXT);
        String code = carrier.codeSentTo(au);
        carrier.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(failure(() -> carrier.client.validateCode(challenge, code))).isEqualTo(CarrierError.OTP_EXPIRED);
    }

    @Test
    void aCodeWorksOnce() throws Exception {
        OtpChallenge challenge = carrier.client.sendCode(au, TEXT);
        String code = carrier.codeSentTo(au);
        carrier.client.validateCode(challenge, code);

        assertThat(failure(() -> carrier.client.validateCode(challenge, code))).isEqualTo(CarrierError.OTP_EXPIRED);
    }

    @Test
    void aResendWithinTheCooldownIsRateLimitedAndTheFourthCodeInTenMinutesIsRefused() throws Exception {
        OtpChallenge first = carrier.client.sendCode(au, TEXT);
        assertThat(first.resendAllowedAt()).isEqualTo(carrier.clock.instant().plusSeconds(30));
        assertThat(failure(() -> carrier.client.sendCode(au, TEXT))).isEqualTo(CarrierError.RATE_LIMITED);

        carrier.clock.advance(Duration.ofSeconds(31));
        carrier.client.sendCode(au, TEXT);
        carrier.clock.advance(Duration.ofSeconds(31));
        carrier.client.sendCode(au, TEXT);
        carrier.clock.advance(Duration.ofSeconds(31));

        assertThat(failure(() -> carrier.client.sendCode(au, TEXT))).isEqualTo(CarrierError.OTP_MAX_CODES_EXCEEDED);
        assertThat(carrier.simulator.smsOutbox().countTo(au.e164())).isEqualTo(3);
    }

    @Test
    void anUnknownNumberAnswersExactlyLikeAKnownOneUpToTheCode() throws Exception {
        Msisdn unknown = DemoLines.UNKNOWN_NUMBER;

        // Before verification, both numbers are refused alike.
        assertThat(failure(() -> carrier.client.findLineByNumber(unknown))).isEqualTo(CarrierError.UNAUTHORIZED);
        assertThat(failure(() -> carrier.client.findLineByNumber(au))).isEqualTo(CarrierError.UNAUTHORIZED);

        // Both get a code "sent", with the same cooldown; only the real one receives an SMS.
        OtpChallenge toUnknown = carrier.client.sendCode(unknown, TEXT);
        OtpChallenge toKnown = carrier.client.sendCode(au, TEXT);
        assertThat(Duration.between(toUnknown.resendAllowedAt(), toKnown.resendAllowedAt()).abs()).isLessThan(Duration.ofSeconds(2));
        assertThat(toUnknown.authenticationId()).hasSameSizeAs(toKnown.authenticationId());
        assertThat(carrier.simulator.smsOutbox().countTo(unknown.e164())).isZero();

        // A wrong code is the same error for both; the unknown number's code can never be right.
        assertThat(failure(() -> carrier.client.validateCode(toUnknown, "123456"))).isEqualTo(CarrierError.OTP_INVALID);
        assertThat(failure(() -> carrier.client.validateCode(toKnown,
                carrier.codeSentTo(au).equals("123456") ? "654321" : "123456"))).isEqualTo(CarrierError.OTP_INVALID);

        // The same limits for both.
        assertThat(failure(() -> carrier.client.sendCode(unknown, TEXT))).isEqualTo(CarrierError.RATE_LIMITED);
        assertThat(failure(() -> carrier.client.sendCode(au, TEXT))).isEqualTo(CarrierError.RATE_LIMITED);
    }
}
