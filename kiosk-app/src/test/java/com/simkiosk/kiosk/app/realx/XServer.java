package com.simkiosk.kiosk.app.realx;

import com.simkiosk.testing.TestTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real X server of one size (Xvfb on a display number it picks itself, no TCP: only the local socket), with an
 * openbox window manager that can be started and stopped on it. Everything it starts it stops by handle.
 */
final class XServer implements AutoCloseable {
    private static final Duration START_BOUND = TestTime.bound(Duration.ofSeconds(20));
    private static final Duration STOP_BOUND = TestTime.bound(Duration.ofSeconds(5));

    private final Process xvfb;
    private final String display;
    private final int width;
    private final int height;
    private Process windowManager;

    private XServer(Process xvfb, String display, int width, int height) {
        this.xvfb = xvfb;
        this.display = display;
        this.width = width;
        this.height = height;
    }

    static XServer start(int width, int height, Path log) throws IOException {
        // -displayfd: Xvfb takes a free display number and writes it once it accepts connections.
        Process p = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                "-nolisten", "tcp", "-noreset")
                .redirectError(ProcessBuilder.Redirect.to(log.toFile())).start();
        p.getOutputStream().close();
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String n = number.get(START_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            if (n == null || !n.strip().matches("\\d+")) {
                throw new IOException("Xvfb did not start (see " + log + ")");
            }
            return new XServer(p, ":" + n.strip(), width, height);
        } catch (Exception e) {
            Commands.stop(p, STOP_BOUND);
            throw e instanceof IOException io ? io : new IOException("Xvfb did not start within " + START_BOUND + ": " + e, e);
        }
    }

    String display() {
        return display;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    boolean hasWindowManager() {
        return windowManager != null;
    }

    /** Starts openbox and waits until it has taken the screen (it names itself on the root window). */
    void startWindowManager(Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("openbox").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", display);
        windowManager = pb.start();
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (!Commands.run(display, START_BOUND, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id")) {
            if (System.nanoTime() > deadline || !windowManager.isAlive()) {
                throw new IOException("openbox did not take the screen within " + START_BOUND + " (see " + log + ")");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** The whole screen as the X server has it. */
    java.awt.image.BufferedImage capture() throws IOException {
        // xwd can meet a window in the middle of being mapped or resized (X error BadMatch): then it tries again.
        Commands.CommandFailed last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                byte[] dump = Commands.runBytes(display, Duration.ofSeconds(20), "xwd", "-root", "-silent");
                return XwdImage.read(new java.io.ByteArrayInputStream(dump));
            } catch (Commands.CommandFailed e) {
                last = e;
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
        throw last;
    }

    @Override
    public void close() {
        Commands.stop(windowManager, STOP_BOUND);
        Commands.stop(xvfb, STOP_BOUND);
    }
}
