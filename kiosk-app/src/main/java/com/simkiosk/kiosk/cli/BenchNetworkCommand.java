package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.network.NetworkException;
import com.simkiosk.card.network.NetworkSession;
import com.simkiosk.card.network.UrcInbox;
import com.simkiosk.card.network.UssdMenu;
import com.simkiosk.card.serial.AtEngine;
import com.simkiosk.mock.serial.ModemDialect;
import com.simkiosk.mock.serial.PtyPair;
import com.simkiosk.mock.serial.SimulatedModem;
import com.simkiosk.mock.serial.SimulatedNetwork;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.serial.JsscSerialLink;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk bench network}: balance questions over the SIM's own network, against the simulated modem on a
 * socat pseudo-terminal with the network's own delays at zero, so the figures are the kiosk's overhead: a USSD round
 * trip, an SMS round trip (settings, {@code AT+CMGS} with its prompt, {@code +CMTI}, {@code AT+CMGR}, 3 UCS2 parts
 * joined) in text mode and in PDU mode (the same UCS2 reply, and an English one in 3 GSM 7-bit parts), taken in
 * turn in one run so their ratio is fair, and a whole USSD session (radio on, registration, operator, USSD, close
 * with radio off).
 */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "Benchmark: USSD and SMS balance round trips through a simulated modem (zero network delay); median and p99.")
public final class BenchNetworkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--iterations", defaultValue = "200", description = "Measured round trips of each kind (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", defaultValue = "30", description = "Round trips before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--dialect", defaultValue = "quectel", description = "Simulated module (default: ${DEFAULT-VALUE}).")
    ModemDialect dialect;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    private static final String REPLY = "チャージ残高 3,000円 データ残量 2.5GB 有効期限 2026年12月31日 ご利用ありがとうございます。";
    private static final String REPLY_7BIT = "Your balance is 3,000 yen and 2.5 GB of data remaining. Valid until 31 Dec 2026. "
            + "Thank you for using our service. Reply HELP for more options or call 151 from your phone. {menu}";
    private static final String[] KEYS = {"ussdRoundTrip", "smsRoundTrip3Parts", "smsPduRoundTrip3Parts",
            "smsPdu7BitRoundTrip3Parts", "wholeUssdSession"};

    @Override
    public Integer call() throws Exception {
        if (iterations < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--iterations must be at least 1, --warmup 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        SimulatedNetwork network = new SimulatedNetwork()
                .ussd("*100#", SimulatedNetwork.UssdReply.answer("Your balance is 12.50 EUR. Valid till 31/12/2026"))
                .smsReply("残高", new SimulatedNetwork.SmsReply(REPLY, 3))
                .smsReply("BALANCE", new SimulatedNetwork.SmsReply(REPLY_7BIT, 3));
        // generous bounds: a benchmark measures round trips on a loaded machine, not the kiosk's patience
        NetworkSession.Settings settings = new NetworkSession.Settings(Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMillis(200));
        UrcInbox inbox = new UrcInbox();
        try (PtyPair pty = PtyPair.open(Duration.ofSeconds(5));
             SimulatedModem modem = SimulatedModem.start(JsscSerialLink.open(pty.b().toString(), 115200), dialect,
                     new VirtualSim(VirtualSimSpec.uicc(BenchSerialCommand.ICCID)), SimulatedModem.Options.PLAIN, network);
             AtEngine at = new AtEngine(JsscSerialLink.open(pty.a().toString(), 115200), inbox)) {
            at.send("ATE0", settings.command());
            long[] ussd = new long[iterations];
            long[] sms = new long[iterations];
            long[] smsPdu = new long[iterations];
            long[] smsPdu7 = new long[iterations];
            long[] session = new long[iterations];
            try (NetworkSession s = NetworkSession.open(at, inbox, settings, Clock.systemUTC())) {
                for (int i = -warmup; i < iterations; i++) {
                    long start = System.nanoTime();
                    s.ussd("*100#", UssdMenu.NONE);
                    long mid = System.nanoTime();
                    s.sms("5555", "残高", NetworkSession.SmsMode.TEXT);
                    long text = System.nanoTime();
                    s.sms("5555", "残高", NetworkSession.SmsMode.PDU);
                    long pdu = System.nanoTime();
                    s.sms("5555", "BALANCE", NetworkSession.SmsMode.PDU);
                    long end = System.nanoTime();
                    if (i >= 0) {
                        ussd[i] = mid - start;
                        sms[i] = text - mid;
                        smsPdu[i] = pdu - text;
                        smsPdu7[i] = end - pdu;
                    }
                }
            }
            for (int i = -warmup; i < iterations; i++) {
                long start = System.nanoTime();
                try (NetworkSession s = NetworkSession.open(at, inbox, settings, Clock.systemUTC())) {
                    s.ussd("*100#", UssdMenu.NONE);
                }
                if (i >= 0) {
                    session[i] = System.nanoTime() - start;
                }
            }
            ObjectNode result = CardJson.MAPPER.createObjectNode();
            result.put("benchmark", "network");
            result.put("dialect", dialect.name().toLowerCase());
            result.put("operation", "NetworkSession over a socat pty pair, jssc both ends, simulated network delays 0");
            result.set("ussdRoundTrip", CardJson.MAPPER.valueToTree(Timing.ofNanos(ussd)));
            result.set("smsRoundTrip3Parts", CardJson.MAPPER.valueToTree(Timing.ofNanos(sms)));
            result.set("smsPduRoundTrip3Parts", CardJson.MAPPER.valueToTree(Timing.ofNanos(smsPdu)));
            result.set("smsPdu7BitRoundTrip3Parts", CardJson.MAPPER.valueToTree(Timing.ofNanos(smsPdu7)));
            result.set("wholeUssdSession", CardJson.MAPPER.valueToTree(Timing.ofNanos(session)));
            result.put("pduOverTextMedianRatio", result.get("smsPduRoundTrip3Parts").get("medianMs").asDouble()
                    / result.get("smsRoundTrip3Parts").get("medianMs").asDouble());
            if (json) {
                out.println(CardJson.MAPPER.writeValueAsString(result));
            } else {
                out.println("network balance round trips (" + dialect.name().toLowerCase() + ", zero network delay):");
                for (String k : KEYS) {
                    out.printf("%-26s median %8.3f ms   p99 %8.3f ms   n=%d%n", k, result.get(k).get("medianMs").asDouble(),
                            result.get(k).get("p99Ms").asDouble(), result.get(k).get("n").asInt());
                }
                out.printf("PDU / text mode (SMS, median): %.2f%n", result.get("pduOverTextMedianRatio").asDouble());
            }
            return 0;
        } catch (NetworkException e) {
            spec.commandLine().getErr().println("bench network: " + e.error() + ": " + e.getMessage());
            return 1;
        }
    }
}
