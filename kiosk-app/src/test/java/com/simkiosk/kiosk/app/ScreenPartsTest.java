package com.simkiosk.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.FlowSamples;
import com.simkiosk.kiosk.i18n.LineBreaks;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.theme.Theme;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Shape;
import javafx.scene.text.TextAlignment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The parts of the screens a customer relies on: the keypad, the offer cards, error screens, pictures, the clock. */
class ScreenPartsTest {
    private static final Clock CLOCK = Clock.fixed(FlowSamples.NOW, ZoneOffset.UTC);
    private static final org.assertj.core.data.Offset<Double> PIXEL = org.assertj.core.data.Offset.offset(1.0);
    private static final List<State> KEYPAD_SCREENS = FlowSamples.oneOfEachState().stream()
            .filter(s -> s instanceof State.EnterNumber || s instanceof State.EnterCode || s instanceof State.EnterPin
                    || s instanceof State.EnterDetail)
            .toList();

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    @Test
    void keypadKeysSitAtTheSamePlaceOnEveryKeypadScreenAndInEveryLanguage() throws Exception {
        assertThat(KEYPAD_SCREENS).hasSize(4);
        for (Theme theme : List.of(Theme.NORMAL, Theme.LARGE_TEXT)) {
            Fx.run(() -> {
                KioskShell shell = Fx.shell(CLOCK, theme);
                Map<String, Bounds> first = null;
                for (State s : KEYPAD_SCREENS) {
                    for (Language language : Language.values()) {
                        Fx.show(shell, s, language);
                        Map<String, Bounds> keys = new LinkedHashMap<>();
                        for (String id : List.of("key-1", "key-5", "key-0", "key-delete", "key-clear", "submit")) {
                            Node key = shell.surface().lookup("#" + id);
                            keys.put(id, key.localToScene(key.getLayoutBounds()));
                        }
                        if (first == null) {
                            first = keys;
                        }
                        for (String id : keys.keySet()) {
                            assertThat(near(keys.get(id), first.get(id)))
                                    .as("#%s on %s in %s (%s): %s, first seen at %s", id, s.key(), language, theme,
                                            keys.get(id), first.get(id))
                                    .isTrue();
                        }
                        Bounds five = keys.get("key-5"); // equal keys, give or take the pixel snapping of the grid
                        for (String id : List.of("key-1", "key-0", "key-delete", "key-clear")) {
                            assertThat(keys.get(id).getWidth()).as("width of #%s", id).isCloseTo(five.getWidth(), PIXEL);
                            assertThat(keys.get(id).getHeight()).as("height of #%s", id).isCloseTo(five.getHeight(), PIXEL);
                        }
                        // Confirm is beside the keys: in the key column, right of the 3.
                        assertThat(keys.get("submit").getMinX()).isGreaterThan(shell.surface().lookup("#key-3")
                                .localToScene(shell.surface().lookup("#key-3").getLayoutBounds()).getMaxX());
                    }
                }
                shell.close();
            });
        }
    }

    @Test
    void codeShowsSixBoxesAndPinFourToEightWithTheTypedCount() throws Exception {
        Fx.run(() -> {
            KioskShell shell = Fx.shell(CLOCK, Theme.NORMAL);
            Fx.show(shell, new State.EnterCode("090-****-5678", 3, FlowSamples.NOW.plusSeconds(30), 2, Optional.empty()), Language.EN);
            assertThat(shell.surface().lookupAll(".entry-box")).hasSize(6);
            assertThat(shell.surface().lookupAll(".entry-box.optional")).isEmpty();
            tap(shell, "key-4");
            tap(shell, "key-2");
            assertThat(boxTexts(shell)).startsWith("4", "2", " ");
            assertThat(shell.surface().lookup("#submit").isDisabled()).isTrue();

            Fx.show(shell, new State.EnterPin(3, Optional.empty()), Language.EN);
            assertThat(shell.surface().lookupAll(".entry-box")).hasSize(8);
            assertThat(shell.surface().lookupAll(".entry-box.optional")).as("boxes a PIN may leave empty").hasSize(4);
            for (String key : List.of("key-1", "key-2", "key-3")) {
                tap(shell, key);
            }
            assertThat(boxTexts(shell)).startsWith("●", "●", "●", " ").doesNotContain("1", "2", "3");
            assertThat(text(shell, "entry-count")).isEqualTo("3 digits entered (a PIN has 4 to 8 digits)");
            assertThat(shell.surface().lookup("#submit").isDisabled()).isTrue();
            tap(shell, "key-4");
            assertThat(shell.surface().lookup("#submit").isDisabled()).isFalse();
            shell.close();
        });
    }

