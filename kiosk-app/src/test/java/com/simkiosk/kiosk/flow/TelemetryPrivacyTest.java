package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.CHALLENGE;
import static com.simkiosk.kiosk.flow.FlowFixture.ICCID_DIGITS;
import static com.simkiosk.kiosk.flow.FlowFixture.JP_ICCID;
import static com.simkiosk.kiosk.flow.FlowFixture.LINE_ID;
import static com.simkiosk.kiosk.flow.FlowFixture.NUMBER;
import static com.simkiosk.kiosk.flow.FlowFixture.NUMBER_TYPED;
import static com.simkiosk.kiosk.flow.FlowFixture.READER;
import static com.simkiosk.kiosk.flow.FlowFixture.card;
import static com.simkiosk.kiosk.flow.FlowFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.SimReader;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.SimAuthPolicy;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.config.TelemetryConfig;
import com.simkiosk.kiosk.telemetry.KioskTelemetry;
import com.simkiosk.kiosk.telemetry.Mosquitto;
import com.simkiosk.kiosk.telemetry.Payloads;
import com.simkiosk.kiosk.telemetry.Subscriber;
import com.simkiosk.kiosk.telemetry.Topics;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.testing.TestTime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four customers at a kiosk with telemetry on (number + SMS code, SIM + passport digits + a top-up slip, SIM + PIN,
 * a back end down), then everything the kiosk makes public is read: {@code /metrics}, {@code /healthz} and every
 * MQTT message it sent. None holds an ICCID, a phone number, a PIN, a code, a document number, a payment code or a
 * line's id or plan; and the meters count what happened.
 */
class TelemetryPrivacyTest {
    private static final String CODE = "482913";
    private static final String WRONG_CODE = "730561";
    private static final String PASSPORT = "K7Q2";
    private static final String WRONG_PASSPORT = "X3M8";
    private static final String PIN = "8264";
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime(FlowFixture.NOW);
    private final ManualExecutor io = new ManualExecutor();
    private final SimReader reader = mock(SimReader.class);
    private final CarrierBackend carrier = mock(CarrierBackend.class);
    private final InMemoryPrinter printer = new InMemoryPrinter();

    private List<String> needles() {
        return List.of(ICCID_DIGITS, NUMBER_TYPED, "9012345678", "+819012345678", LINE_ID, CODE, WRONG_CODE, PASSPORT,
                WRONG_PASSPORT, PIN, FlowFixture.order().paymentCode(), "auth-1", "Travel 5GB", "DemoMobile");
    }

