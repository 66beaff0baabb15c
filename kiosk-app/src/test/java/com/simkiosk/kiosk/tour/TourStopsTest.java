package com.simkiosk.kiosk.tour;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.FlowSamples;
import com.simkiosk.kiosk.theme.Theme;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tour's list names every screen, every error kind and both reading paths; adding a screen means adding a stop. */
class TourStopsTest {
    private final List<Tour.Stop> stops = Tour.stops();

    @Test
    void everyScreenOfTheFlowHasAStop() {
        List<String> screens = stops.stream().map(Tour.Stop::screen).toList();
        for (State s : FlowSamples.oneOfEachState()) {
            if (!(s instanceof State.Error)) {
                assertThat(screens).as("a tour stop for %s", s.key()).contains(s.key().substring("screen.".length()));
            }
        }
        assertThat(screens).contains("idleWarning", "maintenance-pin", "maintenance");
    }

    @Test
    void everyErrorKindHasAStop() {
        List<String> samples = stops.stream().filter(s -> s.screen().startsWith("error-")).map(Tour.Stop::sample).toList();
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(samples).as("a tour stop for %s", kind).contains(kind.name());
        }
    }

    @Test
    void bothReadingPathsAreShown() {
        assertThat(stops).filteredOn(s -> s.screen().equals("balance")).extracting(Tour.Stop::sample)
                .anySatisfy(sample -> assertThat(sample).contains("data-only SIM"))
                .anySatisfy(sample -> assertThat(sample).contains("voice SIM"));
    }

    @Test
    void helpIsPicturedOverTheAttractScreenInEveryPassAndOverEachKindOfScreenInJapanese() {
        assertThat(stops).filteredOn(s -> s.screen().equals("help-attract"))
                .singleElement()
                .satisfies(s -> assertThat(s.overlay()).isEqualTo(Tour.Overlay.HELP))
                .satisfies(s -> assertThat(s.where()).isEqualTo(Tour.Where.EVERY_PASS));
        List<Tour.Stop> help = stops.stream().filter(s -> s.overlay() == Tour.Overlay.HELP).toList();
        for (String screen : List.of("chooseVerification", "enterPin", "enterDetail", "balance", "topUpOffers", "takeSim",
                "error-notASim", "enterNumber", "error-lineSuspended")) {
            assertThat(help).as("help over %s", screen).filteredOn(s -> s.screen().equals("help-" + screen))
                    .singleElement()
                    .satisfies(s -> assertThat(s.where().includes(Language.JA, Theme.NORMAL)).isTrue());
        }
        // each help picture walks the same way as the picture of its screen, then opens help
        for (Tour.Stop h : help) {
            assertThat(stops).as("the screen under %s", h.screen())
                    .anySatisfy(s -> {
                        assertThat(s.overlay()).isEqualTo(Tour.Overlay.NONE);
                        assertThat("help-" + s.screen()).isEqualTo(h.screen());
                        assertThat(s.route()).isSameAs(h.route());
                    });
        }
    }

    @Test
    void theDisplayMenuIsPicturedOpenAndWithLargeTextAndHighContrastCombined() {
        assertThat(stops).filteredOn(s -> s.overlay() == Tour.Overlay.DISPLAY_MENU).extracting(Tour.Stop::screen)
                .contains("display-menu-enterNumber", "display-menu-both");
        assertThat(stops).extracting(Tour.Stop::screen).contains("display-both-enterNumber");
    }

    @Test
    void theExtraPicturesAreTakenOnceNotInEveryLanguageAndTheme() {
        // keeps the tour's time in bounds: only the attract screen's help is repeated in every pass
        assertThat(stops).filteredOn(s -> s.overlay() != Tour.Overlay.NONE && !s.screen().equals("help-attract"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.where()).isEqualTo(Tour.Where.JAPANESE_NORMAL));
        assertThat(Tour.Where.JAPANESE_NORMAL.includes(Language.JA, Theme.NORMAL)).isTrue();
        assertThat(Tour.Where.JAPANESE_NORMAL.includes(Language.EN, Theme.NORMAL)).isFalse();
        assertThat(Tour.Where.JAPANESE_NORMAL.includes(Language.JA, Theme.HIGH_CONTRAST)).isFalse();
    }

    @Test
    void everyLanguageInTheNormalThemeAndJapaneseInEveryOther() {
        assertThat(Tour.passes()).containsKeys(Theme.values());
        assertThat(Tour.passes().get(Theme.NORMAL)).containsExactly(Language.values());
        for (Theme t : Theme.values()) {
            assertThat(Tour.passes().get(t)).contains(Language.JA);
        }
    }
}
