package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.kiosk.config.MaintenancePin;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kiosk hash-pin}: asks for a maintenance PIN and prints the config block that stores its hash. */
@Command(name = "hash-pin", mixinStandardHelpOptions = true,
        description = "Hash a maintenance PIN (PBKDF2) and print the \"maintenancePin\" block for the config file.")
public final class HashPinCommand implements Callable<Integer> {

    @Option(names = "--stdin", description = "Read the PIN from the first line of standard input (for scripts).")
    boolean fromStdin;

    @Option(names = "--iterations", description = "PBKDF2 iterations (default: ${DEFAULT-VALUE}).")
    int iterations = MaintenancePin.DEFAULT_ITERATIONS;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] pin = fromStdin ? firstLineOfStdin() : askTwice(err);
        if (pin.length == 0) {
            if (fromStdin) {
                err.println("Not hashed: no PIN on standard input; pipe one in, e.g.  echo 12345678 | ./kiosk hash-pin --stdin");
            }
            return 1;
        }
        try {
            MaintenancePin hashed = MaintenancePin.hash(pin, iterations, new SecureRandom());
            ObjectMapper json = new ObjectMapper();
            ObjectNode block = json.createObjectNode();
            block.set("maintenancePin", json.valueToTree(hashed));
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(block));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("Not hashed: " + e.getMessage());
            return 2;
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static char[] firstLineOfStdin() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? new char[0] : line.strip().toCharArray();
    }

    private static char[] askTwice(PrintWriter err) {
        Console console = System.console();
        if (console == null) {
            err.println("No terminal to ask for the PIN: use --stdin, e.g.  echo 12345678 | ./kiosk hash-pin --stdin");
            return new char[0];
        }
        char[] first = console.readPassword("Maintenance PIN (at least %d digits): ", MaintenancePin.MIN_PIN_DIGITS);
        char[] second = console.readPassword("Again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            err.println("The two PINs differ; nothing hashed.");
            return new char[0];
        }
        Arrays.fill(second, '\0');
        return first;
    }
}