    @Test
    void offerCardsShowPriceDataDaysExpiryAndLineAndMarkTheOneForThePace() throws Exception {
        TopUpOffer oneDay = new TopUpOffer("topup-100mb-1d", "100MB 1日", 100_000_000L, 200, Duration.ofDays(1));
        State.TopUpOffers sample = (State.TopUpOffers) FlowSamples.oneOfEachState().stream()
                .filter(s -> s instanceof State.TopUpOffers).findFirst().orElseThrow();
        List<TopUpOffer> offers = new ArrayList<>(sample.offers());
        offers.add(oneDay);
        Fx.run(() -> {
            KioskShell shell = Fx.shell(CLOCK, Theme.NORMAL);
            Fx.show(shell, new State.TopUpOffers(offers, Optional.of(FlowSamples.outlook())), Language.EN);
            assertThat(text(shell, "offer-price-topup-3gb")).isEqualTo("¥1,500");
            assertThat(text(shell, "offer-adds-topup-3gb")).isEqualTo("Adds 3 GB of data");
            assertThat(text(shell, "offer-days-topup-3gb")).isEqualTo("Valid 30 days from the day you pay");
            // Bought on 26 Nov, 30 days run past the expiry of 28 Nov; one day does not.
            assertThat(text(shell, "offer-expiry-topup-3gb")).startsWith("Extends your expiry to").contains("26");
            assertThat(text(shell, "offer-expiry-topup-100mb-1d")).startsWith("Your expiry stays").contains("28");
            assertThat(text(shell, "offer-line-topup-3gb")).isEqualTo("For 090-****-5678");
            // 900 MB more is needed at 400 MB a day: the cheapest enough is 1 GB.
            assertThat(shell.surface().lookupAll(".offer-card.recommended")).extracting(Node::getId)
                    .containsExactly("offer-card-topup-1gb");
            assertThat(shell.surface().lookup("#offer-topup-1gb").getStyleClass()).as("its choose button leads").contains("primary");
            assertThat(shell.surface().lookup("#offer-badge-topup-1gb").isVisible()).isTrue();
            assertThat(shell.surface().lookup("#offer-badge-topup-3gb").isVisible()).isFalse();
            assertThat(text(shell, "offer-badge-topup-1gb")).contains("Recommended for your pace");
            assertThat(text(shell, "pace-note")).contains("400 MB");

            Fx.show(shell, new State.TopUpOffers(offers), Language.EN); // a flow without the balance: plain cards
            assertThat(shell.surface().lookupAll(".offer-card")).hasSize(4);
            assertThat(shell.surface().lookupAll(".offer-card.recommended")).isEmpty();
            assertThat(shell.surface().lookup("#offer-line-topup-3gb")).isNull();
            shell.close();
        });
    }

