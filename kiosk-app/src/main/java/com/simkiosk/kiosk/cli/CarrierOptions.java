package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.tmf.BackendProfile;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.kiosk.config.ConfigException;
import com.simkiosk.kiosk.config.KioskConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options every operator command that talks to one carrier back end shares ({@code lookup}, {@code offers},
 * {@code topup}): where, with which credentials, which profile, text or JSON; and their one error shape,
 * {@code {"error": CODE, "message": …}} with exit 1 for a carrier's answer and 2 for input the tool refuses.
 */
final class CarrierOptions {
    static final int CARRIER_ERROR = 1;
    static final int INVALID_INPUT = 2;
    /** Where the client secret comes from when no file names it. */
    static final String SECRET_VARIABLE = "KIOSK_CLIENT_SECRET";
    /** The carrier simulator's demo secret, used when no secret is given. */
    static final String DEMO_SECRET = "demo-secret";
    private static final int MAX_SECRET_CHARS = 4_096;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Input the tool refuses before asking anyone; its message is for the operator. */
    static final class InvalidInput extends Exception {
        InvalidInput(String message) {
            super(message);
        }
    }

    @Option(names = "--backend", required = true, paramLabel = "URL", description = "Base URL of the carrier back end.")
    URI backend;

    @Option(names = "--client-id", paramLabel = "ID", defaultValue = "demo-kiosk",
            description = "OAuth 2.0 client id of this kiosk (default: ${DEFAULT-VALUE}).")
    String clientId;

    /** Refused: a secret in the arguments is visible to every user of the machine ({@code ps}, /proc). */
    @Option(names = "--client-secret", paramLabel = "S", hidden = true)
    String clientSecretArgument;

    @Option(names = "--client-secret-file", paramLabel = "FILE",
            description = "Read the OAuth 2.0 client secret from the first line of FILE (- for standard input; "
                    + "then a typed SMS code follows on the next line). Without it: the environment variable "
                    + SECRET_VARIABLE + ", else the simulator's demo secret.")
    String clientSecretFile;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "A JSON file with the back end's profile, as under \"profile\" in the kiosk configuration "
                    + "(characteristic names, query templates, units…). Default: the standard's.")
    Path profileFile;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    /** The endpoint these options name; the secret from the file, "-" ({@code stdin}), the environment or the demo. */
    CarrierEndpoint endpoint(BufferedReader stdin, Map<String, String> env) throws InvalidInput {
        if (clientSecretArgument != null) {
            throw new InvalidInput("--client-secret on the command line is visible to every user (ps); "
                    + "use --client-secret-file FILE (- for standard input) or the " + SECRET_VARIABLE
                    + " environment variable");
        }
        String secret = clientSecret(stdin, env);
        BackendProfile profile = profile();
        try {
            return CarrierEndpoint.of(backend.getAuthority() == null ? "back end" : backend.getAuthority(), backend,
                    clientId, secret).withProfile(profile);
        } catch (IllegalArgumentException e) {
            String why = CarrierEndpoint.PLAIN_HTTP_ONLY_HERE.equals(e.getMessage()) ? e.getMessage()
                    : "must be an http or https URL";
            throw new InvalidInput("--backend " + why);
        }
    }

    private BackendProfile profile() throws InvalidInput {
        if (profileFile == null) {
            return BackendProfile.standard();
        }
        try {
            return KioskConfig.parseProfile(Files.readString(profileFile, StandardCharsets.UTF_8), profileFile.toString());
        } catch (IOException e) {
            throw new InvalidInput("--profile " + profileFile + " cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (ConfigException e) {
            throw new InvalidInput("--profile " + String.join("; ", e.problems()));
        }
    }

    private String clientSecret(BufferedReader stdin, Map<String, String> env) throws InvalidInput {
        if (clientSecretFile == null) {
            String fromEnv = env.getOrDefault(SECRET_VARIABLE, "");
            return fromEnv.isEmpty() ? DEMO_SECRET : fromEnv;
        }
        String line;
        try {
            if (clientSecretFile.equals("-")) {
                line = boundedLine(stdin);
            } else {
                try (BufferedReader in = Files.newBufferedReader(Path.of(clientSecretFile), StandardCharsets.UTF_8)) {
                    line = boundedLine(in);
                }
            }
        } catch (IOException e) {
            throw new InvalidInput("--client-secret-file " + clientSecretFile + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        String where = clientSecretFile.equals("-") ? "standard input" : clientSecretFile;
        if (line == null || line.isBlank()) {
            throw new InvalidInput("no client secret on the first line of " + where);
        }
        if (line.length() > MAX_SECRET_CHARS) {
            throw new InvalidInput("the first line of " + where + " is too long for a client secret");
        }
        return line.strip();
    }

    /** What a command does with the line of the SIM it was given. */
    interface LineAction {
        int apply(TmfCarrierClient client, Line line) throws CarrierException;
    }

    /**
     * Finds the line of the SIM {@code iccidText} at the back end these options name and hands it to {@code action};
     * refused input and carrier errors are printed in the shared shape and become the exit code.
     */
    int withLineOf(CommandSpec spec, String iccidText, BufferedReader stdin, Map<String, String> env, LineAction action) {
        CarrierEndpoint endpoint;
        Iccid iccid;
        try {
            endpoint = endpoint(stdin, env);
            iccid = iccid(iccidText);
        } catch (InvalidInput e) {
            return fail(spec, "INVALID_INPUT", e.getMessage(), INVALID_INPUT);
        }
        try (TmfCarrierClient client = new TmfCarrierClient(endpoint)) {
            return action.apply(client, client.findLineByIccid(iccid));
        } catch (CarrierException e) {
            return fail(spec, e.error().name(), e.getMessage(), CARRIER_ERROR);
        }
    }

    static Iccid iccid(String typed) throws InvalidInput {
        try {
            return Iccid.parse(typed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("not an ICCID: " + e.getMessage());
        }
    }

    /** One line of at most {@link #MAX_SECRET_CHARS} (+1, to tell "too long"): a line from /dev/zero must end. */
    static String boundedLine(Reader in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && line.length() <= MAX_SECRET_CHARS) {
            line.append((char) c);
        }
        return c < 0 && line.length() == 0 ? null : line.toString();
    }

    /** Prints the error ({@code --json}: on standard output as JSON; else "command: CODE: message" on stderr). */
    int fail(CommandSpec spec, String code, String message, int exit) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            root.put("error", code);
            root.put("message", message);
            out.println(root);
        } else {
            spec.commandLine().getErr().println(spec.name() + ": " + code + ": " + message);
            spec.commandLine().getErr().flush();
        }
        out.flush();
        return exit;
    }
}
