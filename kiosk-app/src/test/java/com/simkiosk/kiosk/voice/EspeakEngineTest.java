package com.simkiosk.kiosk.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.kiosk.flow.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real espeak-ng (installed by ./install) in every kiosk language, and the bounds around it. */
class EspeakEngineTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(Language.class)
    void speaksEachLanguageAudibly(Language language) throws Exception {
        String text = switch (language) {
            case JA -> "のこりのデータは、ろっぴゃくにじゅうメガバイトです。";
            case EN -> "You have six hundred and twenty megabytes left.";
            case ZH_HANS, ZH_HANT -> "sheng4 yu2 liu2 liang4 liu4 bai3 er4 shi2 zhao4 zi4 jie2.";
            case KO -> "남은 데이터는 육백이십 메가바이트입니다.";
        };
        Speech speech = new EspeakEngine().render(text, language, BOUND);
        assertThat(speech.rms()).as("loudness").isGreaterThan(0.02);
        assertThat(speech.duration()).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(12));
    }

    @Test
    void aMissingProgramIsASpeechFailureNotACrash() {
        assertThatThrownBy(() -> new EspeakEngine("/nonexistent/espeak-ng").render("a", Language.EN, BOUND))
                .isInstanceOf(SpeechException.class).hasMessageContaining("cannot be started");
    }

    @Test
    void aHangingEngineIsKilledAtItsBound(@TempDir Path dir) throws IOException {
        Path hang = script(dir, "hang", "#!/bin/sh\nexec sleep 600\n");
        assertThatThrownBy(() -> new EspeakEngine(hang.toString()).render("a", Language.EN, Duration.ofMillis(300)))
                .isInstanceOf(SpeechException.class).hasMessageContaining("did not finish within 300 ms");
    }

    @Test
    void aFailingEngineSaysSo(@TempDir Path dir) throws IOException {
        Path fail = script(dir, "fail", "#!/bin/sh\ncat >/dev/null\nexit 3\n");
        assertThatThrownBy(() -> new EspeakEngine(fail.toString()).render("a", Language.EN, BOUND))
                .isInstanceOf(SpeechException.class).hasMessageContaining("exit code 3");
    }

    @Test
    void wavRoundTripKeepsTheSamples() throws IOException {
        Speech tone = RecordingSpeechEngine.tone(22050, 2205);
        Speech back = Speech.fromWav(tone.toWav());
        assertThat(back.pcm()).isEqualTo(tone.pcm());
        assertThat(back.duration()).isEqualTo(Duration.ofMillis(100));
        assertThat(back.scaled(0.5).rms()).isCloseTo(tone.rms() / 2, org.assertj.core.data.Offset.offset(0.001));
    }

    private static Path script(Path dir, String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
