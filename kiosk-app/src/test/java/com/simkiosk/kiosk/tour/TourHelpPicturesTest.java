package com.simkiosk.kiosk.tour;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.app.Fx;
import com.simkiosk.kiosk.flow.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tour pictures the help overlay (each screen kind in Japanese, one screen in every language), the display menu and maintenance. */
class TourHelpPicturesTest {
    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    @Test
    void theTourShowsHelpTheDisplayMenuAndMaintenance() throws Exception {
        Path out = Path.of("target", "tour-help");
        List<Tour.Step> steps = new Tour(out).run();
        List<String> shown = steps.stream().map(s -> s.screen() + "/" + s.language()).toList();
        for (Language l : Language.values()) {
            assertThat(shown).contains("help-attract/" + l.tag());
        }
        assertThat(shown).contains("help-chooseVerification/ja", "help-enterPin/ja", "help-enterDetail/ja", "help-balance/ja",
                "help-topUpOffers/ja", "help-takeSim/ja", "help-error-notASim/ja", "help-enterNumber/ja",
                "error-lineSuspended/ja", "help-error-lineSuspended/ja", "display-menu/ja", "display-menu-both/ja",
                "display-both-enterNumber/ja", "maintenance/ja");
        for (Tour.Step s : steps) {
            assertThat(out.resolve(s.file())).as(s.file()).isRegularFile();
            assertThat(Files.size(out.resolve(s.file()))).as(s.file()).isGreaterThan(10_000);
        }
        assertThat(Arrays.asList(out.toFile().list())).contains("tour.json");
    }
}
