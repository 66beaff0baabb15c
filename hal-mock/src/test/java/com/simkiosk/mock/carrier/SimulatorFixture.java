package com.simkiosk.mock.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.simkiosk.testing.MutableClock;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A simulator on loopback per test, on a hand-moved clock at the documents' notional "now". */
abstract class SimulatorFixture {

    static final Instant DOC_NOW = Instant.parse("2026-11-26T10:00:00Z");
    /** Where the examples' absolute hrefs point; the simulator's own address replaces it at run time. */
    static final String DOC_BASE = "http://127.0.0.1:8080";
    static final ApiExamples EXAMPLES = ApiExamples.load();

    final MutableClock clock = new MutableClock(DOC_NOW);
    CarrierSimulator sim;
    SimHttp http;
    DemoLines demo;

    @BeforeEach
    void startSimulator() throws Exception {
        sim = CarrierSimulator.builder().clock(clock).start();
        http = new SimHttp(sim.baseUri()).login();
        demo = sim.demoLines();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    /**
     * The answer is exactly the documented example (deterministic answers and every error body), hrefs compared
     * as if the simulator ran at the documents' address.
     */
    void assertDocumented(String example, HttpResponse<String> response) throws IOException {
        assertThat(asDocumented(response)).as(example + " for " + response.body()).isEqualTo(EXAMPLES.json(example));
    }

    /** The answer with the simulator's address replaced by the documents' one. */
    JsonNode asDocumented(HttpResponse<String> response) throws IOException {
        return http.json().readTree(response.body().replace(sim.baseUri().toString(), DOC_BASE));
    }

    /** The answer has the documented example's field names and types (ids, codes and times differ). */
    JsonNode assertShaped(String example, HttpResponse<String> response) throws IOException {
        JsonNode actual = http.json(response);
        assertThat(JsonShape.differences(EXAMPLES.json(example), actual)).as(example).isEmpty();
        return actual;
    }

    /** Sends a code and returns the authenticationId; the code itself is read from the outbox. */
    String sendCode(String e164) throws Exception {
        HttpResponse<String> r = http.sendCode(e164);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return http.json(r).get("authenticationId").asText();
    }

    String codeSentTo(String e164) {
        return sim.smsOutbox().latestTo(e164).orElseThrow().code();
    }
}
