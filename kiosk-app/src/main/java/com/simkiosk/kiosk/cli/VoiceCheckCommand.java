package com.simkiosk.kiosk.cli;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.voice.EspeakEngine;
import com.simkiosk.kiosk.voice.SpeechException;
import com.simkiosk.kiosk.voice.VoiceCheck;
import com.simkiosk.kiosk.voice.VoiceGuide;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kiosk voice-check --out DIR}: every prompt of every screen in every language, to listen to. */
@Command(name = "voice-check", mixinStandardHelpOptions = true,
        description = "Render every prompt of every screen (with sample figures) in every language to WAV files, "
                + "listed with screen, language, text, file and duration in DIR/voice.json.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:rendered", "1:the engine failed", "2:bad arguments"})
public final class VoiceCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path out;

    @Option(names = "--lang", paramLabel = "TAG", split = ",", description = "Only these languages (default: all five).")
    List<String> langs;

    @Override
    public Integer call() throws IOException {
        List<Language> languages = new ArrayList<>();
        if (langs == null || langs.isEmpty()) {
            languages.addAll(List.of(Language.values()));
        } else {
            for (String tag : langs) {
                Language l = Language.fromTag(tag).orElse(null);
                if (l == null) {
                    spec.commandLine().getErr().println("voice-check: unknown language " + tag);
                    return 2;
                }
                languages.add(l);
            }
        }
        try {
            List<VoiceCheck.Entry> entries = VoiceCheck.run(new EspeakEngine(), languages, out, VoiceGuide.RENDER_BOUND);
            double seconds = entries.stream().mapToDouble(VoiceCheck.Entry::durationSeconds).sum();
            spec.commandLine().getOut().printf("%d prompts in %d languages, %.0f s of speech: %s%n", entries.size(),
                    languages.size(), seconds, out.resolve("voice.json"));
            return 0;
        } catch (SpeechException e) {
            spec.commandLine().getErr().println("voice-check: " + e.getMessage());
            return 1;
        }
    }
}
