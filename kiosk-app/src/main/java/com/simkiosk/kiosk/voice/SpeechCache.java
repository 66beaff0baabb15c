package com.simkiosk.kiosk.voice;

import com.simkiosk.kiosk.flow.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-rendered fixed prompts as WAV files, {@code <dir>/<language>/<sha-256 of engine, coding, language and
 * text>.wav}, and in memory once read. Files are 8-bit μ-law at the engine's rate, with the silence at their ends
 * shortened: about 40 % of the 16-bit PCM espeak-ng gives. Only {@link Utterance#cacheable()} speech is stored: figures (a balance, a price) never reach
 * the disk. A new engine or voice gives new names, so stale files are simply never read.
 */
public final class SpeechCache {
    private static final Logger log = LoggerFactory.getLogger(SpeechCache.class);

    /** Silence kept before a cached prompt and after it (the pause to the next sentence). */
    static final Duration EDGE = Duration.ofMillis(20);
    static final Duration PAUSE = Duration.ofMillis(250);
    /** How files are coded: part of their names, so that files of an earlier coding are not read. */
    static final String CODING = "ulaw-8bit";

    private final Path dir;
    private final String engineId;
    private final Map<String, Speech> memory = new ConcurrentHashMap<>();

    public SpeechCache(Path dir, String engineId) {
        this.dir = dir;
        this.engineId = engineId;
    }

    /** The system property {@code kiosk.voice.cache}, else {@code $XDG_CACHE_HOME/simkiosk/voice}, else {@code ~/.cache/simkiosk/voice}. */
    public static Path defaultDir() {
        String property = System.getProperty("kiosk.voice.cache");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("simkiosk").resolve("voice");
    }

    public Path dir() {
        return dir;
    }

    public Optional<Speech> get(Utterance u, Language language) {
        if (!u.cacheable()) {
            return Optional.empty();
        }
        String name = name(u, language);
        Speech s = memory.get(name);
        if (s != null) {
            return Optional.of(s);
        }
        Path file = file(name, language);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            s = Speech.fromWav(Files.readAllBytes(file));
            memory.put(name, s);
            return Optional.of(s);
        } catch (IOException e) {
            log.warn("voice cache file {} unreadable: {}", file.getFileName(), e.toString());
            return Optional.empty();
        }
    }

    /** Stores cacheable speech (in memory and on disk); anything else is ignored. */
    public void put(Utterance u, Language language, Speech speech) {
        if (!u.cacheable()) {
            return;
        }
        String name = name(u, language);
        speech = speech.trimmed(EDGE, PAUSE);
        memory.put(name, speech);
        Path file = file(name, language);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "voice", ".tmp");
            Files.write(tmp, speech.toUlawWav());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("voice cache not written ({}): {}", dir, e.toString());
        }
    }

    /**
     * Renders every fixed prompt of {@code language}, and the fixed lead of every prompt with figures, not yet cached;
     * returns how many it rendered.
     */
    public int prerender(SpeechEngine engine, Language language, Duration bound) {
        return prerender(engine, language, bound, () -> false);
    }

    /** The same, stopping early when {@code stop} says so (the kiosk is closing). */
    public int prerender(SpeechEngine engine, Language language, Duration bound, java.util.function.BooleanSupplier stop) {
        int rendered = 0;
        List<Utterance> fixed = fixedPieces(language);
        for (Utterance u : fixed) {
            if (stop.getAsBoolean()) {
                break;
            }
            if (get(u, language).isEmpty()) {
                try {
                    put(u, language, engine.render(u.text(), language, bound));
                    rendered++;
                } catch (SpeechException e) {
                    log.warn("voice prompt {} not pre-rendered: {}", u.key(), e.getMessage());
                }
            }
        }
        return rendered;
    }

    /** What {@link #prerender} renders: the fixed prompts and the leads of the prompts with figures, once each. */
    static List<Utterance> fixedPieces(Language language) {
        return VoiceSamples.prompts(SpeechScripts.of(language)).stream()
                .map(VoiceSamples.Prompt::utterance)
                .flatMap(u -> u.cacheable() ? Stream.of(u) : u.leadPiece().stream())
                .distinct().toList();
    }

    /** How many of {@code language}'s fixed prompts and leads are not on disk. */
    public int missing(Language language) {
        return (int) fixedPieces(language).stream().filter(u -> !Files.isRegularFile(fileFor(u, language))).count();
    }

    /** Bytes on disk. */
    public long sizeOnDisk() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Where {@code u} is (or would be) stored. */
    Path fileFor(Utterance u, Language language) {
        return file(name(u, language), language);
    }

    private Path file(String name, Language language) {
        return dir.resolve(language.tag()).resolve(name + ".wav");
    }

    private String name(Utterance u, Language language) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((engineId + "\n" + CODING + "\n" + language.tag() + "\n" + u.text()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
