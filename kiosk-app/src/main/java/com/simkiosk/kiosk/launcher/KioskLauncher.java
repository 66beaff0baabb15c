package com.simkiosk.kiosk.launcher;

import com.simkiosk.kiosk.app.KioskApp;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.demo.PcscDemo;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.theme.Theme;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code ./kiosk} does without a subcommand: the demo, or a real kiosk from a configuration file. */
public final class KioskLauncher {
    private static final Logger log = LoggerFactory.getLogger(KioskLauncher.class);

    /** The launcher's options, as {@code Main} parsed them. */
    public record Options(boolean demo, boolean windowed, boolean pcsc, Optional<Path> config, Theme theme) {}

    private KioskLauncher() {}

    /** Runs the kiosk until it exits; returns the process exit code. Never lets a stack trace reach the console. */
    public static int launch(Options o, Map<String, String> env, PrintStream err) {
        if (!o.demo() && o.config().isEmpty()) {
            err.println("kiosk: say --demo (simulated hardware) or --config FILE (a real kiosk); ./kiosk --help lists all commands");
            return 2;
        }
        Optional<String> noDisplay = missingDisplay(env);
        if (noDisplay.isPresent()) {
            err.println(noDisplay.get());
            return 3;
        }
        try {
            if (o.demo()) {
                return runDemo(o, err);
            }
            return RealKiosk.run(o.config().orElseThrow(), o.theme(), o.windowed(), err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (Exception e) {
            log.error("kiosk stopped: {}", e.toString(), e);
            err.println("kiosk: could not start: " + e.getMessage() + " (details in the log)");
            return 1;
        }
    }

    private static int runDemo(Options o, PrintStream err) throws Exception {
        if (o.pcsc()) {
            return PcscDemo.run(o.theme(), o.windowed(), err);
        }
        var help = com.simkiosk.kiosk.screen.help.HelpSettings.demo();
        // The attract screen is shown while the simulator starts (issue 17, cold start): it looks as these parts will.
        var face = new com.simkiosk.kiosk.app.EarlyShell.Face(true, o.theme(),
                java.util.List.of(com.simkiosk.kiosk.flow.Language.values()), help, FlowConfig.defaults().defaultLanguage());
        KioskApp.run(() -> DemoKiosk.start().parts(FlowConfig.defaults(), o.theme(), true).withHelp(help),
                Optional.of(face), o.windowed());
        return 0;
    }

    /**
     * JavaFX needs a display (X11 or Wayland) unless it was told to use Monocle; say so in one line, with the way on,
     * instead of the toolkit's "Unable to open DISPLAY" stack trace.
     */
    static Optional<String> missingDisplay(Map<String, String> env) {
        boolean monocle = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform", ""));
        boolean display = !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        if (monocle || display) {
            return Optional.empty();
        }
        return Optional.of("kiosk: no display here (DISPLAY and WAYLAND_DISPLAY are unset): run it on a virtual one with "
                + "`xvfb-run -s '-screen 0 1920x1080x24' ./kiosk --demo --windowed`, or render every screen to PNG with "
                + "`./kiosk tour --out DIR`");
    }
}
