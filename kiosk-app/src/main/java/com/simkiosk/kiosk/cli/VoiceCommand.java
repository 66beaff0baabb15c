package com.simkiosk.kiosk.cli;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.voice.EspeakEngine;
import com.simkiosk.kiosk.voice.Speech;
import com.simkiosk.kiosk.voice.SpeechException;
import com.simkiosk.kiosk.voice.VoiceGuide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kiosk voice --lang ja --text "..." --out file.wav}: one text through the kiosk's voice. */
@Command(name = "voice", mixinStandardHelpOptions = true,
        description = "Speak a text with the kiosk's voice (espeak-ng) into a WAV file. Write it as the speech scripts "
                + "are: Japanese in kana, Mandarin in pinyin with tone digits (ni3 hao3), Korean in hangul.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:written", "1:the engine failed", "2:bad arguments"})
public final class VoiceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--lang", required = true, paramLabel = "TAG", description = "ja, en, zh-Hans, zh-Hant or ko.")
    String lang;

    @Option(names = "--text", required = true, description = "What to say.")
    String text;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The WAV file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Language language = Language.fromTag(lang).orElse(null);
        if (language == null) {
            spec.commandLine().getErr().println("voice: unknown language " + lang + " (ja, en, zh-Hans, zh-Hant, ko)");
            return 2;
        }
        try {
            Speech speech = new EspeakEngine().render(text, language, VoiceGuide.RENDER_BOUND);
            Files.write(out, speech.toWav());
            spec.commandLine().getOut().printf("%s: %.2f s, RMS %.3f%n", out, speech.duration().toMillis() / 1000.0, speech.rms());
            return 0;
        } catch (SpeechException e) {
            spec.commandLine().getErr().println("voice: " + e.getMessage());
            return 1;
        }
    }
}
