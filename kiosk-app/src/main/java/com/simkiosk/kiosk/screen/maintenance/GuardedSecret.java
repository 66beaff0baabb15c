package com.simkiosk.kiosk.screen.maintenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator secret typed on the glass (the maintenance PIN): after {@link #FREE_ATTEMPTS} wrong tries in a row
 * each further try waits {@link #FIRST_WAIT}, doubling up to {@link #LONGEST_WAIT}; a try during the wait is refused
 * without being checked. Every wrong try is a WARN line. The count and the end of the wait are kept in a small file
 * (no secret, nothing personal), so a restart - pulling the plug - does not reset them. Thread-safe.
 */
public final class GuardedSecret {
    public static final int FREE_ATTEMPTS = 3;
    public static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final int MAX_STATE_BYTES = 4_096;
    private static final Logger log = LoggerFactory.getLogger(GuardedSecret.class);

    /** What a try came to. */
    public sealed interface Outcome {
        /** The secret was right. */
        record Accepted() implements Outcome {}

        /** The secret was wrong; {@code nextTryIn}: how long until the next try is checked (empty: try again now). */
        record Wrong(Optional<Duration> nextTryIn) implements Outcome {}

        /** Not checked: the wait after earlier wrong tries is not over. */
        record TooSoon(Duration nextTryIn) implements Outcome {}
    }

    private final String name;
    private final MaintenanceLock check;
    private final Clock clock;
    private final Optional<Path> stateFile;
    private int failures;
    private Instant notBefore;

    private GuardedSecret(String name, MaintenanceLock check, Clock clock, Optional<Path> stateFile) {
        this.name = name;
        this.check = check;
        this.clock = clock;
        this.stateFile = stateFile;
        this.notBefore = clock.instant();
        stateFile.ifPresent(this::load);
    }

    /**
     * Kept in {@code stateDirectory/<id>.attempts}; the directory is created if need be.
     *
     * @param id   a file-name-safe id, e.g. {@code maintenance-pin}
     * @param name what operators read in the log, e.g. {@code maintenance PIN}
     * @throws IOException when the directory cannot be created or written
     */
    public static GuardedSecret persistent(String id, String name, MaintenanceLock check, Path stateDirectory,
                                           Clock clock) throws IOException {
        if (!id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("id must be lower-case letters, digits and '-'");
        }
        Files.createDirectories(stateDirectory);
        if (!Files.isWritable(stateDirectory)) {
            throw new IOException(stateDirectory + " is not writable");
        }
        return new GuardedSecret(name, check, clock, Optional.of(stateDirectory.resolve(id + ".attempts")));
    }

    /** Forgotten at exit: for the demo, where the PIN is printed in the README anyway. */
    public static GuardedSecret inMemory(String name, MaintenanceLock check, Clock clock) {
        return new GuardedSecret(name, check, clock, Optional.empty());
    }

    /** Checks {@code typed} unless a wait is running. Slow (the check is a PBKDF2 hash): call it off the FX thread. */
    public synchronized Outcome attempt(String typed) {
        Optional<Duration> left = waitLeft();
        if (left.isPresent()) {
            log.warn("{}: a try during the back-off was refused unchecked ({} wrong in a row, {} s left)", name,
                    failures, seconds(left.get()));
            return new Outcome.TooSoon(left.get());
        }
        if (check.unlocks(typed)) {
            if (failures > 0) {
                log.warn("{}: accepted after {} wrong tries in a row", name, failures);
            }
            failures = 0;
            notBefore = clock.instant();
            save();
            return new Outcome.Accepted();
        }
        failures++;
        Optional<Duration> wait = failures < FREE_ATTEMPTS ? Optional.empty() : Optional.of(waitAfter(failures));
        notBefore = clock.instant().plus(wait.orElse(Duration.ZERO));
        save();
        log.warn("{}: wrong ({} in a row){}", name, failures,
                wait.map(w -> "; the next try is checked in " + seconds(w) + " s").orElse(""));
        return new Outcome.Wrong(wait);
    }

    /** How long until a try is checked again; empty when it is checked now. */
    public synchronized Optional<Duration> waitLeft() {
        Duration left = Duration.between(clock.instant(), notBefore);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    static Duration waitAfter(int failures) {
        int doublings = Math.min(failures - FREE_ATTEMPTS, 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static long seconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    private void load(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_STATE_BYTES);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            log.warn("{}: cannot read {} ({}); counting wrong tries from the maximum wait", name, file, e.toString());
            assumeWorst();
            return;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            failures = Math.max(0, Integer.parseInt(p.getProperty("failures", "0").strip()));
            notBefore = Instant.parse(p.getProperty("notBefore", clock.instant().toString()).strip());
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            log.warn("{}: {} is damaged; counting wrong tries from the maximum wait", name, file);
            assumeWorst();
            return;
        }
        // A clock set back (or a forged file) must not lock the operator out for longer than the longest wait.
        Instant latest = clock.instant().plus(LONGEST_WAIT);
        if (notBefore.isAfter(latest)) {
            notBefore = latest;
        }
        if (failures >= FREE_ATTEMPTS) {
            waitLeft().ifPresent(left -> log.warn("{}: {} wrong tries in a row before the restart; {} s of back-off left",
                    name, failures, seconds(left)));
        }
    }

    /** A state file someone tampered with must not hand out free tries. */
    private void assumeWorst() {
        failures = Math.max(failures, FREE_ATTEMPTS + 5);
        notBefore = clock.instant().plus(LONGEST_WAIT);
    }

    private void save() {
        if (stateFile.isEmpty()) {
            return;
        }
        Path file = stateFile.get();
        String text = "# wrong " + name + " tries in a row, and when the next try is checked (no PIN, nothing personal)\n"
                + "failures=" + failures + "\nnotBefore=" + notBefore + "\n";
        try {
            Path temp = Files.writeString(file.resolveSibling(file.getFileName() + ".new"), text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("{}: cannot keep the back-off in {} ({}); it holds until the kiosk restarts", name, file, e.toString());
        }
    }
}
