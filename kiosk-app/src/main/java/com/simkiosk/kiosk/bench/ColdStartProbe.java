package com.simkiosk.kiosk.bench;

import com.simkiosk.kiosk.app.EarlyShell;
import com.simkiosk.kiosk.app.KioskParts;
import com.simkiosk.kiosk.app.KioskRuntime;
import com.simkiosk.kiosk.app.KioskShell;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A child process of {@code bench kiosk}: starts the demo kiosk headless as {@code ./kiosk --demo} does
 * ({@link com.simkiosk.kiosk.app.KioskApp}: the attract screen built and shown while the parts start), prints
 * {@code READY <ms since JVM start> <CPU ms the process used so far, all threads>} once the attract screen has been
 * laid out in a pulse, then {@code ATTACHED <ms> <CPU ms>} once the parts have started and the flow runs behind that
 * screen (a SIM inserted now is read), and exits.
 */
public final class ColdStartProbe {
    public static final String READY = "READY ";
    public static final String ATTACHED = "ATTACHED ";

    /** With -Dkiosk.probe.phases=true, each step's time since JVM start on standard error (bench kiosk discards it). */
    private static final boolean PHASES = Boolean.getBoolean("kiosk.probe.phases");

    private ColdStartProbe() {}

    /** What the demo kiosk looks like before its parts start (as {@code DemoKiosk.parts(defaults, NORMAL, false)}). */
    static EarlyShell.Face face() {
        return new EarlyShell.Face(false, Theme.NORMAL, List.of(Language.values()), HelpSettings.defaults(),
                FlowConfig.defaults().defaultLanguage());
    }

    public static void main(String[] args) throws Exception {
        FutureTask<DemoKiosk> parts = new FutureTask<>(() -> {
            DemoKiosk demo = DemoKiosk.start();
            phase("parts started");
            return demo;
        });
        new Thread(parts, "kiosk-parts-start").start();
        if (!Headless.startToolkit()) {
            System.exit(2);
        }
        phase("toolkit started");
        Platform.runLater(() -> {
            phase("FX: building the attract screen");
            EarlyShell early = new EarlyShell(face(), Clock.systemUTC());
            phase("FX: attract screen built");
            Scene scene = new Scene(early.root(), KioskShell.WIDTH, KioskShell.HEIGHT);
            Styling.apply(scene, Theme.NORMAL);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                if (early.shell().surface().lookup("#screen-attract") != null) {
                    scene.removePostLayoutPulseListener(once[0]);
                    report(READY);
                }
            };
            scene.addPostLayoutPulseListener(once[0]);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            phase("FX: shown");
            Thread waiter = new Thread(() -> {
                try {
                    DemoKiosk demo = parts.get(60, TimeUnit.SECONDS);
                    Platform.runLater(() -> attach(demo, early, scene));
                } catch (Exception e) {
                    System.exit(4);
                }
            }, "kiosk-parts-wait");
            waiter.setDaemon(true);
            waiter.start();
        });
        Thread.currentThread().join(60_000); // the FX thread halts the JVM; this bounds a probe that never gets there
        System.exit(3);
    }

    /** The runtime takes the shown screen over, as KioskApp's; ATTACHED once its flow has published into it. */
    private static void attach(DemoKiosk demo, EarlyShell early, Scene scene) {
        KioskParts kioskParts = demo.parts(FlowConfig.defaults(), Theme.NORMAL, false);
        KioskRuntime runtime = new KioskRuntime(kioskParts, Clock.systemUTC(), () -> {}, Optional.of(early));
        if (runtime.root() != early.root()) {
            System.exit(5); // the early screen was not taken over: the probe no longer measures the kiosk's path
        }
        phase("FX: runtime attached");
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            report(ATTACHED);
            Runtime.getRuntime().halt(0);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static void report(String what) {
        long ms = ManagementFactory.getRuntimeMXBean().getUptime();
        // CPU time as well as wall time: on a shared machine the wall time mostly says how busy it was.
        long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000L;
        phase(what.trim());
        System.out.println(what + ms + " " + cpuMs);
        System.out.flush();
    }

    static void phase(String what) {
        if (PHASES) {
            System.err.printf("probe: %5d ms  %s%n", ManagementFactory.getRuntimeMXBean().getUptime(), what);
        }
    }
}
