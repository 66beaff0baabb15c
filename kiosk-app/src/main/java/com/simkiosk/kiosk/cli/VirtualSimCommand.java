package com.simkiosk.kiosk.cli;

import com.simkiosk.card.Iccid;
import com.simkiosk.mock.sim.SimFault;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.mock.vpcd.VpcdBridge;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./kiosk virtual-sim}: plugs a virtual SIM into the local vpcd reader until interrupted. */
@Command(name = "virtual-sim", mixinStandardHelpOptions = true,
        description = "Insert a virtual SIM into the vpcd reader of the local pcscd until Ctrl-C.")
public final class VirtualSimCommand implements Callable<Integer> {
    private static final Duration CONNECT_NOTICE = Duration.ofSeconds(3);

    @Option(names = "--iccid", required = true, paramLabel = "DIGITS", description = "ICCID, 18-20 digits starting 89.")
    String iccid;

    @Option(names = "--type", defaultValue = "uicc", paramLabel = "uicc|2g|bank",
            description = "Card type (default: ${DEFAULT-VALUE}); bank is a bank card without EF 2FE2.")
    String type;

    @Option(names = "--pin", paramLabel = "1234", description = "Enable the SIM PIN with this value (3 tries).")
    String pin;

    @Option(names = "--slot", defaultValue = "0", paramLabel = "0|1", description = "vpcd slot (default: ${DEFAULT-VALUE}).")
    int slot;

    @Option(names = "--answer-delay", paramLabel = "MS", defaultValue = "0",
            description = "Make the card slow: wait this long before every answer.")
    long answerDelayMs;

    @Option(names = "--fault", paramLabel = "FAULT", description = "Inject a fault: ${COMPLETION-CANDIDATES}.")
    Set<SimFault> faults = EnumSet.noneOf(SimFault.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        VirtualSimSpec card = cardSpec();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        VpcdBridge bridge = new VpcdBridge(slot);
        Thread removeOnExit = new Thread(() -> {
            bridge.close();
            stopped.countDown();
        }, "virtual-sim-remove");
        Runtime.getRuntime().addShutdownHook(removeOnExit);
        bridge.insert(new VirtualSim(card));
        String what = switch (card.kind()) {
            case UICC -> "UICC SIM " + card.iccid();
            case SIM_2G -> "2G SIM " + card.iccid();
            case BANK_CARD -> "bank card";
        };
        out.printf("virtual %s inserted in vpcd slot %d (reader \"Virtual PCD 00 %02d\"); Ctrl-C removes it%n", what, slot, slot);
        out.flush();
        long deadline = System.nanoTime() + CONNECT_NOTICE.toNanos();
        while (!bridge.connected() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!bridge.connected()) {
            out.printf("vpcd is not reachable on 127.0.0.1:%d yet (is pcscd running with vsmartcard-vpcd?); still trying%n",
                    VpcdBridge.VPCD_PORT + slot);
            out.flush();
        }
        stopped.await();
        return 0;
    }

    private VirtualSimSpec cardSpec() {
        Iccid parsed;
        try {
            parsed = Iccid.parse(iccid);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--iccid: " + e.getMessage());
        }
        if (slot < 0 || slot > 1) {
            throw new ParameterException(spec.commandLine(), "--slot is 0 or 1");
        }
        VirtualSimSpec card = switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "uicc" -> VirtualSimSpec.uicc(parsed.digits());
            case "2g" -> VirtualSimSpec.sim2g(parsed.digits());
            case "bank" -> VirtualSimSpec.bankCard();
            default -> throw new ParameterException(spec.commandLine(), "--type is uicc, 2g or bank");
        };
        if (pin != null) {
            if (!pin.matches("\\d{4,8}")) {
                throw new ParameterException(spec.commandLine(), "--pin has 4 to 8 digits");
            }
            card = card.withPin(pin, VirtualSimSpec.MAX_TRIES);
        }
        if (answerDelayMs < 0) {
            throw new ParameterException(spec.commandLine(), "--answer-delay is at least 0");
        }
        card = card.withAnswerDelay(Duration.ofMillis(answerDelayMs));
        for (SimFault fault : faults) {
            card = card.withFault(fault);
        }
        return card;
    }
}