    @Test
    void metricsHealthAndEveryFleetMessageAfterFourCustomersHoldNothingPersonal() throws Exception {
        Mosquitto broker = Mosquitto.start(dir);
        try (broker; Subscriber everything = new Subscriber(broker.settings(), "privacy-check", false);
             KioskTelemetry telemetry = KioskTelemetry.start(new TelemetryConfig(0, Optional.of(
                     broker.settings(Mosquitto.PASSWORD, Duration.ofSeconds(1), Duration.ofSeconds(30), 100))),
                     new Topics("store-0042", "kiosk-01"), reader, printer, Map.of(), Clock.systemUTC())) {
            SessionFlow flow = new SessionFlow(reader, telemetry.meter("docomo-mvno", carrier), printer,
                    FlowExecutors.sharing(io), Runnable::run, time, time, FlowConfig.defaults(), new PlainFlowTexts());
            flow.addListener(telemetry.telemetry().flowListener());
            flow.start();
            customers(flow);

            String healthTopic = new Topics("store-0042", "kiosk-01").topic(Topics.Kind.HEALTH);
            TestTime.awaitUntil(Duration.ofSeconds(30), () -> everything.on(healthTopic).stream()
                    .anyMatch(m -> m.text().contains("\"sessionsStarted\":4")), "a health report counting the four sessions");
            String eventsTopic = new Topics("store-0042", "kiosk-01").topic(Topics.Kind.EVENTS);
            TestTime.awaitUntil(Duration.ofSeconds(30), () -> everything.on(eventsTopic).stream()
                    .anyMatch(m -> m.text().contains("BACKEND_DOWN")), "the back end's outage as an event");

            HttpClient http = HttpClient.newBuilder().connectTimeout(TestTime.bound(Duration.ofSeconds(5))).build();
            String metrics = get(http, telemetry.port(), "/metrics").body();
            HttpResponse<String> health = get(http, telemetry.port(), "/healthz");

            List<String> found = new ArrayList<>();
            for (Subscriber.Message m : everything.messages()) {
                scanJson(m.topic(), Payloads.JSON.readTree(m.text()), found);
            }
            scanJson("/healthz", Payloads.JSON.readTree(health.body()), found);
            scanMetrics(metrics, found);
            assertThat(found).as("personal data in what the kiosk publishes").isEmpty();

            assertThat(everything.messages()).hasSizeGreaterThan(3);
            assertThat(health.statusCode()).as("the back end's last call failed: unhealthy").isEqualTo(503);
            assertThat(metrics).contains("kiosk_sessions_started_total 4.0",
                    "kiosk_sessions_finished_total{outcome=\"BALANCE_SHOWN\"} 2.0",
                    "kiosk_sessions_finished_total{outcome=\"TOP_UP_ORDERED\"} 1.0",
                    "kiosk_sessions_finished_total{outcome=\"ERROR\"} 1.0",
                    "kiosk_verifications_total{method=\"SMS_CODE\"} 1.0",
                    "kiosk_verifications_total{method=\"ID_DOCUMENT\"} 1.0",
                    "kiosk_verifications_total{method=\"SIM_PIN\"} 1.0",
                    "kiosk_errors_total{kind=\"WRONG_CODE\"} 1.0",
                    "kiosk_errors_total{kind=\"WRONG_DETAIL\"} 1.0",
                    "kiosk_errors_total{kind=\"BACKEND_DOWN\"} 1.0",
                    "kiosk_slips_printed_total 1.0",
                    "kiosk_backend_calls_seconds_bucket{backend=\"docomo-mvno\",operation=\"balance\",result=\"OK\"",
                    "kiosk_card_reads_seconds_count{result=\"SIM\"}",
                    "jvm_memory_used_bytes", "process_resident_memory_bytes");
        }
    }

