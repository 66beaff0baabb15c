package com.simkiosk.kiosk.cli;

import com.simkiosk.card.Iccid;
import com.simkiosk.mock.serial.ModemDialect;
import com.simkiosk.mock.serial.PtyPair;
import com.simkiosk.mock.serial.SimulatedModem;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.serial.SerialLinkException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kiosk virtual-modem}: a simulated cellular module with a virtual SIM, on a pseudo-terminal made by
 * socat, so the real serial path can be tried by hand: {@code ./kiosk read-card --serial PATH} or
 * {@code ./kiosk network-balance --serial PATH …} (with the network options of {@link VirtualNetworkOptions}) in
 * another shell.
 */
@Command(name = "virtual-modem", mixinStandardHelpOptions = true,
        description = "Run a simulated AT modem with a virtual SIM on a pseudo-terminal (socat) until interrupted.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped", "1:socat or the pseudo-terminal failed", "2:invalid input"})
public final class VirtualModemCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--link", required = true, paramLabel = "PATH",
            description = "Where the kiosk's end of the serial line appears (a symbolic link to a /dev/pts device).")
    Path link;

    @Option(names = "--iccid", required = true, paramLabel = "DIGITS", description = "The virtual SIM's ICCID.")
    String iccid;

    @Option(names = "--dialect", paramLabel = "quectel|simcom|ublox", defaultValue = "quectel",
            description = "Which module family to imitate (default: ${DEFAULT-VALUE}).")
    ModemDialect dialect;

    @Option(names = "--type", paramLabel = "uicc|2g", defaultValue = "uicc", description = "The SIM behind AT+CSIM (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--pin", paramLabel = "PIN", description = "Turn the SIM PIN on with this PIN.")
    String pin;

    @Option(names = "--chatter", description = "Send unsolicited result codes and line noise around answers.")
    boolean chatter;

    @Option(names = "--echo-always", description = "Keep echoing commands even after ATE0, as some modules do.")
    boolean echoAlways;

    @Option(names = "--answer-delay", paramLabel = "MS", defaultValue = "0", description = "Wait this long before each answer.")
    long answerDelayMillis;

    /** The network behind the radio: registration, USSD answers, SMS replies (for {@code ./kiosk network-balance}). */
    @Mixin
    VirtualNetworkOptions network;

    @Option(names = "--for", paramLabel = "SECONDS", description = "Stop by itself after this long (default: until interrupted).")
    Long forSeconds;

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VirtualSim card;
        try {
            VirtualSimSpec simSpec = VirtualSimSpec.uicc(Iccid.parse(iccid).digits());
            simSpec = "2g".equalsIgnoreCase(type) ? simSpec.withKind(VirtualSimSpec.Kind.SIM_2G) : simSpec;
            card = new VirtualSim(pin == null ? simSpec : simSpec.withPin(pin, VirtualSimSpec.MAX_TRIES));
        } catch (IllegalArgumentException e) {
            err.println("virtual-modem: " + e.getMessage());
            return 2;
        }
        SimulatedModem.Options options = SimulatedModem.Options.PLAIN.withAnswerDelay(Duration.ofMillis(answerDelayMillis));
        options = chatter ? options.withChatter() : options;
        options = echoAlways ? options.withEchoAlways() : options;
        Path modemEnd = null;
        try {
            Path tempDir = Files.createTempDirectory("kiosk-virtual-modem");
            modemEnd = tempDir.resolve("modem");
            try (PtyPair pty = PtyPair.open(link.toAbsolutePath(), modemEnd, Duration.ofSeconds(5));
                 SimulatedModem modem = SimulatedModem.start(JsscSerialLink.open(modemEnd.toString(), 115200),
                         dialect, card, options, network.network())) {
                Thread hook = new Thread(() -> {
                    // Ctrl-C: the JVM will not return to the finally blocks below, so clean up here.
                    stop.countDown();
                    modem.close();
                    pty.close();
                    removeQuietly(tempDir);
                }, "virtual-modem-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                out.printf("network: %s%n", network.summary());
                out.printf("virtual %s modem with SIM %s on %s (socat pid %d); Ctrl-C stops it%n",
                        dialect.name().toLowerCase(), card.spec().iccid(), link, pty.pid());
                out.flush();
                long deadline = forSeconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(forSeconds);
                // Wake once a second to notice socat dying; stop on Ctrl-C, interrupt or --for.
                while (!stop.await(1, TimeUnit.SECONDS)) {
                    if (!pty.isAlive()) {
                        err.println("virtual-modem: socat ended; the pseudo-terminal is gone");
                        return 1;
                    }
                    if (System.nanoTime() - deadline > 0) {
                        break;
                    }
                }
                removeHook(hook);
                return 0;
            }
        } catch (IOException | SerialLinkException e) {
            err.println("virtual-modem: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            if (modemEnd != null) {
                removeQuietly(modemEnd.getParent());
            }
        }
    }

    private static void removeQuietly(Path emptyDir) {
        try {
            Files.deleteIfExists(emptyDir);
        } catch (IOException ignored) {
            // an empty temporary directory is harmless
        }
    }

    /** Stops the modem from another thread (tests); Ctrl-C does the same through the shutdown hook. */
    public void stop() {
        stop.countDown();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }
}
