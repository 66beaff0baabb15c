package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.Units;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk lookup}: an operator's check of one line against a carrier back end, by SIM or by number.
 *
 * <p>By number, the tool goes through the same SMS-code verification as the kiosk: the contract
 * (docs/carrier-api.md §3.2) has the back end refuse a number lookup until that number passed a code check,
 * whoever asks, and the tool must not need powers the kiosk does not have. The code is read from standard input,
 * so {@code ./kiosk lookup --number 090… } asks for it, and a script can pipe it in.
 */
@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = "Look a line and its balance up at a carrier back end (TMF637/TMF654).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:found", "1:the carrier answered with an error (see \"error\")", "2:invalid input"})
public final class LookupCommand implements Callable<Integer> {
    static final int CARRIER_ERROR = CarrierOptions.CARRIER_ERROR;
    static final int INVALID_INPUT = CarrierOptions.INVALID_INPUT;
    static final String SECRET_VARIABLE = CarrierOptions.SECRET_VARIABLE;

    @Spec
    CommandSpec spec;

    @Mixin
    CarrierOptions carrier;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--iccid", paramLabel = "DIGITS", description = "The SIM's ICCID (spaces allowed).")
        String iccid;

        @Option(names = "--number", paramLabel = "NUMBER",
                description = "Phone number, national (090-1234-5678) or international (+81 90 1234 5678). "
                        + "A code is sent to it by SMS; type it when asked (it is read from standard input).")
        String number;
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final BufferedReader codeInput;
    private final Map<String, String> env;

    /** Reads the SMS code from standard input. */
    public LookupCommand() {
        this(new InputStreamReader(System.in, StandardCharsets.UTF_8), System.getenv());
    }

    /** Reads the SMS code (and a secret from "-") from {@code codeInput}; tests type there and pass their own env. */
    LookupCommand(Reader codeInput, Map<String, String> env) {
        this.codeInput = new BufferedReader(codeInput);
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CarrierEndpoint endpoint;
        Iccid iccid = null;
        Msisdn number = null;
        try {
            endpoint = carrier.endpoint(codeInput, env);
            if (target.iccid != null) {
                iccid = CarrierOptions.iccid(target.iccid);
            } else {
                number = parseNumber(target.number);
            }
        } catch (CarrierOptions.InvalidInput e) {
            return fail(out, "INVALID_INPUT", e.getMessage(), INVALID_INPUT);
        } catch (IllegalArgumentException e) {
            return fail(out, "INVALID_INPUT", e.getMessage(), INVALID_INPUT);
        }
        try (TmfCarrierClient client = new TmfCarrierClient(endpoint)) {
            Line line;
            if (iccid != null) {
                line = client.findLineByIccid(iccid);
            } else {
                OtpChallenge challenge = client.sendCode(number, "{{code}} is your SIM kiosk verification code");
                err.println("A code was sent by SMS to " + number + ". Enter it:");
                err.flush();
                String code = readLine();
                if (code == null || code.isBlank()) {
                    return fail(out, "OTP_INVALID", "no code was entered", CARRIER_ERROR);
                }
                client.validateCode(challenge, code.trim());
                line = client.findLineByNumber(number);
            }
            Balance balance = client.balance(line);
            print(out, line, balance);
            return 0;
        } catch (CarrierException e) {
            return fail(out, e.error().name(), e.getMessage(), CARRIER_ERROR);
        }
    }

    /** libphonenumber, Japan as the default region: 090-1234-5678 and +81 90 1234 5678 are the same number. */
    static Msisdn parseNumber(String typed) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber parsed = util.parse(typed, "JP");
            if (!util.isValidNumber(parsed)) {
                throw new IllegalArgumentException("not a valid phone number");
            }
            return new Msisdn(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not a phone number");
        }
    }

    private String readLine() {
        try {
            return CarrierOptions.boundedLine(codeInput);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void print(PrintWriter out, Line line, Balance balance) {
        String expires = balance.expires().map(i -> OffsetDateTime.ofInstant(i, Units.JAPAN).toString()).orElse(null);
        if (carrier.json) {
            ObjectNode root = mapper.createObjectNode();
            ObjectNode l = root.putObject("line");
            l.put("id", line.id());
            l.put("status", line.status().name());
            l.put("plan", line.planName());
            l.put("msisdnMasked", line.msisdn().map(Msisdn::masked).orElse(null));
            ObjectNode b = root.putObject("balance");
            b.put("yen", balance.yen());
            b.put("dataBytes", balance.dataBytes());
            b.put("voiceSeconds", balance.voiceSeconds());
            b.put("sms", balance.sms());
            b.put("expires", expires);
            out.println(root);
        } else {
            out.printf("Line     %s (%s)%n", line.id(), line.status());
            out.printf("Plan     %s, %s%n", line.planName(), line.brand());
            out.printf("Number   %s%n", line.msisdn().map(Msisdn::masked).orElse("none (data only)"));
            out.printf("Yen      %,d%n", balance.yen());
            out.printf("Data     %,d bytes (%.2f GB)%n", balance.dataBytes(), balance.dataBytes() / 1e9);
            out.printf("Voice    %,d s%n", balance.voiceSeconds());
            out.printf("SMS      %d%n", balance.sms());
            out.printf("Expires  %s%n", balance.expires().map(Units::showInJapan).orElse("-"));
        }
        out.flush();
    }

    private int fail(PrintWriter out, String code, String message, int exit) {
        return carrier.fail(spec, code, message, exit);
    }
}
