package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.i18n.LineBreaks;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Drives a whole demo kiosk (in-memory reader, carrier simulator over loopback HTTP, in-memory printer) the way
 * a customer would: taps on the glass robot, waits for screens with a bound, screenshots each step.
 */
final class KioskDriver implements AutoCloseable {
    private final DemoKiosk demo;
    private final KioskRuntime runtime;
    private final FxRobot robot = new FxRobot();
    private final String journey;
    private final AtomicInteger step = new AtomicInteger();

    private KioskDriver(DemoKiosk demo, KioskRuntime runtime, String journey) {
        this.demo = demo;
        this.runtime = runtime;
        this.journey = journey;
    }

    static FlowConfig config(Duration idleAfter, Duration countdown) {
        return new FlowConfig(idleAfter, countdown, Optional.empty(), Language.EN, 3, 3, 3, 14, 3, "store-1", "kiosk-1");
    }

    static KioskDriver open(String journey, FlowConfig config) throws Exception {
        return open(journey, config, false);
    }

    /** With {@code panel}, the demo SIM tray and SMS outbox are beside the kiosk, as in {@code ./kiosk --demo}. */
    static KioskDriver open(String journey, FlowConfig config, boolean panel) throws Exception {
        DemoKiosk demo = DemoKiosk.start();
        return open(journey, demo, demo.parts(config, Theme.NORMAL, panel));
    }

    /** A demo kiosk whose runtime is watched by {@code attachments} (systemd, out of service), as a real one would be. */
    static KioskDriver open(String journey, FlowConfig config, List<KioskParts.RuntimeAttachment> attachments) throws Exception {
        DemoKiosk demo = DemoKiosk.start();
        KioskParts p = demo.parts(config, Theme.NORMAL, false);
        return open(journey, demo, new KioskParts(p.reader(), p.carrier(), p.printer(), p.flowConfig(), p.theme(),
                p.maintenancePin(), p.demoPanel(), p.owned(), p.languages(), attachments, p.help()));
    }

    /** A kiosk on {@code parts} built over {@code demo} (another reader, such as the PC/SC demo's). */
    static KioskDriver open(String journey, DemoKiosk demo, KioskParts parts) throws Exception {
        KioskRuntime runtime = Fx.call(() -> new KioskRuntime(parts, Clock.systemUTC(), () -> {}));
        FxToolkit.setupStage((Stage stage) -> {
            Scene scene = new Scene(runtime.root());
            Styling.apply(scene, Theme.NORMAL);
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            stage.toFront();
        });
        KioskDriver d = new KioskDriver(demo, runtime, journey);
        d.waitForScreen("attract");
        return d;
    }

    DemoKiosk demo() {
        return demo;
    }

    KioskRuntime runtime() {
        return runtime;
    }

    void waitForScreen(String name) throws Exception {
        Fx.waitUntil("screen " + name + " (now " + runtime.view().state().key() + ")",
                () -> runtime.shell().surface().lookup("#screen-" + name) != null);
        shot(name);
    }

    void tap(String id) throws Exception {
        Fx.waitUntil("#" + id + " on screen", () -> {
            Node n = runtime.root().lookup("#" + id);
            return n != null && n.isVisible() && !n.isDisabled();
        });
        robot.clickOn("#" + id);
    }

    void type(String keys) throws Exception {
        for (char c : keys.toCharArray()) {
            tap("key-" + c);
        }
    }

    /** Types a registered detail (letters, digits, '-'), switching the keypad between its letters and digits pages. */
    void typeDetail(String value) throws Exception {
        boolean letters = false;
        for (char c : value.toCharArray()) {
            boolean digit = Character.isDigit(c);
            if (digit == letters) {
                tap("key-toggle");
                letters = !digit;
            }
            tap("key-" + (c == '-' ? "dash" : String.valueOf(c)));
        }
    }

    String text(String id) throws Exception {
        return Fx.call(() -> {
            Node n = runtime.root().lookup("#" + id);
            return n instanceof Labeled l ? LineBreaks.plain(l.getText()) : "";
        });
    }

    boolean shows(String id) throws Exception {
        return Fx.call(() -> runtime.shell().surface().lookup("#" + id) != null);
    }

    List<String> texts() throws Exception {
        return Fx.call(() -> Fx.texts(runtime.shell().surface()));
    }

    /** The kiosk and, in demo mode, the panel beside it. */
    void shotAll(String name) throws Exception {
        String file = String.format("%s-%02d-%s", journey, step.incrementAndGet(), name);
        Fx.run(() -> {
            try {
                Fx.screenshot(runtime.root(), file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    void shot(String name) throws Exception {
        String file = String.format("%s-%02d-%s", journey, step.incrementAndGet(), name);
        Fx.run(() -> {
            try {
                Fx.screenshot(runtime.shell().surface(), file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() throws Exception {
        Fx.run(runtime::close);
        FxToolkit.cleanupStages();
    }
}
