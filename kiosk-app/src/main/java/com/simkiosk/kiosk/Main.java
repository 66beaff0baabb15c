package com.simkiosk.kiosk;

import com.simkiosk.kiosk.launcher.KioskLauncher;
import com.simkiosk.kiosk.theme.Theme;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
            com.simkiosk.kiosk.cli.OffersCommand.class,
            com.simkiosk.kiosk.cli.TopUpCommand.class,
            com.simkiosk.kiosk.cli.TourCommand.class,
            com.simkiosk.kiosk.cli.HashPinCommand.class,
            com.simkiosk.kiosk.cli.CarrierSimCommand.class,
            com.simkiosk.kiosk.cli.ReadersCommand.class,
            com.simkiosk.kiosk.cli.ReadCardCommand.class,
            com.simkiosk.kiosk.cli.SimAuthCommand.class,
            com.simkiosk.kiosk.cli.VirtualSimCommand.class,
            com.simkiosk.kiosk.cli.BenchCommand.class,
            com.simkiosk.kiosk.cli.VirtualModemCommand.class,
            com.simkiosk.kiosk.cli.NetworkBalanceCommand.class,
            com.simkiosk.kiosk.cli.PrintTestCommand.class,
            com.simkiosk.kiosk.cli.FleetCommand.class,
            com.simkiosk.kiosk.cli.FleetSimCommand.class,
            com.simkiosk.kiosk.cli.VoiceCommand.class,
            com.simkiosk.kiosk.cli.VoiceCheckCommand.class,
            com.simkiosk.kiosk.cli.VoiceCacheCommand.class,
        })
public final class Main implements Callable<Integer> {

    @Option(names = "--demo", description = "Simulated reader, carrier and printer, with a demo SIM tray and SMS outbox.")
    boolean demo;

    @Option(names = "--windowed", description = "A resizable window instead of the locked fullscreen kiosk.")
    boolean windowed;

    @Option(names = "--pcsc", description = "With --demo: read virtual SIMs through the real PC/SC path (pcscd + vpcd).")
    boolean pcsc;

    @Option(names = "--config", paramLabel = "FILE", description = "Run a real kiosk from this JSON configuration.")
    Path config;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "NORMAL",
            description = "NORMAL, HIGH_CONTRAST or LARGE_TEXT (default: ${DEFAULT-VALUE}).")
    Theme theme;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the launcher and returns its exit code (for tests). */
    public static int run(String... args) {
        return com.simkiosk.kiosk.cli.CliFailures.install(new CommandLine(new Main()))
                .setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public Integer call() {
        if (!demo && config == null) {
            new CommandLine(this).usage(System.out);
            return 0;
        }
        return KioskLauncher.launch(new KioskLauncher.Options(demo, windowed, pcsc, Optional.ofNullable(config), theme),
                System.getenv(), System.err);
    }
}