    @Test
    void errorScreensAreCentredWithTheIconOfTheirKindAndTheWayForwardFirst() throws Exception {
        record Case(ErrorKind kind, boolean retry, String icon, String primary, String primaryText) {}
        List<Case> cases = List.of(
                new Case(ErrorKind.BACKEND_DOWN, true, "service", "retry", "Try again"),
                new Case(ErrorKind.READER_PROBLEM, true, "card", "retry", "Try again"),
                new Case(ErrorKind.NOT_A_SIM, false, "card", "use-number", "Use my phone number"),
                new Case(ErrorKind.FOREIGN_SIM, false, "card", "done", "End and take my SIM"),
                new Case(ErrorKind.LINE_EXPIRED, false, "line", "done", "Back to start"));
        Fx.run(() -> {
            KioskShell shell = Fx.shell(CLOCK, Theme.NORMAL);
            for (Case c : cases) {
                Fx.show(shell, new State.Error(c.kind(), c.retry()), Language.EN);
                assertThat(shell.surface().lookup("#picture-problem-" + c.icon())).as("icon of %s", c.kind()).isNotNull();
                assertThat(shell.surface().lookupAll(".picture-problem")).as("one icon on %s", c.kind()).hasSize(1);
                // the screen's own primary action (the shell's bottom bar has its Help button besides)
                List<Node> primaries = new ArrayList<>(shell.surface().lookup(".screen").lookupAll(".button.primary"));
                assertThat(primaries).as("primary on %s", c.kind()).hasSize(1);
                assertThat(primaries.get(0).getId()).isEqualTo(c.primary());
                assertThat(((Button) primaries.get(0)).getText()).isEqualTo(c.primaryText());
                assertThat(((Label) shell.surface().lookup("#error-title")).getTextAlignment()).isEqualTo(TextAlignment.CENTER);
                assertThat(((Label) shell.surface().lookup("#error-body")).getTextAlignment()).isEqualTo(TextAlignment.CENTER);
            }
            // A foreign SIM is not sent to a keypad that takes only Japanese numbers.
            Fx.show(shell, new State.Error(ErrorKind.FOREIGN_SIM, false), Language.EN);
            assertThat(shell.surface().lookup("#use-number")).isNull();
            shell.close();
        });
    }

    @Test
    void picturesDrawInEveryThemeInThatThemesColours() throws Exception {
        Map<Theme, Paint> arrows = new EnumMap<>(Theme.class);
        for (Theme theme : Theme.values()) {
            Fx.run(() -> {
                KioskShell shell = Fx.shell(CLOCK, theme);
                Map<State, List<String>> pictures = new LinkedHashMap<>();
                pictures.put(new State.Attract(), List.of("picture-insert-sim", "picture-insert-sim-adapter"));
                pictures.put(new State.TakeSim(true), List.of("picture-take-sim", "picture-take-slip"));
                pictures.put(new State.TakeSlip(), List.of("picture-take-slip"));
                pictures.put(new State.Error(ErrorKind.NOT_A_SIM, false), List.of("picture-problem-card"));
                pictures.put(new State.Error(ErrorKind.NOT_FOUND, false), List.of("picture-problem-line"));
                pictures.put(new State.Error(ErrorKind.BACKEND_DOWN, true), List.of("picture-problem-service"));
                pictures.forEach((state, ids) -> {
                    Fx.show(shell, state, Language.JA);
                    for (String id : ids) {
                        Node picture = shell.surface().lookup("#" + id);
                        assertThat(picture).as("#%s in %s", id, theme).isNotNull();
                        Bounds drawn = picture.localToScene(picture.getBoundsInLocal());
                        assertThat(drawn.getWidth() > 100 && drawn.getHeight() > 100).as("#%s drawn in %s: %s", id, theme, drawn).isTrue();
                        assertThat(drawn.getMinX() >= 0 && drawn.getMaxX() <= KioskShell.WIDTH && drawn.getMinY() >= 0
                                && drawn.getMaxY() <= KioskShell.HEIGHT).as("#%s on the glass in %s: %s", id, theme, drawn).isTrue();
                        for (Node shape : picture.lookupAll(".picture-shape")) {
                            Paint fill = ((Shape) shape).getFill();
                            Paint stroke = ((Shape) shape).getStroke();
                            assertThat(fill != null || stroke != null).as("a colour for %s in #%s", shape.getStyleClass(), id).isTrue();
                        }
                    }
                });
                Fx.show(shell, new State.Attract(), Language.JA);
                arrows.put(theme, ((Shape) shell.surface().lookup(".picture-arrow")).getFill());
                shell.close();
            });
        }
        assertThat(arrows.get(Theme.NORMAL)).as("arrows take the theme's accent").isNotEqualTo(arrows.get(Theme.HIGH_CONTRAST));
    }

