package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.CardError;
import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.fs.Imsi;
import com.simkiosk.card.usim.ImsiResult;
import com.simkiosk.card.usim.UsimAccess;
import com.simkiosk.carrier.gba.BootstrapResult;
import com.simkiosk.carrier.gba.GbaBootstrap;
import com.simkiosk.carrier.gba.Impi;
import com.simkiosk.privacy.Mask;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk sim-auth}: an operator's check that the SIM in a reader is the one its carrier issued. Reads the
 * ICCID and EF.IMSI, derives the IMPI (TS 23.003 §13.3) and runs the GBA bootstrapping (TS 24.109 §4, HTTP Digest
 * AKA) against a BSF, the card answering the challenge with {@code AUTHENTICATE}. Prints the outcome and where the
 * time went; never RAND, RES, CK or IK, and the IMSI only masked.
 */
@Command(name = "sim-auth", mixinStandardHelpOptions = true,
        description = "Check a SIM with its carrier: GBA bootstrapping (3GPP AKA over HTTP Digest AKA) against a BSF.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the carrier confirmed the SIM (OK or RESYNCHRONISED)",
            "1:the card or the BSF failed (see \"error\")", "2:invalid input",
            "3:MAC_FAILURE: the SIM is not the one the carrier issued (a clone or forgery)",
            "4:NOT_SUPPORTED: a 2G SIM, a card without USIM, or no Digest AKA at that BSF"})
public final class SimAuthCommand implements Callable<Integer> {
    static final int CONFIRMED = 0;
    static final int ERROR = 1;
    static final int INVALID_INPUT = CliFailures.INVALID_INPUT;
    static final int MAC_FAILURE = 3;
    static final int NOT_SUPPORTED = 4;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration BSF_DEADLINE = Duration.ofSeconds(10);

    @Option(names = "--bsf", required = true, paramLabel = "URL",
            description = "The carrier's bootstrapping server function (https, or http on this machine).")
    URI bsf;

    @Option(names = "--reader", paramLabel = "NAME", description = "Read from this reader only (default: any).")
    String reader;

    @Option(names = "--serial", paramLabel = "DEVICE", description = "Use a cellular modem's SIM slot on this serial device (AT+CSIM) instead of PC/SC.")
    String serial;

    @Option(names = "--baud", paramLabel = "BAUD", defaultValue = "115200", description = "Serial line speed with --serial (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for a card (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--pin-file", paramLabel = "FILE",
            description = "The SIM PIN from the first line of FILE (- for standard input), for a SIM with PIN1 enabled; "
                    + "never tried with the last try left.")
    String pinFile;

    @Option(names = "--mnc-length", paramLabel = "2|3",
            description = "Digits of the MNC in the IMSI (default: EF.AD byte 4; without it 2 for Japan's MCC 440/441, else 3).")
    Integer mncLength;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final BufferedReader stdin;

