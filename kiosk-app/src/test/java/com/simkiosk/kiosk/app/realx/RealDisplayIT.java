package com.simkiosk.kiosk.app.realx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.testing.TestTime;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's first command on a real X server, not Monocle: {@code ./kiosk --demo --windowed} (and fullscreen, and
 * {@code --config} against the carrier simulator on loopback) is launched as a child process on Xvfb, with and without
 * the openbox window manager, at four screen sizes. The window's geometry is read from the X server, the root window
 * is captured with xwd, and the top bar, the language buttons, the demo tray and the maintenance corner must be on
 * screen at the places the scaled kiosk puts them; five taps in the corner must open maintenance. Screenshots and the
 * measured geometries land in {@code target/real-x/}.
 */
class RealDisplayIT {
    private static final Path OUT = Path.of("target", "real-x").toAbsolutePath();
    private static final Path KIOSK = Path.of("..", "kiosk").toAbsolutePath().normalize();
    /** The first start of a build may first make its start-up class archive (./kiosk does it once, a few seconds). */
    private static final Duration WINDOW_BOUND = TestTime.bound(Duration.ofSeconds(90));
    private static final Duration PICTURE_BOUND = TestTime.bound(Duration.ofSeconds(20));
    private static final Duration STOP_BOUND = TestTime.bound(Duration.ofSeconds(10));
    private static final Duration POLL = Duration.ofMillis(150);
    private static final double WINDOWED_SHARE = 0.9; // docs/kiosk.md: at most 90 % of the usable screen, at most 1:1

    private static CarrierSimulator carrier;
    private static Path config;
    private static final List<String> geometries = new ArrayList<>();

    @BeforeAll
    static void prepare() throws IOException {
        Commands.require();
        assertTrue(Files.isExecutable(KIOSK), "the launcher " + KIOSK + " is missing");
        Files.createDirectories(OUT);
        carrier = CarrierSimulator.builder().port(0).start();
        config = LoopbackConfig.write(OUT.resolve("kiosk-loopback.json"), carrier, "store-realx", "kiosk-realx");
    }

    @AfterAll
    static void report() throws IOException {
        if (carrier != null) {
            carrier.close();
        }
        if (!geometries.isEmpty()) {
            Files.write(OUT.resolve("geometries.md"), geometries, StandardCharsets.UTF_8);
        }
    }

    /**
     * One X server per screen size; every case on it is a fresh ./kiosk, the ones without a window manager first.
     * {@code --config} (no tray) runs windowed and fullscreen under the window manager, as on a store's desktop.
     */
    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1280, 720", "1366, 768", "1920, 1080", "3840, 2160"})
    void theKioskOpensWholeOnARealScreen(int width, int height) throws Exception {
        List<String> failures = new ArrayList<>();
        try (XServer x = XServer.start(width, height, OUT.resolve("xvfb-" + width + "x" + height + ".log"))) {
            failures.addAll(launch(x, Mode.DEMO_WINDOWED));
            failures.addAll(launch(x, Mode.DEMO_FULLSCREEN));
            x.startWindowManager(OUT.resolve("openbox-" + width + "x" + height + ".log"));
            failures.addAll(launch(x, Mode.DEMO_WINDOWED));
            failures.addAll(launch(x, Mode.DEMO_FULLSCREEN));
            failures.addAll(launch(x, Mode.CONFIG_WINDOWED));
            failures.addAll(launch(x, Mode.CONFIG_FULLSCREEN));
        }
        assertTrue(failures.isEmpty(), () -> "on a " + width + "×" + height + " screen:\n  " + String.join("\n  ", failures));
    }

    enum Mode {
        DEMO_WINDOWED(true, true), DEMO_FULLSCREEN(true, false), CONFIG_WINDOWED(false, true), CONFIG_FULLSCREEN(false, false);

        final boolean demo;
        final boolean windowed;

        Mode(boolean demo, boolean windowed) {
            this.demo = demo;
            this.windowed = windowed;
        }

