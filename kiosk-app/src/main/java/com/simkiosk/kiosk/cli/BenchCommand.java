package com.simkiosk.kiosk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./kiosk bench <area>}: benchmark programs that print median and p99. One subcommand per area. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: each prints median and p99 (add --json for JSON).",
        subcommands = {
            CardBenchCommand.class,
            BenchCarrierCommand.class,
            KioskBenchCommand.class,
            BenchSerialCommand.class,
            BenchNetworkCommand.class,
            BenchFlowCommand.class,
            BenchSoakCommand.class,
            SimAuthBenchCommand.class,
            BenchJourneyCommand.class,
            BenchVoiceCommand.class,
        })
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
