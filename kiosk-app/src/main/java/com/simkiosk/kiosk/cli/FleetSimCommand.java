package com.simkiosk.kiosk.cli;

import com.simkiosk.kiosk.telemetry.BrokerOptions;
import com.simkiosk.kiosk.telemetry.FleetSimulation;
import com.simkiosk.kiosk.telemetry.Payloads;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk fleet-sim --broker URL --kiosks N}: N simulated kiosks publishing through the kiosk's own
 * telemetry classes, with scripted customers, bursts of errors and faults; for tests, demos and load.
 */
@Command(name = "fleet-sim", mixinStandardHelpOptions = true,
        description = "Simulate N kiosks publishing telemetry to the broker (the kiosk's own telemetry code).")
public final class FleetSimCommand implements Callable<Integer> {
    @Mixin
    BrokerCliOptions broker;

    @Option(names = "--kiosks", required = true, paramLabel = "N", description = "How many kiosks (1 to 20000).")
    int kiosks;

    @Option(names = "--health-seconds", paramLabel = "S", defaultValue = "10", description = "Health period (default ${DEFAULT-VALUE}).")
    int healthSeconds;

    @Option(names = "--session-seconds", paramLabel = "S", defaultValue = "60",
            description = "A simulated customer at each kiosk this often (default ${DEFAULT-VALUE}).")
    int sessionSeconds;

    @Option(names = "--burst-seconds", paramLabel = "S", defaultValue = "60", description = "Error bursts this often (default ${DEFAULT-VALUE}).")
    int burstSeconds;

    @Option(names = "--burst-size", paramLabel = "N", defaultValue = "5", description = "Errors per burst, 0 for none (default ${DEFAULT-VALUE}).")
    int burstSize;

    @Option(names = "--paper-out", paramLabel = "N", defaultValue = "0", description = "The first N kiosks are out of paper.")
    int paperOut;

    @Option(names = "--backend-down", paramLabel = "N", defaultValue = "0", description = "The next N kiosks' back end is down.")
    int backendDown;

    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds (default: run until interrupted).")
    Double durationSeconds;

    @Option(names = "--json", description = "Print a JSON summary at the end.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (kiosks < 1 || kiosks > 20_000 || healthSeconds < 1 || sessionSeconds < 1 || burstSeconds < 1 || burstSize < 0) {
            return invalid(out, "--kiosks is 1 to 20000; periods are at least 1 s; --burst-size is 0 or more");
        }
        FleetSimulation.Script script = new FleetSimulation.Script(Duration.ofSeconds(sessionSeconds),
                Duration.ofSeconds(burstSeconds), burstSize, paperOut, backendDown, 42);
        FleetSimulation sim;
        try {
            // a broker that is away when the simulation starts is retried, as a kiosk would
            BrokerOptions.build(broker.settings(Duration.ofSeconds(healthSeconds), 10_000), System.getenv());
            sim = FleetSimulation.start(kiosks, broker.settings(Duration.ofSeconds(healthSeconds), 10_000),
                    System.getenv(), script, Clock.systemUTC());
        } catch (IllegalArgumentException | BrokerOptions.Unusable e) {
            return invalid(out, e.getMessage());
        }
        Thread stopper = new Thread(sim::close, "fleet-sim-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        long deadline = durationSeconds == null ? Long.MAX_VALUE : System.nanoTime() + (long) (durationSeconds * 1e9);
        long online = 0;
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            FleetCommand.pause(Math.min(10, (deadline - System.nanoTime()) / 1e9));
            online = sim.online();
            if (!json) {
                out.printf("fleet-sim: %d of %d kiosks online%n", online, sim.size());
                out.flush();
            }
        }
        Runtime.getRuntime().removeShutdownHook(stopper);
        sim.close();
        if (json) {
            out.println(Payloads.JSON.writeValueAsString(Map.of("kiosks", kiosks, "onlineAtEnd", online)));
        }
        return 0;
    }

    private int invalid(PrintWriter out, String message) throws Exception {
        if (json) {
            out.println(Payloads.JSON.writeValueAsString(Map.of("error", "INVALID_INPUT", "message", message)));
        } else {
            spec.commandLine().getErr().println("fleet-sim: " + message);
        }
        return CliFailures.INVALID_INPUT;
    }
}
