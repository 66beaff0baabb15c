package com.simkiosk.kiosk.cli;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.voice.EspeakEngine;
import com.simkiosk.kiosk.voice.SpeechCache;
import com.simkiosk.kiosk.voice.SpeechEngine;
import com.simkiosk.kiosk.voice.SpeechException;
import com.simkiosk.kiosk.voice.VoiceGuide;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simkiosk voice-cache}: renders the fixed prompts and the fixed leads of the prompts with figures, in every
 * language, into the voice cache, so that the kiosk never renders them while a customer waits. Run by the package's
 * postinst (as the simkiosk user, into /var/cache/simkiosk/voice); what is already there is kept. No figure and
 * nothing personal is rendered: the cache holds only words that are the same for every customer.
 */
@Command(name = "voice-cache", mixinStandardHelpOptions = true,
        description = "Render the fixed voice prompts of every language into the voice cache (done at install time).",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:the cache is complete", "1:the engine failed"})
public final class VoiceCacheCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The cache (default: the kiosk's own, -Dkiosk.voice.cache or the user's cache directory).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        SpeechEngine engine = new EspeakEngine();
        try {
            engine.render("a", Language.EN, Duration.ofSeconds(10)); // the engine is there at all
        } catch (SpeechException e) {
            spec.commandLine().getErr().println("voice-cache: " + e.getMessage());
            return 1;
        }
        SpeechCache cache = new SpeechCache(dir != null ? dir : SpeechCache.defaultDir(), engine.id());
        long t0 = System.nanoTime();
        int rendered = 0;
        for (Language l : Language.values()) {
            rendered += cache.prerender(engine, l, VoiceGuide.RENDER_BOUND);
        }
        int missing = 0;
        for (Language l : Language.values()) {
            missing += cache.missing(l);
        }
        spec.commandLine().getOut().printf("voice cache %s: %d prompts rendered in %.1f s, %.1f MB%s%n", cache.dir(),
                rendered, (System.nanoTime() - t0) / 1e9, cache.sizeOnDisk() / 1e6,
                missing == 0 ? "" : ", " + missing + " could not be rendered (the kiosk renders them when needed)");
        return missing == 0 ? 0 : 1;
    }
}