        List<String> arguments(Path config) {
            List<String> args = new ArrayList<>(demo ? List.of("--demo") : List.of("--config", config.toString()));
            if (windowed) {
                args.add("--windowed");
            }
            return args;
        }

        String label() {
            return (demo ? "demo" : "config") + "-" + (windowed ? "windowed" : "fullscreen");
        }
    }

    private List<String> launch(XServer x, Mode mode) throws IOException {
        String name = x.width() + "x" + x.height() + "-" + (x.hasWindowManager() ? "openbox" : "no-wm") + "-" + mode.label();
        List<String> command = new ArrayList<>(List.of(KIOSK.toString()));
        command.addAll(mode.arguments(config));
        ProcessBuilder pb = new ProcessBuilder(command).directory(KIOSK.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(OUT.resolve(name + ".log").toFile());
        pb.environment().put("DISPLAY", x.display());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home")); // the JDK this build is tested on
        pb.environment().put("KIOSK_JAVA_OPTS", "-Dkiosk.log.level=INFO");
        Process kiosk = pb.start();
        try {
            return check(x, mode, name, kiosk);
        } finally {
            Commands.stop(kiosk, STOP_BOUND);
        }
    }

    private List<String> check(XServer x, Mode mode, String name, Process kiosk) throws IOException {
        String display = x.display();
        long deadline = System.nanoTime() + WINDOW_BOUND.toNanos();
        Optional<String> id = KioskWindow.find(display);
        while (id.isEmpty()) {
            if (!kiosk.isAlive()) {
                return List.of(name + ": ./kiosk exited " + kiosk.exitValue() + " before showing a window (see " + name + ".log)");
            }
            if (System.nanoTime() > deadline) {
                return List.of(name + ": no kiosk window within " + WINDOW_BOUND);
            }
            LockSupport.parkNanos(POLL.toNanos());
            id = KioskWindow.find(display);
        }
        // The window may still be moving into place and drawing its first frame: poll the picture until it is right.
        List<String> problems = List.of("not looked at yet");
        Rectangle window = null;
        BufferedImage shot = null;
        long pictureDeadline = System.nanoTime() + PICTURE_BOUND.toNanos();
        while (!problems.isEmpty() && System.nanoTime() < pictureDeadline) {
            LockSupport.parkNanos(POLL.toNanos());
            window = KioskWindow.geometry(display, id.get());
            shot = x.capture();
            problems = new ArrayList<>(geometryProblems(x, mode, window));
            KioskPicture picture = new KioskPicture(shot, window, mode.demo);
            problems.addAll(picture.attractProblems(mode.demo));
            problems.addAll(picture.barProblems(window));
        }
        ImageIO.write(shot, "png", OUT.resolve(name + ".png").toFile());
        KioskPicture picture = new KioskPicture(shot, window, mode.demo);
        geometries.add(String.format("| %d×%d | %s | %s | %s | %d×%d at %d,%d | %.3f |", x.width(), x.height(),
                x.hasWindowManager() ? "openbox" : "none", mode.demo ? "--demo" : "--config", mode.windowed ? "windowed" : "fullscreen",
                window.width, window.height, window.x, window.y, picture.scale()));
        List<String> failures = new ArrayList<>();
        problems.forEach(p -> failures.add(name + ": " + p));
        if (problems.isEmpty() && mode == Mode.DEMO_WINDOWED && x.hasWindowManager()) {
            failures.addAll(resize(x, name, id.get()));
        }
        if (failures.isEmpty()) {
            failures.addAll(openMaintenance(x, name, id.get(), mode));
        }
        return failures;
    }

    /** The window's size and place, as the X server has them, against what the kiosk promises (docs/kiosk.md). */
    private static List<String> geometryProblems(XServer x, Mode mode, Rectangle window) {
        List<String> problems = new ArrayList<>();
        Rectangle screen = new Rectangle(0, 0, x.width(), x.height());
        if (!screen.contains(window)) {
            problems.add("the window " + window + " is not inside the screen " + screen);
        }
        if (!mode.windowed) {
            if (!window.equals(screen)) {
                problems.add("fullscreen window " + window + " does not cover the screen " + screen);
            }
            return problems;
        }
        double contentWidth = mode.demo ? KioskPicture.SURFACE_WIDTH + KioskPicture.TRAY_WIDTH : KioskPicture.SURFACE_WIDTH;
        double s = Math.min(1, Math.min(WINDOWED_SHARE * x.width() / contentWidth, WINDOWED_SHARE * x.height() / KioskPicture.HEIGHT));
        int w = (int) Math.floor(contentWidth * s);
        int h = (int) Math.floor(KioskPicture.HEIGHT * s);
        // A window manager takes its frame (border, title bar) out of the size asked for; without one it is exact.
        int frameW = x.hasWindowManager() ? 8 : 0;
        int frameH = x.hasWindowManager() ? 40 : 0;
        if (window.width > w || window.width < w - frameW || window.height > h || window.height < h - frameH) {
            problems.add("the window is " + window.width + "×" + window.height + ", expected " + w + "×" + h
                    + (frameW > 0 ? " less at most " + frameW + "×" + frameH + " of window frame" : ""));
        }
        return problems;
    }

    /** Five taps in the top-left corner, as a maintenance engineer would, must bring up the PIN pad. */
    private List<String> openMaintenance(XServer x, String name, String id, Mode mode) throws IOException {
        Rectangle window = KioskWindow.geometry(x.display(), id);
        KioskPicture before = new KioskPicture(x.capture(), window, mode.demo);
        int[] corner = before.screenPoint(40, 40);
        Commands.run(x.display(), Duration.ofSeconds(10), "xdotool", "mousemove", String.valueOf(corner[0]), String.valueOf(corner[1]),
                "click", "--repeat", "5", "--delay", "150", "1");
        List<String> problems = List.of("not looked at yet");
        BufferedImage shot = null;
        long deadline = System.nanoTime() + PICTURE_BOUND.toNanos();
        while (!problems.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL.toNanos());
            shot = x.capture();
            problems = new KioskPicture(shot, window, mode.demo).maintenanceProblems();
        }
        ImageIO.write(shot, "png", OUT.resolve(name + "-maintenance.png").toFile());
        return problems.stream().map(p -> name + ": after 5 taps at " + corner[0] + "," + corner[1] + ": " + p).toList();
    }

