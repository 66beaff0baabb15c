package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.Main;
import com.simkiosk.kiosk.tour.Tour;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tour --only SCREEN}: the package test's one-screen tour; a name that is no screen is refused before any work. */
class TourOnlyTest {

    @Test
    void aScreenNameThatIsNoStopIsRefusedWithoutStartingTheToolkit(@TempDir Path out) {
        assertThat(Main.run("tour", "--only", "no-such-screen", "--out", out.toString())).isEqualTo(2);
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void theAttractScreenIsAStopByThatName() {
        assertThat(Tour.stops()).anyMatch(s -> s.screen().equals("attract"));
    }
}