    private void customers(SessionFlow flow) throws Exception {
        when(carrier.balance(any())).thenReturn(FlowFixture.balance());
        when(carrier.dailyUsage(any(), any())).thenReturn(FlowFixture.usage());

        // 1: the number, a wrong code, the right one, the balance, done.
        when(carrier.sendCode(eq(NUMBER), anyString())).thenReturn(CHALLENGE);
        when(carrier.findLineByNumber(NUMBER)).thenReturn(line(LineStatus.ACTIVE, VerificationMethod.SMS_CODE));
        doThrow(new CarrierException(CarrierError.OTP_INVALID, "invalid")).when(carrier).validateCode(CHALLENGE, WRONG_CODE);
        doNothing().when(carrier).validateCode(CHALLENGE, CODE);
        flow.fire(new Event.StartNumberEntry());
        for (char c : NUMBER_TYPED.toCharArray()) {
            flow.fire(new Event.KeypadDigit(c - '0'));
        }
        flow.fire(new Event.KeypadSubmit());
        io.runAll();
        flow.fire(new Event.CodeSubmitted(WRONG_CODE));
        io.runAll();
        flow.fire(new Event.CodeSubmitted(CODE));
        io.runAll();
        assertThat(flow.state()).isInstanceOf(State.ShowBalance.class);
        flow.fire(new Event.Done());

        // 2: the SIM, wrong passport digits, the right ones, a top-up and its slip, the SIM taken.
        when(reader.read(READER)).thenReturn(new ReadResult.Sim(card(JP_ICCID, new PinStatus(true, 3))));
        when(carrier.findLineByIccid(JP_ICCID)).thenReturn(line(LineStatus.ACTIVE, VerificationMethod.ID_DOCUMENT));
        doThrow(new CarrierException(CarrierError.DETAIL_MISMATCH, "no"))
                .when(carrier).verifyRegisteredDetail(any(), eq(VerificationMethod.ID_DOCUMENT), eq(WRONG_PASSPORT));
        when(carrier.topUpOffers(any())).thenReturn(List.of(FlowFixture.OFFER_1GB));
        when(carrier.orderTopUp(any(), any(), anyString())).thenReturn(FlowFixture.order());
        flow.fire(new Event.SimInserted(READER));
        io.runAll();
        flow.fire(new Event.DetailSubmitted(WRONG_PASSPORT));
        io.runAll();
        flow.fire(new Event.DetailSubmitted(PASSPORT));
        io.runAll();
        flow.fire(new Event.ShowTopUps());
        io.runAll();
        flow.fire(new Event.OfferChosen(FlowFixture.OFFER_1GB.id()));
        flow.fire(new Event.ConfirmTopUp());
        io.runAll();
        io.runAll();
        assertThat(flow.state()).isInstanceOf(State.TopUpSlip.class);
        flow.fire(new Event.Done());
        flow.fire(new Event.SimRemoved(READER));

        // 3: the SIM and its PIN, the balance, cancel, the SIM taken.
        when(carrier.findLineByIccid(JP_ICCID)).thenReturn(line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN));
        // this back end lets the SIM PIN prove a line (simPinIsProof), and the policy reaches the flow through the meter
        when(carrier.simAuthPolicy(any())).thenReturn(Optional.of(new SimAuthPolicy(Optional.empty(), true)));
        when(reader.verifyPin(READER, PIN)).thenReturn(new PinResult.Verified());
        flow.fire(new Event.SimInserted(READER));
        io.runAll();
        flow.fire(new Event.PinSubmitted(PIN));
        io.runAll();
        assertThat(flow.state()).isInstanceOf(State.ShowBalance.class);
        flow.fire(new Event.Cancel());
        flow.fire(new Event.SimRemoved(READER));

        // 4: the back end is down.
        when(carrier.findLineByIccid(JP_ICCID)).thenThrow(new CarrierException(CarrierError.UNAVAILABLE, "down"));
        flow.fire(new Event.SimInserted(READER));
        io.runAll();
        assertThat(flow.state()).isInstanceOf(State.Error.class);
        flow.fire(new Event.Done());
        flow.fire(new Event.SimRemoved(READER));
    }

    /** One scrape, bounded as a whole (headers and body): a telemetry endpoint that stalls fails the test, not CI. */
    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        Duration bound = TestTime.bound(Duration.ofSeconds(10));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(bound).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .get(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every string value and every field name (numbers are counts, times are times, by the contract). */
    private void scanJson(String where, JsonNode node, List<String> found) {
        node.fields().forEachRemaining(e -> {
            check(where + " field name", e.getKey(), found);
            scanJson(where + "." + e.getKey(), e.getValue(), found);
        });
        if (node.isArray()) {
            node.forEach(item -> scanJson(where + "[]", item, found));
        }
        if (node.isTextual() && !isInstant(node.asText())) {
            check(where, node.asText(), found);
        }
    }

    /** Every label value (never a customer's value), and the whole text for the long identifiers. */
    private void scanMetrics(String metrics, List<String> found) {
        Matcher m = LABEL.matcher(metrics);
        while (m.find()) {
            if (!m.group(1).equals("le") && !m.group(1).equals("quantile")) {
                check("/metrics label " + m.group(1), m.group(2), found);
            }
        }
        for (String needle : needles()) {
            if (needle.length() >= 8 && metrics.contains(needle)) {
                found.add("/metrics contains " + needle);
            }
        }
    }

    private void check(String where, String text, List<String> found) {
        for (String needle : needles()) {
            if (text.contains(needle)) {
                found.add(where + " holds " + needle + ": " + text);
            }
        }
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
