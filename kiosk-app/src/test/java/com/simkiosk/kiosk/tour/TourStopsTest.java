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
    void everyLanguageInTheNormalThemeAndJapaneseInEveryOther() {
        assertThat(Tour.passes()).containsKeys(Theme.values());
        assertThat(Tour.passes().get(Theme.NORMAL)).containsExactly(Language.values());
        for (Theme t : Theme.values()) {
            assertThat(Tour.passes().get(t)).contains(Language.JA);
        }
    }
}