    @Test
    void attractScreenShowsTheTimeInJapanFromTheFlowsClock() throws Exception {
        Fx.run(() -> {
            KioskShell shell = Fx.shell(CLOCK, Theme.NORMAL); // 01:00 UTC is 10:00 in Japan
            Fx.show(shell, new State.Attract(), Language.EN);
            assertThat(text(shell, "attract-clock")).isEqualTo("10:00");
            assertThat(text(shell, "attract-date")).contains("26").endsWith(Messages.of(Language.EN).get("common.japanTime"));
            assertThat(shell.surface().lookup("#insert-sim")).isNotNull();
            assertThat(shell.surface().lookup("#start-number")).isNotNull();
            shell.close();
        });
    }

    @Test
    void afterASlipTheEndAsksForTheSimAndTheSlipTogether() throws Exception {
        Fx.run(() -> {
            KioskShell shell = Fx.shell(CLOCK, Theme.NORMAL);
            Fx.show(shell, new State.TakeSim(true), Language.JA);
            assertThat(text(shell, "take-title")).isEqualTo(Messages.of(Language.JA).get("takeSim.withSlip.title"));
            assertThat(Fx.texts(shell.surface())).contains(Messages.of(Language.JA).get("screen.topUpSlip")); // the slip's caption
            assertThat(shell.surface().lookup("#picture-take-sim")).isNotNull();
            assertThat(shell.surface().lookup("#picture-take-slip")).isNotNull();
            Fx.show(shell, new State.TakeSim(), Language.JA);
            assertThat(text(shell, "take-title")).isEqualTo(Messages.of(Language.JA).get("screen.takeSim"));
            assertThat(shell.surface().lookup("#picture-take-slip")).isNull();
            // The number path: no SIM to take, the slip alone, and Done as the way out.
            Fx.show(shell, new State.TakeSlip(), Language.JA);
            assertThat(text(shell, "take-title")).isEqualTo("申込券をお取りください");
            assertThat(shell.surface().lookup("#picture-take-slip")).isNotNull();
            assertThat(shell.surface().lookup("#picture-take-sim")).isNull();
            assertThat(Fx.texts(shell.surface().lookup("#screen-takeSlip"))).noneMatch(t -> t.contains("SIM"));
            assertThat(shell.surface().lookup("#done").getStyleClass()).contains("primary");
            shell.close();
        });
    }

    /** Issue 10: the confirm screen shows the chosen offer as the same card the offers screen showed. */
    @Test
    void theConfirmScreenShowsTheChosenOfferAsTheSameCardAsTheOffers() throws Exception {
        State.TopUpOffers offers = (State.TopUpOffers) FlowSamples.oneOfEachState().stream()
                .filter(s -> s instanceof State.TopUpOffers).findFirst().orElseThrow();
        TopUpOffer chosen = offers.offers().get(0);
        List<String> ids = List.of("offer-price-", "offer-adds-", "offer-days-", "offer-expiry-", "offer-line-");
        Fx.run(() -> {
            KioskShell shell = Fx.shell(CLOCK, Theme.NORMAL);
            Fx.show(shell, offers, Language.EN);
            List<String> onOffers = ids.stream().map(id -> text(shell, id + chosen.id())).toList();
            Node offerCard = shell.surface().lookup("#offer-card-" + chosen.id());
            double width = offerCard.getLayoutBounds().getWidth();
            Fx.show(shell, new State.TopUpConfirm(chosen, offers.outlook()), Language.EN);
            assertThat(ids.stream().map(id -> text(shell, id + chosen.id())).toList()).isEqualTo(onOffers);
            Node confirmCard = shell.surface().lookup("#offer-card-" + chosen.id());
            assertThat(confirmCard.getStyleClass()).contains("offer-card");
            assertThat(confirmCard.getLayoutBounds().getWidth()).as("the same card").isEqualTo(width);
            assertThat(shell.surface().lookupAll(".offer-card")).hasSize(1);
            assertThat(text(shell, "confirm-body")).isEqualTo(Messages.of(Language.EN).get("confirm.body"));
            assertThat(shell.surface().lookup("#confirm").getStyleClass()).as("ordering leads").contains("primary");
            assertThat(shell.surface().lookup("#back")).isNotNull();
            shell.close();
        });
    }

