package com.simkiosk.carrier.it;

import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.testing.MutableClock;
import com.simkiosk.testing.TestTime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One simulator on loopback and the kiosk's real client talking to it over HTTP; both closed together. */
final class SimulatedCarrier implements AutoCloseable {
    /** 12:00 in Japan on Thursday 26 November 2026; the demo data's dates are relative to it. */
    static final Instant START = Instant.parse("2026-11-26T03:00:00Z");
    /** The simulator's and the client's one clock, moved by hand: tokens, codes and buckets age together. */
    final MutableClock clock = new MutableClock(START);
    final CarrierSimulator simulator;
    final TmfCarrierClient client;

    SimulatedCarrier() throws IOException {
        this(Optional.empty(), Duration.ofSeconds(2));
    }

    SimulatedCarrier(Optional<Path> data, Duration requestTimeout) throws IOException {
        CarrierSimulator.Builder builder = CarrierSimulator.builder().clock(clock);
        data.ifPresent(builder::dataFile);
        simulator = builder.start();
        // Both scaled (TestTime), so a loaded machine is not mistaken for a slow carrier.
        client = new TmfCarrierClient(endpoint("sim").withTimeouts(TestTime.bound(Duration.ofSeconds(2)), TestTime.bound(requestTimeout)),
                clock);
    }

    CarrierEndpoint endpoint(String name) {
        return CarrierEndpoint.of(name, simulator.baseUri(), DemoLines.CLIENT_ID, DemoLines.CLIENT_SECRET)
                .withProfile(DemoLines.KIOSK_PROFILE);
    }

    DemoLines lines() {
        return simulator.demoLines();
    }

    /** The code the simulator "sent" to this number, as the customer reads it off their phone. */
    String codeSentTo(Msisdn number) {
        return simulator.smsOutbox().latestTo(number.e164()).orElseThrow(() -> new AssertionError("no SMS")).code();
    }

    /** Verifies the number with the code from the outbox, as a customer would. */
    void verify(Msisdn number) throws CarrierException {
        var challenge = client.sendCode(number, "{{code}} is your SIM kiosk verification code");
        client.validateCode(challenge, codeSentTo(number));
    }

    @Override
    public void close() {
        client.close();
        simulator.close();
    }
}
