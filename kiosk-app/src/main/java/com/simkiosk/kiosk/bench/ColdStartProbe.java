package com.simkiosk.kiosk.bench;

import com.simkiosk.kiosk.app.KioskRuntime;
import com.simkiosk.kiosk.app.KioskShell;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A child process of {@code bench kiosk}: starts the demo kiosk headless, prints
 * {@code READY <ms since JVM start> <CPU ms the process used so far, all threads>}
 * once the attract screen has been laid out in a pulse, and exits.
 */
public final class ColdStartProbe {
    public static final String READY = "READY ";

    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        // As ./kiosk --demo does: the simulated hardware starts while the toolkit does (see KioskApp.run).
        FutureTask<DemoKiosk> parts = new FutureTask<>(DemoKiosk::start);
        new Thread(parts, "kiosk-parts-start").start();
        if (!Headless.startToolkit()) {
            System.exit(2);
        }
        DemoKiosk demo = parts.get(60, TimeUnit.SECONDS);
        Platform.runLater(() -> {
            KioskRuntime runtime = new KioskRuntime(demo.parts(FlowConfig.defaults(), Theme.NORMAL, false), Clock.systemUTC(), () -> {});
            Scene scene = new Scene(runtime.root(), KioskShell.WIDTH, KioskShell.HEIGHT);
            Styling.apply(scene, Theme.NORMAL);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                if (runtime.shell().surface().lookup("#screen-attract") != null) {
                    scene.removePostLayoutPulseListener(once[0]);
                    long ms = ManagementFactory.getRuntimeMXBean().getUptime();
                    // CPU time as well as wall time: on a shared machine the wall time mostly says how busy it was.
                    long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime() / 1_000_000L;
                    System.out.println(READY + ms + " " + cpuMs);
                    System.out.flush();
                    Runtime.getRuntime().halt(0);
                }
            };
            scene.addPostLayoutPulseListener(once[0]);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
        Thread.currentThread().join(60_000); // the FX thread halts the JVM; this bounds a probe that never gets there
        System.exit(3);
    }
}
