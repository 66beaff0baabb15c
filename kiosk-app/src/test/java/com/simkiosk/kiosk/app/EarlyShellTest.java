package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.theme.Theme;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cold start (issue 17): the attract screen built before the parts have started is the one a kiosk built from its
 * parts shows, the runtime takes it over without rebuilding it, and a tap made before the parts were ready is not lost.
 */
class EarlyShellTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T03:04:05Z"), ZoneOffset.UTC);
    private static DemoKiosk demo;

    @BeforeAll
    static void start() throws Exception {
        Fx.start();
        demo = DemoKiosk.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static KioskParts parts(Theme theme) {
        // Not owned: the demo kiosk is shared by the tests and closed once at the end.
        KioskParts p = demo.parts(FlowConfig.defaults(), theme, false);
        return new KioskParts(p.reader(), p.carrier(), p.printer(), p.flowConfig(), p.theme(), p.maintenancePin(),
                p.demoPanel(), List.of(), p.languages(), p.attachments(), p.help());
    }

    @Test
    void theAttractScreenBuiltEarlyShowsWhatTheKioskBuiltFromItsPartsShows() throws Exception {
        KioskParts parts = parts(Theme.NORMAL);
        List<String> early = Fx.call(() -> Fx.texts(new EarlyShell(EarlyShell.Face.of(parts), CLOCK).shell().surface()));
        List<String> built = Fx.call(() -> {
            KioskRuntime runtime = new KioskRuntime(parts, CLOCK, () -> {});
            try {
                return Fx.texts(runtime.shell().surface());
            } finally {
                runtime.close();
            }
        });
        assertThat(early).contains(com.simkiosk.kiosk.i18n.LineBreaks.plain(com.simkiosk.kiosk.i18n.Messages
                .of(FlowConfig.defaults().defaultLanguage()).get("attract.insertSim"))).isEqualTo(built);
    }

    @Test
    void theRuntimeTakesTheShownScreenOverWithoutBuildingItAgain() throws Exception {
        KioskParts parts = parts(Theme.NORMAL);
        Fx.run(() -> {
            EarlyShell early = new EarlyShell(EarlyShell.Face.of(parts), CLOCK);
            Node attract = early.shell().surface().lookup("#screen-attract");
            assertThat(attract).isNotNull();
            KioskRuntime runtime = new KioskRuntime(parts, CLOCK, () -> {}, Optional.of(early));
            try {
                assertThat(runtime.root()).isSameAs(early.root());
                assertThat(runtime.shell()).isSameAs(early.shell());
                assertThat(runtime.flow().state()).isInstanceOf(State.Attract.class);
                assertThat(runtime.shell().surface().lookup("#screen-attract")).isSameAs(attract);
            } finally {
                runtime.close();
            }
        });
    }

    @Test
    void aTapOnTheEarlyScreenReachesTheFlowOnceThePartsAreReady() throws Exception {
        KioskParts parts = parts(Theme.NORMAL);
        EarlyShell early = Fx.call(() -> new EarlyShell(EarlyShell.Face.of(parts), CLOCK));
        Fx.run(() -> ((Button) early.shell().surface().lookup("#start-number")).fire()); // before any flow exists
        KioskRuntime runtime = Fx.call(() -> new KioskRuntime(parts, CLOCK, () -> {}, Optional.of(early)));
        try {
            Fx.waitUntil("the number entry screen", () -> runtime.flow().state() instanceof State.EnterNumber
                    && runtime.shell().surface().lookup("#screen-attract") == null);
        } finally {
            Fx.run(runtime::close);
        }
    }

    @Test
    void aCallForStaffOnTheEarlyScreenReachesTheStaffCounterOnceThePartsAreReady() throws Exception {
        KioskParts parts = parts(Theme.NORMAL).withHelp(new HelpSettings(true, false, List.of(), Optional.empty())); // no chime in a test
        EarlyShell early = Fx.call(() -> new EarlyShell(EarlyShell.Face.of(parts), CLOCK));
        Fx.run(() -> { // before any flow or staff counter exists
            ((Button) early.shell().surface().lookup("#help")).fire();
            ((Button) early.shell().surface().lookup("#help-call-staff")).fire();
            assertThat(early.shell().surface().lookup("#staff-notice")).isNotNull();
        });
        KioskRuntime runtime = Fx.call(() -> new KioskRuntime(parts, CLOCK, () -> {}, Optional.of(early)));
        try {
            assertThat(runtime.shell()).isSameAs(early.shell());
            assertThat(runtime.staffCalls().count()).isEqualTo(1);
            assertThat(runtime.staffCalls().last()).contains(CLOCK.instant());
            // A call made once the runtime runs is counted as before, and the early one is not counted again.
            Fx.run(() -> ((Button) runtime.shell().surface().lookup("#help-call-staff")).fire());
            assertThat(runtime.staffCalls().count()).isEqualTo(2);
        } finally {
            Fx.run(runtime::close);
        }
    }

    @Test
    void partsThatLookDifferentGetAShellOfTheirOwn() throws Exception {
        KioskParts dark = parts(Theme.HIGH_CONTRAST);
        Fx.run(() -> {
            EarlyShell early = new EarlyShell(EarlyShell.Face.of(parts(Theme.NORMAL)), CLOCK);
            KioskRuntime runtime = new KioskRuntime(dark, CLOCK, () -> {}, Optional.of(early));
            try {
                assertThat(runtime.root()).isNotSameAs(early.root());
                assertThat(runtime.shell()).isNotSameAs(early.shell());
                assertThat(runtime.shell().surface().lookup("#screen-attract")).isNotNull();
            } finally {
                runtime.close();
            }
        });
    }
}
