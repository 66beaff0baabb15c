package com.simkiosk.carrier.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.Endpoint;
import com.simkiosk.mock.carrier.Fault;
import com.simkiosk.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole session's worth of calls, client and simulator both logging: nothing personal in clear. */
class LogsAgainstSimulatorTest {

    @Test
    void iccidsNumbersCodesAndDetailsAppearOnlyMasked() throws Exception {
        List<String> secrets = new ArrayList<>();
        String all;
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk")) {
            try (SimulatedCarrier carrier = new SimulatedCarrier()) {
                DemoLine tourist = carrier.lines().touristData();
                DemoLine au = carrier.lines().auPrepaid();
                Msisdn number = au.msisdn().orElseThrow();
                carrier.simulator.faults().inject(Endpoint.PRODUCT, new Fault.ExpiredToken(), 1);

                Line line = carrier.client.findLineByIccid(tourist.iccid());
                carrier.client.verifyRegisteredDetail(line, VerificationMethod.ID_DOCUMENT, tourist.idDocument());
                carrier.client.balance(line);
                OtpChallenge challenge = carrier.client.sendCode(number, "{{code}} is your SIM kiosk verification code");
                String code = carrier.codeSentTo(number);
                try {
                    carrier.client.validateCode(challenge, code.equals("999999") ? "888888" : "999999");
                } catch (CarrierException wrongCodeExpected) {
                    // a wrong code is logged as a classified failure
                }
                carrier.client.validateCode(challenge, code);
                carrier.client.findLineByNumber(number);
                secrets.addAll(List.of(tourist.iccid().digits(), au.iccid().digits(), number.e164(),
                        number.e164().substring(1), "0" + number.e164().substring(3), code, tourist.idDocument(),
                        tourist.idDocumentLast4(), "demo-secret"));
            }
            all = logs.text();
        }
        assertThat(all).contains("8981 10** **** **** 016").contains("090-****-0002");
        for (String secret : secrets) {
            assertThat(all).as("log must not contain a personal value").doesNotContain(secret);
        }
    }
}