    /** A person drags the window to another shape: the kiosk rescales, whole, with bars on the sides that do not fit. */
    private List<String> resize(XServer x, String name, String id) throws IOException {
        int w = x.width() * 2 / 3;
        int h = x.height() * 5 / 6;
        Commands.run(x.display(), Duration.ofSeconds(10), "xdotool", "windowsize", id, String.valueOf(w), String.valueOf(h));
        List<String> problems = List.of("not looked at yet");
        BufferedImage shot = null;
        Rectangle window = null;
        long deadline = System.nanoTime() + PICTURE_BOUND.toNanos();
        while (!problems.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL.toNanos());
            window = KioskWindow.geometry(x.display(), id);
            shot = x.capture();
            problems = new ArrayList<>();
            if (window.width != w || window.height != h) {
                problems.add("the window is " + window.width + "×" + window.height + " after resizing to " + w + "×" + h);
            }
            KioskPicture picture = new KioskPicture(shot, window, true);
            problems.addAll(picture.attractProblems(true));
            problems.addAll(picture.barProblems(window));
        }
        ImageIO.write(shot, "png", OUT.resolve(name + "-resized.png").toFile());
        geometries.add(String.format("| %d×%d | openbox | --demo | windowed, resized | %d×%d at %d,%d | %.3f |", x.width(), x.height(),
                window.width, window.height, window.x, window.y, new KioskPicture(shot, window, true).scale()));
        return problems.stream().map(p -> name + " resized: " + p).toList();
    }
}
