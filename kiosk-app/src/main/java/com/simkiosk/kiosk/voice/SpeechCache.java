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
 * Pre-rendered fixed prompts as WAV files, {@code <dir>/<language>/<sha-256 of engine, language and text>.wav}, and
 * in memory once read. Only {@link Utterance#cacheable()} speech is stored: figures (a balance, a price) never reach
 * the disk. A new engine or voice gives new names, so stale files are simply never read.
 */
public final class SpeechCache {
    private static final Logger log = LoggerFactory.getLogger(SpeechCache.class);

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
        memory.put(name, speech);
        Path file = file(name, language);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "voice", ".tmp");
            Files.write(tmp, speech.toWav());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("voice cache not written ({}): {}", dir, e.toString());
        }
    }

    /** Renders every fixed prompt of {@code language} not yet cached; returns how many it rendered. */
    public int prerender(SpeechEngine engine, Language language, Duration bound) {
        return prerender(engine, language, bound, () -> false);
    }

    /** The same, stopping early when {@code stop} says so (the kiosk is closing). */
    public int prerender(SpeechEngine engine, Language language, Duration bound, java.util.function.BooleanSupplier stop) {
        int rendered = 0;
        List<Utterance> fixed = VoiceSamples.prompts(SpeechScripts.of(language)).stream()
                .map(VoiceSamples.Prompt::utterance).filter(Utterance::cacheable).distinct().toList();
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

    /** Bytes on disk. */
    public long sizeOnDisk() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private Path file(String name, Language language) {
        return dir.resolve(language.tag()).resolve(name + ".wav");
    }

    private String name(Utterance u, Language language) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((engineId + "\n" + language.tag() + "\n" + u.text()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