    public SimAuthCommand() {
        this(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    /** Reads a PIN given as {@code --pin-file -} from {@code stdin}. */
    SimAuthCommand(Reader stdin) {
        this.stdin = new BufferedReader(stdin);
    }

    /** Input refused before the card or the BSF is asked. */
    private static final class InvalidInput extends Exception {
        InvalidInput(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() throws Exception {
        Optional<String> pin;
        GbaBootstrap gba;
        try {
            if (timeoutSeconds < 0) {
                throw new InvalidInput("--timeout must be >= 0");
            }
            if (mncLength != null && mncLength != 2 && mncLength != 3) {
                throw new InvalidInput("--mnc-length must be 2 or 3");
            }
            pin = pin();
            gba = bootstrapClient();
        } catch (InvalidInput e) {
            return error("INVALID_INPUT", e.getMessage(), INVALID_INPUT);
        }
        try (gba; SimReader source = ReadCardCommand.openReader(serial, baud)) {
            return run(source, gba, pin);
        }
    }

    private GbaBootstrap bootstrapClient() throws InvalidInput {
        try {
            return new GbaBootstrap(bsf, CONNECT_TIMEOUT, BSF_DEADLINE);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("--bsf " + e.getMessage());
        }
    }

    private int run(SimReader source, GbaBootstrap gba, Optional<String> pin) throws Exception {
        long start = System.nanoTime();
        ReadResult read = source.awaitAndRead(reader, Duration.ofSeconds(timeoutSeconds));
        if (read instanceof ReadResult.Failed failed) {
            return cardError(failed.error(), failed.detail());
        }
        CardIdentity identity = ((ReadResult.Sim) read).identity();
        Outcome outcome = new Outcome(identity.iccid().digits());
        if (!(source instanceof UsimAccess usim)) {
            outcome.readNanos = System.nanoTime() - start;
            return print(outcome.notSupported(start));
        }
        ImsiResult imsiResult = usim.readImsi(identity.reader(), pin);
        outcome.readNanos = System.nanoTime() - start;
        if (imsiResult instanceof ImsiResult.Unavailable unavailable) {
            return unavailable.why() instanceof AkaResult.NotSupported
                    ? print(outcome.notSupported(start)) : cardNotAsked(unavailable.why());
        }
        Imsi imsi = ((ImsiResult.Read) imsiResult).imsi();
        outcome.imsiMasked = masked(imsi);
        // --mnc-length, else EF.AD byte 4, else the guess (2 for MCC 440/441, else 3).
        Impi impi = mncLength != null ? Impi.fromImsi(imsi, mncLength)
                : Impi.fromImsi(imsi, ((ImsiResult.Read) imsiResult).mncLength());

        long[] cardNanos = {0};
        long bsfStart = System.nanoTime();
        BootstrapResult result = gba.bootstrap(impi, challenge -> {
            long t = System.nanoTime();
            try {
                return usim.authenticate(identity.reader(), challenge, pin);
            } finally {
                cardNanos[0] += System.nanoTime() - t;
            }
        });
        long end = System.nanoTime();
        outcome.authenticateNanos = cardNanos[0];
        outcome.bsfNanos = end - bsfStart - cardNanos[0];
        outcome.totalNanos = end - start;
        if (result instanceof BootstrapResult.Bootstrapped ok) {
            outcome.result = ok.resynchronised() ? "RESYNCHRONISED" : "OK";
            outcome.btid = ok.btid();
            return print(outcome);
        } else if (result instanceof BootstrapResult.MacFailure) {
            outcome.result = "MAC_FAILURE";
            return print(outcome);
        } else if (result instanceof BootstrapResult.NotSupported) {
            outcome.result = "NOT_SUPPORTED";
            return print(outcome);
        } else if (result instanceof BootstrapResult.CardNotAsked c) {
            return cardNotAsked(c.why());
        }
        BootstrapResult.Failed f = (BootstrapResult.Failed) result;
        return error(f.error().name(), "the BSF exchange failed: " + f.detail(), ERROR);
    }

    /** The country (MCC) only, as the masked IMPI shows it. */
    static String masked(Imsi imsi) {
        return imsi.mcc() + Mask.secret(imsi.digits());
    }

    private Optional<String> pin() throws InvalidInput {
        if (pinFile == null) {
            return Optional.empty();
        }
        String line;
        try {
            if (pinFile.equals("-")) {
                line = CarrierOptions.boundedLine(stdin);
            } else {
                try (BufferedReader in = Files.newBufferedReader(Path.of(pinFile), StandardCharsets.UTF_8)) {
                    line = CarrierOptions.boundedLine(in);
                }
            }
        } catch (IOException e) {
            throw new InvalidInput("--pin-file " + pinFile + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String where = pinFile.equals("-") ? "standard input" : pinFile;
        if (line == null || !line.strip().matches("\\d{4,8}")) {
            throw new InvalidInput("the first line of " + where + " is not a SIM PIN (4 to 8 digits)");
        }
        return Optional.of(line.strip());
    }

    private int cardNotAsked(AkaResult why) throws Exception {
        if (why instanceof AkaResult.PinNotVerified p) {
            return error("PIN_NOT_VERIFIED", p.attempt().isEmpty()
                    ? "the SIM's PIN is enabled: give it with --pin-file FILE (- for standard input)"
                    : "the SIM's PIN was not verified (" + p.attempt().get().getClass().getSimpleName() + ")", ERROR);
        }
        if (why instanceof AkaResult.Failed f) {
            return cardError(f.error(), f.detail());
        }
        return error("CARD_ERROR", "the card could not be asked (" + why.getClass().getSimpleName() + ")", ERROR);
    }

    private int cardError(CardError error, String detail) throws Exception {
        return error(error.name(), CardJson.explain(error, serial != null) + " (" + detail + ")", ERROR);
    }

    /** The shape of {@code read-card}'s failures: JSON on standard output, else one line. */
    private int error(String code, String message, int exit) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = CardJson.MAPPER.createObjectNode().put("error", code).put("message", message);
            out.println(CardJson.MAPPER.writeValueAsString(node));
        } else {
            out.println("error: " + code + ": " + message);
        }
        out.flush();
        return exit;
    }

    private int print(Outcome o) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = CardJson.MAPPER.createObjectNode();
            root.put("iccid", o.iccid);
            root.put("imsiMasked", o.imsiMasked);
            root.put("result", o.result);
            root.put("btid", o.btid);
            ObjectNode timing = root.putObject("timing");
            timing.put("readMs", ms(o.readNanos));
            putMs(timing, "authenticateMs", o.authenticateNanos);
            putMs(timing, "bsfMs", o.bsfNanos);
            timing.put("totalMs", ms(o.totalNanos));
            out.println(CardJson.MAPPER.writeValueAsString(root));
        } else {
            out.println("ICCID:    " + o.iccid);
            out.println("IMSI:     " + (o.imsiMasked == null ? "-" : o.imsiMasked));
            out.println("Result:   " + o.result);
            if (o.btid != null) {
                out.println("B-TID:    " + o.btid);
            }
            out.printf("Read:     %.3f ms%n", ms(o.readNanos));
            if (o.authenticateNanos != null) {
                out.printf("Card:     %.3f ms (AUTHENTICATE)%n", ms(o.authenticateNanos));
                out.printf("BSF:      %.3f ms%n", ms(o.bsfNanos));
            }
            out.printf("Total:    %.3f ms%n", ms(o.totalNanos));
        }
        out.flush();
        return switch (o.result) {
            case "OK", "RESYNCHRONISED" -> CONFIRMED;
            case "MAC_FAILURE" -> MAC_FAILURE;
            default -> NOT_SUPPORTED;
        };
    }

    private static void putMs(ObjectNode node, String name, Long nanos) {
        if (nanos == null) {
            node.putNull(name);
        } else {
            node.put(name, ms(nanos));
        }
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    /** What is printed; the steps not run have no time. */
    private static final class Outcome {
        final String iccid;
        String imsiMasked;
        String result;
        String btid;
        long readNanos;
        Long authenticateNanos;
        Long bsfNanos;
        long totalNanos;

        Outcome(String iccid) {
            this.iccid = iccid;
        }

        Outcome notSupported(long start) {
            result = "NOT_SUPPORTED";
            totalNanos = System.nanoTime() - start;
            return this;
        }
    }
}
