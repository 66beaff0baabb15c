package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.demo.DemoKiosk;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.LineBreaks;
import com.simkiosk.kiosk.i18n.FlowSamples;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.screen.help.SupportContact;
import com.simkiosk.kiosk.theme.Look;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Help one tap away on every screen, call staff, the carrier's support on its errors, and the display menu. */
class HelpAndDisplayTest {
    private static final Clock CLOCK = Clock.fixed(FlowSamples.NOW, ZoneOffset.UTC);
    private static final FlowConfig PATIENT = KioskDriver.config(Duration.ofMinutes(5), Duration.ofSeconds(30));
    private static final SupportContact CARRIER = new SupportContact("demo", Optional.of("0120-000-000"),
            Optional.of(URI.create("https://support.example.jp/sim")));
    private static final HelpSettings WITH_SUPPORT = HelpSettings.defaults().withContacts(List.of(CARRIER), Optional.empty());

    private KioskDriver kiosk;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    @AfterEach
    void close() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    /** Every state a test can reach, and the carrier errors the samples lack. */
    private static List<State> everyState() {
        List<State> states = new ArrayList<>(FlowSamples.oneOfEachState());
        states.add(new State.Error(ErrorKind.LINE_SUSPENDED, false));
        states.add(new State.EnterDetail(VerificationMethod.ORDER_NUMBER, 3, Optional.empty()));
        states.add(new State.PinRefused(0, List.of()));
        return states;
    }

    @Test
    void helpIsOneTapAwayAtTheSamePlaceOnEveryScreenAndSaysWhatTheStepWants() throws Exception {
        List<Event> sent = new ArrayList<>();
        Fx.run(() -> {
            KioskShell shell = new KioskShell(sent::add, CLOCK, false, () -> {}, Theme.NORMAL, List.of(Language.values()),
                    WITH_SUPPORT, () -> {});
            Scene scene = new Scene(shell.surface(), KioskShell.WIDTH, KioskShell.HEIGHT);
            Styling.apply(scene, Theme.NORMAL);
            Optional<Bounds> first = Optional.empty();
            for (State s : everyState()) {
                shell.show(new FlowView(s, Language.JA, OptionalInt.empty()));
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                Button help = (Button) shell.surface().lookup("#help");
                assertThat(help).as("Help on %s", s.key()).isNotNull();
                Bounds onGlass = help.localToScene(help.getLayoutBounds());
                assertThat(onGlass.getMinY()).as("Help low on the glass on %s", s.key()).isGreaterThan(KioskShell.HEIGHT * 0.85);
                if (first.isPresent()) {
                    assertThat(onGlass).as("Help at the same place on %s", s.key()).isEqualTo(first.get());
                }
                first = Optional.of(onGlass);
                sent.clear();
                help.fire();
                assertThat(shell.helpOpen()).isTrue();
                assertThat(sent).as("opening help is activity").containsExactly(new Event.UserActivity());
                List<String> texts = Fx.texts(shell.surface().lookup("#help-sections"));
                assertThat(texts).as("help on %s", s.key()).isNotEmpty()
                        .allSatisfy(t -> assertThat(t).doesNotStartWith("help.").isNotBlank());
                ((Button) shell.surface().lookup("#help-close")).fire();
                assertThat(shell.surface().lookup("#help-overlay")).isNull();
            }
            // The step's own advice: where the PIN is printed, what an order number looks like.
            shell.show(new FlowView(new State.EnterPin(3, Optional.empty()), Language.EN, OptionalInt.empty()));
            ((Button) shell.surface().lookup("#help")).fire();
            assertThat(text(shell, "help-pin")).contains("card holder the SIM came on");
            shell.show(new FlowView(new State.EnterDetail(VerificationMethod.ORDER_NUMBER, 3, Optional.empty()), Language.EN,
                    OptionalInt.empty()));
            ((Button) shell.surface().lookup("#help")).fire();
            assertThat(text(shell, "help-orderNumber")).contains("ABC-2026-123456");
            // A language switch re-says help in the new language; a new step closes it.
            shell.show(new FlowView(new State.EnterDetail(VerificationMethod.ORDER_NUMBER, 3, Optional.empty()), Language.JA,
                    OptionalInt.empty()));
            assertThat(text(shell, "help-orderNumber")).contains("確認メール").contains("ABC-2026-123456");
            shell.show(new FlowView(new State.LookingUp(), Language.JA, OptionalInt.empty()));
            assertThat(shell.helpOpen()).isFalse();
            shell.close();
        });
    }

