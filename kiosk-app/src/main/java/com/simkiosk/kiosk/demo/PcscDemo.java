package com.simkiosk.kiosk.demo;

import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.kiosk.app.KioskApp;
import com.simkiosk.kiosk.app.KioskParts;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.mock.vpcd.PcscdProcess;
import com.simkiosk.mock.vpcd.VpcdBridge;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo through the real PC/SC path: the PC/SC driver reads virtual SIMs that the tray plugs into pcscd through
 * vpcd. Uses a running pcscd, or starts one as a child process ({@link PcscdProcess}: queued on the machine's pcscd
 * lock like the tests, stopped by its PID at exit).
 */
public final class PcscDemo {
    private static final Logger log = LoggerFactory.getLogger(PcscDemo.class);
    static final Path PCSCD_SOCKET = PcscdProcess.SOCKET;
    static final Path VPCD_CONF = Path.of("/etc/reader.conf.d/vpcd");

    private PcscDemo() {}

    /** Why the PC/SC demo cannot run here, in one line; empty when it can. */
    public static Optional<String> missing() {
        if (!Files.exists(VPCD_CONF)) {
            return Optional.of("kiosk: --pcsc needs the vsmartcard-vpcd driver (" + VPCD_CONF + " is missing): "
                    + "apt-get install pcscd vsmartcard-vpcd, or run ./kiosk --demo without --pcsc");
        }
        if (!Files.exists(PCSCD_SOCKET) && !onPath("pcscd")) {
            return Optional.of("kiosk: --pcsc needs pcscd (not installed): apt-get install pcscd, or run ./kiosk --demo without --pcsc");
        }
        return Optional.empty();
    }

    public static int run(Theme theme, boolean windowed, PrintStream err) throws Exception {
        Optional<String> missing = missing();
        if (missing.isPresent()) {
            err.println(missing.get());
            return 4;
        }
        // The machine's one pcscd is shared with the PC/SC tests and the bench: queue on their lock, use a running
        // pcscd as it is, else start our own and stop it by its PID at exit.
        PcscdProcess pcscd = new PcscdProcess(new File("/dev/null"));
        Thread hook = new Thread(() -> closeQuietly(pcscd), "pcsc-demo-stop-pcscd");
        try {
            if (pcscd.startUnlessRunning()) {
                log.info("started pcscd for the PC/SC demo");
                // Also when the kiosk is stopped by a signal: never leave our pcscd behind.
                Runtime.getRuntime().addShutdownHook(hook);
            } else {
                pcscd.close(); // someone else's pcscd: nothing of ours to hold
            }
            KioskApp.run(() -> wire(DemoKiosk.start(), FlowConfig.defaults(), theme, true).parts(), windowed);
            return 0;
        } finally {
            closeQuietly(pcscd);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it stops pcscd itself
            }
        }
    }

    /** The PC/SC demo's kiosk parts and the hands that feed its reader. */
    public record Wiring(KioskParts parts, DemoTray tray) {}

    /**
     * The PC/SC demo without the toolkit: the PC/SC driver over pcscd, and a tray that plugs virtual SIMs into vpcd's
     * first slot. The parts own the bridge, the reader and {@code demo}; closing the kiosk closes them all.
     */
    public static Wiring wire(DemoKiosk demo, FlowConfig config, Theme theme, boolean panel) {
        VpcdBridge bridge = new VpcdBridge(0);
        PcscSimReader reader = new PcscSimReader();
        DemoTray tray = vpcdTray(bridge);
        return new Wiring(demo.parts(reader, tray, config, theme, panel, List.of(bridge, reader)), tray);
    }

    /** Hands that plug virtual SIMs into pcscd through vpcd. */
    static DemoTray vpcdTray(VpcdBridge bridge) {
        return new DemoTray() {
            @Override
            public void insertSim(DemoLine line, int pinTriesLeft) {
                // The line's genuine USIM: with the BSF configured it proves itself (after its PIN, if enabled).
                VirtualSimSpec spec = DemoKiosk.usimSpec(line, true);
                if (line.verificationMethods().contains(com.simkiosk.carrier.VerificationMethod.SIM_PIN)) {
                    spec = spec.withPin(line.simPin(), pinTriesLeft);
                }
                swap(new VirtualSim(spec));
            }

            @Override
            public void insertUsim(DemoLine line, boolean genuine) {
                swap(new VirtualSim(DemoKiosk.usimSpec(line, genuine)));
            }

            @Override
            public void insertForeignSim() {
                swap(new VirtualSim(VirtualSimSpec.uicc(DemoLines.FOREIGN_ICCID.digits())));
            }

            @Override
            public void insertBankCard() {
                swap(new VirtualSim(VirtualSimSpec.bankCard()));
            }

            @Override
            public void remove() {
                bridge.remove();
            }

            private void swap(VirtualSim sim) {
                bridge.remove();
                bridge.insert(sim);
            }
        };
    }

    private static void closeQuietly(PcscdProcess pcscd) {
        try {
            pcscd.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", program));
    }
}
