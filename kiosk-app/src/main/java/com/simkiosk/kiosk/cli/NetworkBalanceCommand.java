package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.network.BalanceReading;
import com.simkiosk.card.network.BalanceReplyParser;
import com.simkiosk.card.network.NetworkException;
import com.simkiosk.card.network.NetworkReply;
import com.simkiosk.card.network.NetworkSession;
import com.simkiosk.card.network.ReplyTemplate;
import com.simkiosk.card.network.ReplyTemplates;
import com.simkiosk.card.network.UrcInbox;
import com.simkiosk.card.network.UssdMenu;
import com.simkiosk.card.serial.AtEngine;
import com.simkiosk.card.serial.AtException;
import com.simkiosk.carrier.Units;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.serial.SerialLinkException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk network-balance}: asks the SIM's own network for the balance, by USSD or SMS, through the cellular
 * module on a serial port, and prints what the carrier said and what could be read from it. The reply is printed
 * (this is the operator's own terminal), never logged.
 */
@Command(name = "network-balance", mixinStandardHelpOptions = true,
        description = "Ask the SIM's network for the balance (USSD code or SMS keyword) through a cellular modem.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:answered", "1:no answer (error JSON says why)", "2:invalid input"})
public final class NetworkBalanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--serial", required = true, paramLabel = "DEVICE", description = "The modem's AT port.")
    String serial;

    @Option(names = "--baud", defaultValue = "115200", paramLabel = "BAUD", description = "Line speed (default: ${DEFAULT-VALUE}).")
    int baud;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Method method;

    static final class Method {
        @Option(names = "--ussd", paramLabel = "CODE", description = "USSD code, e.g. *100#.")
        String ussd;

        @ArgGroup(exclusive = false)
        Sms sms;
    }

    static final class Sms {
        @Option(names = "--sms-to", required = true, paramLabel = "NUMBER", description = "The carrier's short number.")
        String to;

        @Option(names = "--sms-text", required = true, paramLabel = "TEXT", description = "The keyword, e.g. BALANCE or 残高.")
        String text;
    }

    @Option(names = "--template", paramLabel = "NAME", description = "A reply template (built in: menu-balance-first, "
            + "ja-charge-and-data, main-balance-currency-first).")
    String template;

    @Option(names = "--registration-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "How long to wait for the network (default: ${DEFAULT-VALUE}).")
    int registrationSeconds;

    @Option(names = "--reply-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "How long to wait for the carrier's answer (default: ${DEFAULT-VALUE}).")
    int replySeconds;

    @Option(names = "--sms-mode", paramLabel = "auto|pdu|text", defaultValue = "auto",
            description = "SMS in PDU or text mode; auto: PDU, text when the module refuses PDU (default: ${DEFAULT-VALUE}).")
    NetworkSession.SmsMode smsMode;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Optional<ReplyTemplate> chosen = Optional.empty();
        if (template != null) {
            chosen = ReplyTemplates.builtIn().find(template);
            if (chosen.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "no reply template named " + template + " (known: "
                        + String.join(", ", ReplyTemplates.builtIn().names()) + ")");
            }
        }
        if (registrationSeconds < 1 || replySeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--registration-timeout and --reply-timeout must be >= 1");
        }
        NetworkSession.Settings d = NetworkSession.Settings.DEFAULT;
        NetworkSession.Settings settings = new NetworkSession.Settings(d.command(), d.radioOn(),
                Duration.ofSeconds(registrationSeconds), Duration.ofSeconds(replySeconds), d.poll());
        UrcInbox inbox = new UrcInbox();
        NetworkReply reply;
        try (AtEngine at = new AtEngine(JsscSerialLink.open(serial, baud), inbox)) {
            at.send("ATE0", settings.command());
            try (NetworkSession session = NetworkSession.open(at, inbox, settings, Clock.systemUTC())) {
                reply = method.ussd != null
                        ? session.ussd(method.ussd, chosen.map(ReplyTemplate::menu).orElse(UssdMenu.NONE))
                        : session.sms(method.sms.to, method.sms.text, smsMode);
            }
        } catch (SerialLinkException e) {
            return fail("MODEM", "the modem's serial port cannot be opened (unplugged, the wrong device, or no permission?)");
        } catch (AtException e) {
            return fail("MODEM", "the modem on " + serial + " does not answer AT (" + e.kind() + ")");
        } catch (NetworkException e) {
            return fail(e.error().name(), e.getMessage());
        }
        BalanceReading reading = new BalanceReplyParser(Clock.system(Units.JAPAN)).parse(reply.text(), chosen);
        print(reply, reading);
        return 0;
    }

    private void print(NetworkReply reply, BalanceReading r) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = CardJson.MAPPER.createObjectNode();
            o.put("source", reply.source().name());
            o.put("operator", reply.operator());
            o.put("raw", r.raw());
            r.yen().ifPresent(v -> o.put("yen", v));
            r.dataBytes().ifPresent(v -> o.put("dataBytes", v));
            r.expires().ifPresent(v -> o.put("expires", v.toString()));
            r.currency().ifPresent(v -> o.put("currency", v));
            r.amount().ifPresent(v -> o.put("amount", v));
            out.println(CardJson.MAPPER.writeValueAsString(o));
        } else {
            out.println("Source:    " + reply.source() + " via " + reply.operator() + " at " + reply.receivedAt());
            out.println("Carrier:   " + r.raw());
            r.yen().ifPresent(v -> out.println("Balance:   " + v + " yen"));
            r.amount().ifPresent(v -> out.println("Balance:   " + v + " " + r.currency().orElse("") + " (as the carrier wrote it)"));
            r.dataBytes().ifPresent(v -> out.printf("Data left: %.2f MB%n", v / 1048576.0));
            r.expires().ifPresent(v -> out.println("Expires:   " + v));
        }
        out.flush();
    }

    private int fail(String error, String message) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = CardJson.MAPPER.createObjectNode().put("error", error).put("message", message);
            out.println(CardJson.MAPPER.writeValueAsString(o));
        } else {
            out.println("error: " + error + ": " + message);
        }
        out.flush();
        return 1;
    }
}
