package com.simkiosk.kiosk.app.realx;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The X tools the real-display tests run: found on the PATH or the test fails saying which package to install. */
final class Commands {
    /** Each tool and the Debian package it comes in (./install lists the packages). */
    private static final Map<String, String> PACKAGE = Map.of(
            "Xvfb", "xvfb", "openbox", "openbox", "xdotool", "xdotool",
            "xwininfo", "x11-utils", "xprop", "x11-utils", "xwd", "x11-apps");

    private Commands() {
    }

    /** Fails (never skips) when a tool is missing: a green run must mean the real display was tested. */
    static void require() {
        List<String> missing = PACKAGE.keySet().stream().filter(t -> find(t) == null).sorted().toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("the real-display tests need " + missing + " (Debian packages "
                    + missing.stream().map(PACKAGE::get).distinct().sorted().toList()
                    + "): run ./install --test, or apt-get install them");
        }
    }

    static Path find(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Runs a short command on the display and returns its standard output; fails when it fails or overruns. */
    static String run(String display, Duration bound, String... command) {
        return new String(runBytes(display, bound, command), StandardCharsets.UTF_8);
    }

    static byte[] runBytes(String display, Duration bound, String... command) {
        try {
            Path err = Files.createTempFile("realx-", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
                pb.environment().put("DISPLAY", display);
                Process p = pb.start();
                p.getOutputStream().close();
                // Output first (it may be larger than a pipe holds), then the exit, both within the bound.
                java.util.concurrent.CompletableFuture<byte[]> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return p.getInputStream().readAllBytes();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + ": no answer within " + bound);
                }
                byte[] bytes = out.get(bound.toMillis(), TimeUnit.MILLISECONDS);
                if (p.exitValue() != 0) {
                    throw new CommandFailed(String.join(" ", command) + " exited " + p.exitValue() + ": "
                            + Files.readString(err).strip());
                }
                return bytes;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A command that ran and said no (xdotool finding no window yet): the caller may poll again. */
    static final class CommandFailed extends AssertionError {
        CommandFailed(String message) {
            super(message);
        }
    }

    /** Stops a process this test started, by its handle (its PID), children first; bounded. */
    static void stop(Process p, Duration bound) {
        if (p == null || !p.isAlive()) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
