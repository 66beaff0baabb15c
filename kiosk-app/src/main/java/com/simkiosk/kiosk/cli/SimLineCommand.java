package com.simkiosk.kiosk.cli;

import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** An operator command about the line of one SIM at one back end ({@code offers}, {@code topup}): shared options. */
abstract class SimLineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CarrierOptions carrier;

    @Option(names = "--iccid", required = true, paramLabel = "DIGITS", description = "The SIM's ICCID (spaces allowed).")
    String iccid;

    private BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    private Map<String, String> env = System.getenv();

    /** A secret from "-" is read from {@code stdin}; tests pass their own input and environment. */
    SimLineCommand withInput(Reader input, Map<String, String> environment) {
        this.stdin = new BufferedReader(input);
        this.env = Map.copyOf(environment);
        return this;
    }

    @Override
    public final Integer call() {
        return carrier.withLineOf(spec, iccid, stdin, env, this::run);
    }

    /** The command's work once the line is found; returns the exit code. */
    abstract int run(TmfCarrierClient client, Line line) throws CarrierException;
}
