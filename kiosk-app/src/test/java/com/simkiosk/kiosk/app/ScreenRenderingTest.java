package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.FlowSamples;
import com.simkiosk.kiosk.i18n.LanguageLook;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every screen in every language shows translated text, never a raw key; a screenshot of each lands in target/. */
class ScreenRenderingTest {
    /** What a bundle key looks like: dotted lower-camel words, e.g. {@code error.backendDown.title}. */
    private static final Pattern KEY_LIKE = Pattern.compile("[a-z]+[a-zA-Z]*(\\.[a-zA-Z0-9_]+)+");
    private static Set<String> allKeys;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
        Properties p = new Properties();
        try (InputStream in = ScreenRenderingTest.class.getResourceAsStream("/com/simkiosk/kiosk/i18n/messages_en.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        allKeys = p.stringPropertyNames();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void noScreenShowsARawKey(Language language) throws Exception {
        List<State> states = new ArrayList<>(FlowSamples.oneOfEachState());
        Clock clock = Clock.fixed(FlowSamples.NOW, ZoneOffset.UTC);
        KioskShell shell = Fx.call(() -> new KioskShell(e -> {}, clock, true, () -> {}));
        Scene scene = Fx.call(() -> {
            Scene made = new Scene(shell.surface(), KioskShell.WIDTH, KioskShell.HEIGHT);
            Styling.apply(made, Theme.NORMAL);
            return made;
        });
        // One FX call per screen: each rendering and its 1920×1080 PNG get Fx.PATIENCE, not the whole list at once.
        for (int i = 0; i < states.size(); i++) {
            State s = states.get(i);
            String name = String.format("render-%02d-%s-%s", i, s.key().substring(7), language.tag());
            Fx.run(() -> {
                shell.show(new FlowView(s, language, OptionalInt.empty()));
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                assertNoRawKeys(shell, s.key() + " in " + language);
                screenshot(shell, name);
            });
        }
        Fx.run(() -> {
            shell.show(new FlowView(states.get(9), language, OptionalInt.of(12)));
            assertNoRawKeys(shell, "idle warning in " + language);
            assertThat(Fx.texts(shell.surface())).contains("12");
            screenshot(shell, "render-idle-" + language.tag());
            assertThat(scene.getRoot().getStyleClass()).contains(LanguageLook.styleClass(language));
            shell.close();
        });
    }

    private static void screenshot(KioskShell shell, String name) {
        try {
            Fx.screenshot(shell.surface(), name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyTouchTargetIsAtLeast64PixelsAndEveryTextAtLeast24(Theme theme) throws Exception {
        Clock clock = Clock.fixed(FlowSamples.NOW, ZoneOffset.UTC);
        Fx.run(() -> {
            try {
                KioskShell shell = new KioskShell(e -> {}, clock, true, () -> {});
                Scene scene = new Scene(shell.surface(), KioskShell.WIDTH, KioskShell.HEIGHT);
                Styling.apply(scene, theme);
                int n = 0;
                for (State s : FlowSamples.oneOfEachState()) {
                    shell.show(new FlowView(s, Language.JA, OptionalInt.empty()));
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    for (javafx.scene.Node node : shell.surface().lookupAll(".button")) {
                        var onGlass = node.localToScene(node.getLayoutBounds());
                        assertThat(onGlass.getMinY() >= 0 && onGlass.getMaxY() <= KioskShell.HEIGHT + 0.5
                                && onGlass.getMinX() >= 0 && onGlass.getMaxX() <= KioskShell.WIDTH + 0.5)
                                .as("#%s on %s inside the 1920×1080 glass: %s", node.getId(), s.key(), onGlass).isTrue();
                        double scale = node.localToScene(0, 1).getY() - node.localToScene(0, 0).getY();
                        var b = node.getLayoutBounds();
                        assertThat(Math.min(b.getWidth(), b.getHeight()) * scale).as("size on glass of #%s on %s", node.getId(), s.key())
                                .isGreaterThanOrEqualTo(64);
                        assertThat(((javafx.scene.control.Labeled) node).getFont().getSize() * scale).as("text size of #%s", node.getId())
                                .isGreaterThanOrEqualTo(24);
                    }
                    // Nothing of the screen hides under the bottom bar (Help, Display, languages): a customer could not tap it.
                    javafx.scene.Node bar = shell.surface().lookup("#bottom-bar");
                    javafx.scene.Node screen = shell.surface().lookup(".screen");
                    if (bar != null && screen != null) {
                        double barTop = bar.localToScene(bar.getLayoutBounds()).getMinY();
                        for (javafx.scene.Node node : screen.lookupAll(".button")) {
                            if (node.isVisible()) {
                                assertThat(node.localToScene(node.getLayoutBounds()).getMaxY())
                                        .as("#%s on %s above the bottom bar", node.getId(), s.key())
                                        .isLessThanOrEqualTo(barTop + 0.5);
                            }
                        }
                    }
                    for (javafx.scene.Node node : shell.surface().lookupAll(".label")) {
                        double size = ((javafx.scene.control.Labeled) node).getFont().getSize()
                                * (node.localToScene(0, 1).getY() - node.localToScene(0, 0).getY());
                        assertThat(size).as("text size of '%s' on %s", ((javafx.scene.control.Labeled) node).getText(), s.key())
                                .isGreaterThanOrEqualTo(24);
                    }
                    if (theme != Theme.NORMAL) {
                        Fx.screenshot(shell.surface(), String.format("theme-%s-%02d-%s", theme.name().toLowerCase(), n, s.key().substring(7)));
                    }
                    n++;
                }
                shell.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @org.junit.jupiter.api.Test
    void onlyTheConfiguredLanguagesAreOffered() throws Exception {
        Clock clock = Clock.fixed(FlowSamples.NOW, ZoneOffset.UTC);
        Fx.run(() -> {
            KioskShell shell = new KioskShell(e -> {}, clock, false, () -> {}, Theme.NORMAL, List.of(Language.JA, Language.EN));
            Scene scene = new Scene(shell.surface(), KioskShell.WIDTH, KioskShell.HEIGHT);
            Styling.apply(scene, Theme.NORMAL);
            for (State s : List.of(new State.Attract(), new State.Reading())) {
                shell.show(new FlowView(s, Language.EN, OptionalInt.empty()));
                assertThat(shell.surface().lookupAll(".language-button")).extracting(javafx.scene.Node::getId)
                        .containsExactly("lang-ja", "lang-en");
            }
            assertThat(Fx.texts(shell.surface())).doesNotContain("DEMO");
            shell.close();
        });
    }

    private static void assertNoRawKeys(KioskShell shell, String where) {
        List<String> texts = Fx.texts(shell.surface());
        assertThat(texts).as("texts on %s", where).isNotEmpty();
        for (String t : texts) {
            assertThat(allKeys).as("raw key shown on %s", where).doesNotContain(t.trim());
            assertThat(KEY_LIKE.matcher(t.trim()).matches()).as("key-like text %s on %s", t, where).isFalse();
        }
    }
}