    @Test
    void aLineErrorShowsTheCarriersPhoneAndAQrCodeOfItsSupportPage() throws Exception {
        Fx.run(() -> {
            KioskShell shell = new KioskShell(e -> {}, CLOCK, false, () -> {}, Theme.NORMAL, List.of(Language.values()),
                    WITH_SUPPORT, () -> {});
            Scene scene = new Scene(shell.surface(), KioskShell.WIDTH, KioskShell.HEIGHT);
            Styling.apply(scene, Theme.NORMAL);
            shell.show(new FlowView(new State.Error(ErrorKind.LINE_SUSPENDED, false), Language.JA, OptionalInt.empty()));
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            assertThat(text(shell, "support-phone")).isEqualTo("0120-000-000");
            ImageView qr = (ImageView) shell.surface().lookup("#support-qr");
            assertThat(decode(qr.getImage())).isEqualTo("https://support.example.jp/sim");
            screenshot(shell, "help-support-line-suspended-ja");
            // A kiosk-side problem is not the carrier's to solve: no carrier contact there.
            shell.show(new FlowView(new State.Error(ErrorKind.BACKEND_DOWN, true), Language.JA, OptionalInt.empty()));
            assertThat(shell.surface().lookup("#carrier-support")).isNull();
            shell.close();
        });
    }

    @Test
    void withSeveralCarriersAndNoneKnownNoWrongNumberIsShown() throws Exception {
        HelpSettings two = HelpSettings.defaults().withContacts(List.of(CARRIER,
                new SupportContact("other", Optional.of("0120-111-111"), Optional.empty())), Optional.empty());
        Fx.run(() -> {
            KioskShell shell = new KioskShell(e -> {}, CLOCK, false, () -> {}, Theme.NORMAL, List.of(Language.values()),
                    two, () -> {});
            shell.show(new FlowView(new State.Error(ErrorKind.LINE_EXPIRED, false), Language.EN, OptionalInt.empty()));
            assertThat(shell.surface().lookup("#carrier-support")).isNull();
            shell.close();
        });
    }

    @Test
    void callStaffShowsTheNoticeAndCountsInMaintenance() throws Exception {
        kiosk = KioskDriver.open("call-staff", PATIENT);
        kiosk.tap("start-number");
        kiosk.waitForScreen("enterNumber");
        kiosk.tap("help");
        Fx.waitUntil("help open", () -> kiosk.runtime().shell().helpOpen());
        kiosk.shot("help");
        kiosk.tap("help-call-staff");
        Fx.waitUntil("staff notice", () -> kiosk.runtime().shell().surface().lookup("#staff-notice") != null);
        assertThat(kiosk.texts()).contains("【店員呼び出し】お客様がお待ちです", Messages.of(Language.EN).get("help.staffCalled"));
        assertThat(kiosk.runtime().staffCalls().count()).isEqualTo(1);
        kiosk.shot("staff-called");
        kiosk.tap("help-close");
        // The notice stays while the customer waits, and is gone for the next customer.
        assertThat(kiosk.shows("staff-notice")).isTrue();
        kiosk.tap("back");
        kiosk.waitForScreen("attract");
        Fx.waitUntil("notice gone", () -> kiosk.runtime().shell().surface().lookup("#staff-notice") == null);
        for (int i = 0; i < 5; i++) {
            kiosk.tap("maintenance-corner");
        }
        kiosk.type(DemoKiosk.DEMO_MAINTENANCE_PIN);
        kiosk.tap("maintenance-pin-ok");
        Fx.waitUntil("maintenance", () -> kiosk.runtime().shell().surface().lookup("#maintenance-staff-calls") != null);
        assertThat(kiosk.text("maintenance-staff-calls")).startsWith("1 (last ").endsWith(" JST)");
        assertThat(kiosk.text("maintenance-kiosk-id")).isEqualTo("kiosk-1");
        assertThat(kiosk.text("maintenance-version")).isNotBlank();
        assertThat(kiosk.text("maintenance-paper")).isEqualTo("Paper loaded, ready to print");
        kiosk.shot("maintenance");
    }

