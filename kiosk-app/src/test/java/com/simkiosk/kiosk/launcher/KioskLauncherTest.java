package com.simkiosk.kiosk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.theme.Theme;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KioskLauncherTest {

    @Test
    void withoutADisplayItSaysSoInOneLineWithTheWayOnAndFails() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String before = System.getProperty("glass.platform");
        System.clearProperty("glass.platform");
        try {
            int rc = KioskLauncher.launch(new KioskLauncher.Options(true, false, false, Optional.empty(), Theme.NORMAL),
                    Map.of(), new PrintStream(err, true, StandardCharsets.UTF_8));
            String said = err.toString(StandardCharsets.UTF_8);
            assertThat(rc).isNotZero();
            assertThat(said.strip().lines()).hasSize(1);
            assertThat(said).contains("no display", "xvfb-run", "./kiosk tour --out").doesNotContain("Exception", "\tat ");
        } finally {
            if (before != null) {
                System.setProperty("glass.platform", before);
            }
        }
    }

    @Test
    void aDisplayVariableIsEnough() {
        String before = System.getProperty("glass.platform");
        System.clearProperty("glass.platform");
        try {
            assertThat(KioskLauncher.missingDisplay(Map.of("DISPLAY", ":99"))).isEmpty();
            assertThat(KioskLauncher.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"))).isEmpty();
            assertThat(KioskLauncher.missingDisplay(Map.of())).isPresent();
        } finally {
            if (before != null) {
                System.setProperty("glass.platform", before);
            }
        }
    }

    @Test
    void neitherDemoNorConfigIsRefusedWithAHint() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = KioskLauncher.launch(new KioskLauncher.Options(false, false, false, Optional.empty(), Theme.NORMAL),
                Map.of("DISPLAY", ":0"), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--demo").contains("--config");
    }

    @Test
    void aBrokenConfigurationFileIsOneLineAboutTheFileNotAStackTrace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("kiosk.json");
        java.nio.file.Files.writeString(file, "{\"storeId\": 42");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = KioskLauncher.launch(new KioskLauncher.Options(false, false, false, Optional.of(file), Theme.NORMAL),
                Map.of("DISPLAY", ":0"), new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(rc).isNotZero();
        assertThat(said).contains("kiosk.json").doesNotContain("\tat ");
    }
}
