package com.simkiosk.kiosk.app.realx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.testing.TestTime;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store's session, headless: {@code cage} (the Wayland kiosk compositor the package starts on tty1) runs
 * {@code ./kiosk --demo}, and {@code ./kiosk --config} against the carrier simulator, as the unprivileged
 * {@code simkiosk} user (when the test runs as root; else as the user running it), with the wlroots headless backend
 * and the pixman renderer; JavaFX reaches it through Xwayland. The compositor's screen is captured with {@code grim}
 * and must show the attract screen filling it; then the key combinations people try (Alt+F4, Ctrl+Alt+Backspace,
 * Ctrl+Q, Escape, Alt+Tab) are sent, and after each the kiosk must be alive, fullscreen, focused and still answering.
 *
 * <p>Keys go in through Xwayland's XTEST (xdotool), straight to the kiosk's X window: cage 0.1.4 has no virtual
 * keyboard protocol, so {@code wtype} is refused ("Compositor does not support the virtual keyboard protocol"), and
 * the headless backend has no input devices of its own. cage's own bindings (Ctrl+Alt+F1…F12, only with {@code -s})
 * are not reachable this way; the unit starts cage without {@code -s}. After each escape the test taps a language
 * button and waits for it on the X window (the kiosk handles input in order: once the tap shows, the key before it
 * was handled). Per attempt, what happened goes to {@code target/cage/escapes.md}; pictures beside it.
 */
class CageSessionIT {
    private static final Path OUT = Path.of("target", "cage").toAbsolutePath();
    private static final Path KIOSK = Path.of("..", "kiosk").toAbsolutePath().normalize();
    private static final Path APP = Path.of("target").toAbsolutePath();
    private static final String USER = "simkiosk";
    /** The first start may first make its start-up class archive; Xwayland and software rendering are slow too. */
    private static final Duration START_BOUND = TestTime.bound(Duration.ofSeconds(120));
    private static final Duration PICTURE_BOUND = TestTime.bound(Duration.ofSeconds(20));
    private static final Duration STOP_BOUND = TestTime.bound(Duration.ofSeconds(10));
    private static final Duration TOOL_BOUND = TestTime.bound(Duration.ofSeconds(20));
    private static final Duration POLL = Duration.ofMillis(200);
    /** What people press to get out of a kiosk, in xdotool's spelling. */
    private static final List<String> ESCAPES = List.of("alt+F4", "ctrl+alt+BackSpace", "ctrl+q", "Escape", "alt+Tab");

    private static CarrierSimulator carrier;
    private static Path home;
    private static Path config;
    private static boolean asRoot;
    private static final List<String> report = new ArrayList<>();
    private static final List<String> notes = new ArrayList<>();