    /**
     * Opening help is one sign of life, reading it is none: the flow's idle warning comes above the open help, and the
     * wipe (a new state) closes it. The flow's own idle tests cover the timer; this is the shell's half.
     */
    @Test
    void helpLeftOpenDoesNotStopTheIdleWipe() throws Exception {
        List<Event> sent = new ArrayList<>();
        Fx.run(() -> {
            KioskShell shell = new KioskShell(sent::add, CLOCK, false, () -> {});
            State typing = new State.EnterNumber("090", "090", false);
            shell.show(new FlowView(typing, Language.EN, OptionalInt.empty()));
            ((Button) shell.surface().lookup("#help")).fire();
            assertThat(sent).containsExactly(new Event.UserActivity());
            shell.show(new FlowView(typing, Language.EN, OptionalInt.of(10)));
            Node idle = shell.surface().lookup("#idle-overlay");
            Node help = shell.surface().lookup("#help-overlay");
            assertThat(idle.getParent()).isSameAs(help.getParent());
            List<Node> layers = idle.getParent().getChildrenUnmodifiable();
            assertThat(layers.indexOf(idle)).as("the countdown above help").isGreaterThan(layers.indexOf(help));
            assertThat(sent).as("help sends nothing while it is read").hasSize(1);
            shell.show(new FlowView(new State.Attract(), Language.JA, OptionalInt.empty()));
            assertThat(shell.helpOpen()).isFalse();
            assertThat(shell.surface().lookup("#help-overlay")).isNull();
            shell.close();
        });
    }

    @Test
    void theDisplayMenuCombinesLargeTextWithHighContrastAndSaysSo() throws Exception {
        kiosk = KioskDriver.open("display", PATIENT);
        kiosk.tap("start-number");
        kiosk.waitForScreen("enterNumber");
        Messages en = Messages.of(Language.EN);
        assertThat(kiosk.text("display")).contains(en.get("display.standard"));
        kiosk.tap("display");
        kiosk.tap("display-large-text");
        Fx.waitUntil("large text", () -> kiosk.runtime().shell().look().equals(new Look(false, true)));
        kiosk.tap("display-high-contrast");
        Fx.waitUntil("both", () -> kiosk.runtime().shell().look().equals(new Look(true, true)));
        assertThat(Fx.call(() -> kiosk.runtime().root().getScene().getStylesheets()))
                .anyMatch(u -> u.endsWith("theme-high-contrast.css")).anyMatch(u -> u.endsWith("theme-large-text.css"))
                .noneMatch(u -> u.endsWith("theme-normal.css"));
        assertThat(kiosk.text("display-current")).isEqualTo(en.get("display.current", en.get("display.both")));
        kiosk.shot("display-menu-both");
        kiosk.tap("display-close");
        assertThat(kiosk.text("display")).contains(en.get("display.both"));
        kiosk.shot("large-high-contrast");
        // Large text off again keeps high contrast.
        kiosk.tap("display");
        kiosk.tap("display-large-text");
        Fx.waitUntil("high contrast alone", () -> kiosk.runtime().shell().look().equals(new Look(true, false)));
        kiosk.tap("display-close");
        kiosk.tap("back");
        kiosk.waitForScreen("attract");
        Fx.waitUntil("the kiosk's own look again", () -> kiosk.runtime().shell().look().equals(Look.NORMAL));
    }

    @Test
    void languageAndDisplayAreWithinReachLowOnTheGlass() throws Exception {
        Fx.run(() -> {
            KioskShell shell = new KioskShell(e -> {}, CLOCK, false, () -> {});
            Scene scene = new Scene(shell.surface(), KioskShell.WIDTH, KioskShell.HEIGHT);
            Styling.apply(scene, Theme.NORMAL);
            shell.show(new FlowView(new State.EnterPin(3, Optional.empty()), Language.KO, OptionalInt.empty()));
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            for (String id : List.of("display", "lang-ja", "lang-ko", "help")) {
                Node n = shell.surface().lookup("#" + id);
                assertThat(n.localToScene(n.getLayoutBounds()).getMinY()).as(id).isGreaterThan(KioskShell.HEIGHT * 0.85);
            }
            shell.close();
        });
    }

    private static String text(KioskShell shell, String id) {
        Node n = shell.surface().lookup("#" + id);
        assertThat(n).as("#" + id).isNotNull();
        return LineBreaks.plain(((Labeled) n).getText()); // as read, without the line-break joiners
    }

    private static String decode(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, argb)))).getText();
        } catch (Exception e) {
            throw new AssertionError("the QR code does not decode", e);
        }
    }

    private static void screenshot(KioskShell shell, String name) {
        try {
            Fx.screenshot(shell.surface(), name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
