package com.simkiosk.kiosk;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./kiosk} launcher. Without a subcommand it runs the kiosk; each subcommand is one class
 * in {@code com.simkiosk.kiosk.cli}, listed here.
 */
@Command(
        name = "kiosk",
        mixinStandardHelpOptions = true,
        version = "SIM balance kiosk 0.1",
        description = "Self-service SIM balance kiosk.",
        subcommands = {
            CommandLine.HelpCommand.class,
            com.simkiosk.kiosk.cli.LookupCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the launcher and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