    @Test
    void theSlipScreenWritesThePaymentCodeAsThePaperDoes() throws Exception {
        State.TopUpSlip slip = (State.TopUpSlip) FlowSamples.oneOfEachState().stream()
                .filter(s -> s instanceof State.TopUpSlip).findFirst().orElseThrow();
        Fx.run(() -> {
            KioskShell shell = Fx.shell(CLOCK, Theme.NORMAL);
            Fx.show(shell, slip, Language.EN);
            assertThat(text(shell, "payment-code")).isEqualTo("KS20 2611 2600 042")
                    .isEqualTo(com.simkiosk.printer.PaymentReference.grouped(slip.order().paymentCode()));
            shell.close();
        });
    }

    private static boolean near(Bounds a, Bounds b) {
        return Math.abs(a.getMinX() - b.getMinX()) < 0.5 && Math.abs(a.getMinY() - b.getMinY()) < 0.5
                && Math.abs(a.getWidth() - b.getWidth()) < 0.5 && Math.abs(a.getHeight() - b.getHeight()) < 0.5;
    }

    private static void tap(KioskShell shell, String id) {
        ((Button) shell.surface().lookup("#" + id)).fire();
    }

    private static String text(KioskShell shell, String id) {
        Node n = shell.surface().lookup("#" + id);
        assertThat(n).as("#%s", id).isNotNull();
        return LineBreaks.plain(((Labeled) n).getText()); // as read, without the line-break joiners
    }

    private static List<String> boxTexts(KioskShell shell) {
        return shell.surface().lookupAll(".entry-box").stream().map(n -> ((Label) n).getText()).toList();
    }

    /**
     * Reading, checking the SIM and looking up follow each other on one progress screen updated in place (issue 17):
     * each says its own step, and the "this is slow" note of one wait does not carry over to the next.
     */
    @Test
    void theWaitsShareOneScreenThatSaysEachStepAndStartsEachWithoutTheSlowNote() throws Exception {
        com.simkiosk.testing.MutableClock clock = new com.simkiosk.testing.MutableClock(FlowSamples.NOW);
        Messages en = Messages.of(Language.EN);
        KioskShell shell = Fx.call(() -> Fx.shell(clock, Theme.NORMAL));
        Node reading = Fx.call(() -> {
            Fx.show(shell, new State.Reading(), Language.EN);
            return shell.surface().lookup("#screen-reading");
        });
        assertThat(reading).isNotNull();
        clock.advance(com.simkiosk.kiosk.screen.progress.ProgressScreen.SLOW.plusSeconds(1));
        Fx.waitUntil("the slow note on the reading screen", () -> slowNote(shell).equals(en.get("lookup.slow")));

        Fx.run(() -> {
            Fx.show(shell, new State.CheckingSim(), Language.EN);
            assertThat(shell.surface().lookup("#screen-checkingSim")).as("the same screen, updated").isSameAs(reading);
            assertThat(shell.surface().lookup("#screen-reading")).isNull();
            assertThat(Fx.texts(shell.surface())).contains(en.get("screen.checkingSim")).doesNotContain(en.get("screen.reading"));
            assertThat(slowNote(shell)).as("a new wait starts without the slow note").isBlank();
            Fx.show(shell, new State.LookingUp(), Language.EN);
            assertThat(Fx.texts(shell.surface())).contains(en.get("screen.lookingUp"))
                    .doesNotContain(en.get("screen.checkingSim"), en.get("reading.keepInserted"));
            // Another language: the words of that language.
            Fx.show(shell, new State.LookingUp(), Language.JA);
            assertThat(Fx.texts(shell.surface())).contains(LineBreaks.plain(Messages.of(Language.JA).get("screen.lookingUp")));
            shell.close();
        });
    }

    private static String slowNote(KioskShell shell) {
        return ((Labeled) shell.surface().lookup("#slow-note")).getText();
    }
}