    @BeforeAll
    static void prepare() throws IOException {
        List<String> missing = Stream.of("cage", "Xwayland", "grim", "xdotool", "xwininfo", "xwd", "xhost")
                .filter(t -> Commands.find(t) == null).toList();
        assertTrue(missing.isEmpty(), "the cage session test needs " + missing
                + " (Debian packages cage, xwayland, grim, xdotool, x11-utils, x11-apps, x11-xserver-utils): run ./install --test");
        assertTrue(Files.isExecutable(KIOSK), "the launcher " + KIOSK + " is missing");
        assertTrue(Files.isRegularFile(APP.resolve("kiosk-app.jar")), "build first: " + APP.resolve("kiosk-app.jar"));
        asRoot = "root".equals(System.getProperty("user.name"));
        if (asRoot) {
            // cage refuses to run as root, and so does a store: the session's own user, made by ./install --test.
            Commands.run(":0", TOOL_BOUND, "id", USER);
        }
        Files.createDirectories(OUT);
        // A copy of the launcher and the build the session's user may read (the work tree may be under /root), as the
        // package lays it out: the launcher, KIOSK_APP (jar + lib/), a cache the user may write.
        home = Files.createTempDirectory("cage-session-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(KIOSK, home.resolve("kiosk"));
        Path app = Files.createDirectories(home.resolve("app/lib"));
        Files.copy(APP.resolve("kiosk-app.jar"), home.resolve("app/kiosk-app.jar"));
        try (Stream<Path> jars = Files.list(APP.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, app.resolve(jar.getFileName()));
            }
        }
        Files.createDirectories(home.resolve("cache"));
        carrier = CarrierSimulator.builder().port(0).start();
        config = LoopbackConfig.write(home.resolve("kiosk.json"), carrier, "store-cage", "kiosk-cage");
        if (asRoot) {
            Commands.run(":0", TOOL_BOUND, "chown", USER + ":", config.toString(), home.resolve("cache").toString());
        }
        report.add("| mode | screen (grim) | kiosk drawn at | key sent | kiosk process | X window | X focus | picture after the key |");
        report.add("|---|---|---|---|---|---|---|---|");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (carrier != null) {
            carrier.close();
        }
        if (report.size() > 2) {
            List<String> lines = new ArrayList<>(report);
            lines.add("");
            lines.addAll(notes);
            Files.write(OUT.resolve("escapes.md"), lines, StandardCharsets.UTF_8);
        }
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"demo", "config"})
    void theKioskFillsCageAndNoKeyGetsOut(String mode) throws Exception {
        boolean demo = mode.equals("demo");
        Path run = Files.createTempDirectory(home, "run-" + mode + "-");
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
        if (asRoot) {
            Commands.run(":0", TOOL_BOUND, "chown", USER + ":", run.toString());
        }
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.addAll(List.of("env", "-i", "PATH=/usr/bin:/bin", "HOME=" + home.resolve("cache"), "XDG_RUNTIME_DIR=" + run,
                "WLR_BACKENDS=headless", "WLR_RENDERER=pixman", "WLR_LIBINPUT_NO_DEVICES=1",
                "KIOSK_APP=" + home.resolve("app"), "KIOSK_CACHE=" + home.resolve("cache"),
                "JAVA_HOME=" + System.getProperty("java.home"), "KIOSK_JAVA_OPTS=-Dkiosk.log.level=INFO",
                "cage", "--", home.resolve("kiosk").toString()));
        command.addAll(demo ? List.of("--demo") : List.of("--config", config.toString()));
        Process session = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(OUT.resolve(mode + ".log").toFile()).start();
        try {
            List<String> failures = check(mode, demo, run, session);
            assertTrue(failures.isEmpty(), () -> "under cage, " + mode + ":\n  " + String.join("\n  ", failures));
        } finally {
            Commands.stop(session, STOP_BOUND);
        }
    }

    private List<String> check(String mode, boolean demo, Path run, Process session) throws IOException {
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        Optional<ProcessHandle> java = Optional.empty();
        Optional<String> display = Optional.empty();
        Optional<String> window = Optional.empty();
        while (window.isEmpty()) {
            if (!session.isAlive()) {
                return List.of("cage exited " + session.exitValue() + " before the kiosk showed a window (see " + mode + ".log)");
            }
            if (System.nanoTime() > deadline) {
                return List.of("no kiosk window on Xwayland within " + START_BOUND + " (see " + mode + ".log)");
            }
            LockSupport.parkNanos(POLL.toNanos());
            java = session.descendants().filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst();
            display = java.flatMap(CageSessionIT::displayOf).filter(CageSessionIT::letTheTestIn);
            window = display.flatMap(KioskWindow::find);
        }
        String x = display.orElseThrow();
        String id = window.orElseThrow();
        String wayland = waylandDisplay(run);
        // The compositor's screen must show the whole attract screen: poll until the kiosk has drawn its first frame.
        BufferedImage screen = null;
        Rectangle full = null;
        List<String> problems = List.of("not looked at yet");
        long pictureDeadline = System.nanoTime() + PICTURE_BOUND.toNanos() * 3;
        while (!problems.isEmpty() && System.nanoTime() < pictureDeadline) {
            LockSupport.parkNanos(POLL.toNanos());
            screen = grim(run, wayland);
            full = new Rectangle(0, 0, screen.getWidth(), screen.getHeight());
            problems = new ArrayList<>(new KioskPicture(screen, full, demo).attractProblems(demo));
            problems.addAll(fillProblems(screen, new KioskPicture(screen, full, demo).onScreen()));
        }
        ImageIO.write(screen, "png", OUT.resolve(mode + "-grim.png").toFile());
        List<String> failures = new ArrayList<>();
        problems.forEach(p -> failures.add("the screen cage shows (grim): " + p));
        Rectangle xWindow = KioskWindow.geometry(x, id);
        if (!failures.isEmpty() && xWindow.equals(full)) {
            // Headless cage 0.1.4 with the pixman renderer can keep showing an early frame of Xwayland's window for
            // good (seen: the window's first 200×200 buffer, before cage made it fullscreen, with "Basic output test
            // failed" in its log), while the kiosk's window is whole and drawn. A store machine draws through DRM.
            // Then the window's own picture must show what cage should have: the attract screen filling the screen.
            BufferedImage own = windowPicture(x, id);
            List<String> ownProblems = new ArrayList<>(new KioskPicture(own, full, demo).attractProblems(demo));
            ownProblems.addAll(fillProblems(own, new KioskPicture(own, full, demo).onScreen()));
            ImageIO.write(own, "png", OUT.resolve(mode + "-window.png").toFile());
            if (ownProblems.isEmpty()) {
                notes.add("- --" + mode + ": at the start cage's screen (grim) kept showing an earlier frame (" + mode
                        + "-grim.png, " + failures.get(failures.size() - 1) + "), while the kiosk's full-screen window"
                        + " showed the whole attract screen (" + mode + "-window.png)");
                failures.clear();
                screen = own;
            } else {
                ownProblems.forEach(p -> failures.add("the kiosk's own window (xwd): " + p));
            }
        }
        Rectangle drawn = extent(screen);
        if (!xWindow.equals(full)) {
            failures.add("the kiosk's X window is " + xWindow + ", not the whole " + full.width + "×" + full.height + " screen");
        }
        if (!failures.isEmpty()) {
            return failures;
        }
        String size = screen.getWidth() + "×" + screen.getHeight();
        String at = drawn.width + "×" + drawn.height + " at " + drawn.x + "," + drawn.y;
        int language = 0;
        for (String key : ESCAPES) {
            Commands.run(x, TOOL_BOUND, "xdotool", "key", "--clearmodifiers", key);
            List<String> after = new ArrayList<>();
            String alive = java.get().isAlive() && session.isAlive() ? "alive" : "GONE";
            if (!alive.equals("alive")) {
                after.add("the kiosk (or cage) exited");
            }
            String windowState;
            try {
                Rectangle g = KioskWindow.geometry(x, id);
                windowState = g.equals(full) ? "fullscreen " + g.width + "×" + g.height : "MOVED to " + g;
                if (!g.equals(full)) {
                    after.add("the window is " + g + " after " + key);
                }
            } catch (AssertionError e) {
                windowState = "GONE";
                after.add("the window is gone after " + key + ": " + e.getMessage());
            }
            String focus = focus(x).equals(id) ? "kiosk" : "ELSEWHERE (" + focus(x) + ")";
            if (!focus.equals("kiosk")) {
                after.add("the keyboard focus left the kiosk after " + key);
            }
            // Then a tap on the other language: once it shows, the kiosk has handled the key before it, and answers.
            language = language == 0 ? 1 : 0;
            String picture = after.isEmpty() ? tapLanguage(x, id, demo, language, mode + "-" + key.replace('+', '-'), after) : "-";
            report.add("| --" + mode + " | " + size + " | " + at + " | " + key + " | " + alive + " | " + windowState + " | "
                    + focus + " | " + picture + " |");
            after.forEach(p -> failures.add(key + ": " + p));
            if (!failures.isEmpty()) {
                break;
            }
        }
        // Recorded, not asserted: whether cage's screen shows the kiosk's last state too. Headless cage 0.1.4 with the
        // pixman renderer was seen to keep showing an earlier frame of Xwayland's window ("Basic output test failed"
        // in its log at later commits), while the kiosk itself had moved on; a store machine draws through DRM.
        BufferedImage last = grim(run, wayland);
        ImageIO.write(last, "png", OUT.resolve(mode + "-grim-after-keys.png").toFile());
        boolean current = new KioskPicture(last, full, demo).currentLanguageProblems(language).isEmpty();
        notes.add("- --" + mode + ": after the keys, cage's screen (grim) " + (current
                ? "shows the kiosk's last state (" + (language == 0 ? "日本語" : "English") + " current)"
                : "still shows an earlier frame: the kiosk's window has " + (language == 0 ? "日本語" : "English")
                        + " current, grim's picture does not (see " + mode + "-grim-after-keys.png)"));
        return failures;
    }

    /** Taps language button {@code index} and waits until the kiosk's window shows it current; says what it saw. */
    private static String tapLanguage(String x, String id, boolean demo, int index, String name, List<String> problems)
            throws IOException {
        Rectangle window = KioskWindow.geometry(x, id);
        int[] c = KioskPicture.languageButtonCentre(index);
        int[] p = new KioskPicture(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), window, demo).screenPoint(c[0], c[1]);
        Commands.run(x, TOOL_BOUND, "xdotool", "mousemove", String.valueOf(p[0]), String.valueOf(p[1]), "click", "1");
        List<String> seen = List.of("not looked at yet");
        BufferedImage shot = null;
        long deadline = System.nanoTime() + PICTURE_BOUND.toNanos();
        while (!seen.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL.toNanos());
            shot = windowPicture(x, id);
            KioskPicture picture = new KioskPicture(shot, new Rectangle(0, 0, shot.getWidth(), shot.getHeight()), demo);
            seen = index == 0 ? picture.attractProblems(demo) : picture.currentLanguageProblems(index);
        }
        ImageIO.write(shot, "png", OUT.resolve(name + ".png").toFile());
        String language = index == 0 ? "日本語" : "English";
        if (!seen.isEmpty()) {
            problems.add("the kiosk did not answer a tap on " + language + " after the key: " + seen);
            return "NO ANSWER to a tap on " + language;
        }
        return "attract screen, answers a tap (now " + language + ")";
    }

    /** The kiosk's own X window as Xwayland holds it (cage's headless screen is what grim shows). */
    private static BufferedImage windowPicture(String x, String id) throws IOException {
        return XwdImage.read(new ByteArrayInputStream(Commands.runBytes(x, TOOL_BOUND, "xwd", "-id", id, "-silent")));
    }

    private static BufferedImage grim(Path run, String wayland) throws IOException {
        byte[] png = Commands.runBytes(":0", TOOL_BOUND, "env", "XDG_RUNTIME_DIR=" + run, "WAYLAND_DISPLAY=" + wayland, "grim", "-");
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static String focus(String x) {
        return Commands.run(x, TOOL_BOUND, "xdotool", "getwindowfocus").strip();
    }

    /**
     * Xwayland (started by cage without an authority file) lets in only the user it runs as: as root, the test asks
     * the session's user to let root in too ({@code xhost}), so its X tools can look. False while Xwayland is not up.
     */
    private static boolean letTheTestIn(String display) {
        if (!asRoot) {
            return true;
        }
        try {
            Commands.run(display, TOOL_BOUND, "runuser", "-u", USER, "--", "xhost", "+si:localuser:root");
            return true;
        } catch (Commands.CommandFailed e) {
            return false;
        }
    }

    /** cage's Wayland socket in the session's runtime directory. */
    private static String waylandDisplay(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("wayland-\\d+")).findFirst()
                    .orElseThrow(() -> new AssertionError("cage made no Wayland socket in " + run));
        }
    }

    /** The X display cage gave the kiosk (Xwayland's), from the kiosk process's environment. */
    private static Optional<String> displayOf(ProcessHandle java) {
        try {
            String env = Files.readString(Path.of("/proc", String.valueOf(java.pid()), "environ"), StandardCharsets.ISO_8859_1);
            return Stream.of(env.split("\0")).filter(v -> v.startsWith("DISPLAY=")).map(v -> v.substring(8)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The kiosk must cover its whole place, edge to edge, not a small window on a black screen. */
    private static List<String> fillProblems(BufferedImage screen, Rectangle kiosk) {
        Rectangle drawn = extent(screen);
        if (Math.abs(drawn.x - kiosk.x) > 2 || Math.abs(drawn.y - kiosk.y) > 2 || Math.abs(drawn.width - kiosk.width) > 2
                || Math.abs(drawn.height - kiosk.height) > 2) {
            return List.of("the non-black pixels span " + drawn + ", the kiosk scaled to the screen is " + kiosk);
        }
        return List.of();
    }

    /** The bounding box of every pixel that is not black (cage's background). */
    private static Rectangle extent(BufferedImage shot) {
        int minX = shot.getWidth(), minY = shot.getHeight(), maxX = -1, maxY = -1;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y);
                if (Math.max((rgb >> 16) & 0xff, Math.max((rgb >> 8) & 0xff, rgb & 0xff)) > 16) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new Rectangle() : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
