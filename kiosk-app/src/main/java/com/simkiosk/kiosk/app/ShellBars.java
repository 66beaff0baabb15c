package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.attract.AttractScreen;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import com.simkiosk.kiosk.screen.help.ErrorSupport;
import com.simkiosk.kiosk.screen.help.SupportContact;
import com.simkiosk.kiosk.theme.Look;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The shell's chrome around the screen: the top bar (title, DEMO mark), the bottom bar (Help, Display, and in a
 * session the languages) and the carrier's support beside an error. Built once and updated in place (texts, the
 * current language's pseudo-class, the language row in or out) so that a new step styles and lays out only its own
 * screen: building and styling these bars again on every state change was most of the FX thread's work per step.
 * None of it holds session data: the texts come from the bundles, the look and the configured support contacts.
 * FX thread only.
 */
final class ShellBars {
    private final HBox top = new HBox(16);
    private final Label title;
    private final Optional<Label> demoMark;
    private final HBox bottom = new HBox(16);
    private final Button help;
    private final Button display;
    private final HBox languageRow = new HBox(8);
    private final Map<Language, Button> languageButtons = new EnumMap<>(Language.class);
    private final StackPane side = new StackPane();

    private Optional<Language> language = Optional.empty();
    private Optional<Look> look = Optional.empty();
    private Optional<Language> current = Optional.empty();
    private Optional<SupportContact> sideContact = Optional.empty();
    private Optional<Language> sideLanguage = Optional.empty();

    /** {@code languageChoice} sends the language buttons' events. */
    ShellBars(boolean demo, List<Language> languages, Runnable openHelp, Runnable openDisplayMenu, ScreenContext languageChoice) {
        top.getStyleClass().add("top-bar");
        top.setId("top-bar");
        title = Ui.label(" ", "body");
        title.setMinWidth(0);
        top.getChildren().add(title);
        if (demo) {
            Label mark = new Label(" ");
            mark.setId("demo-mark");
            mark.getStyleClass().add("demo-mark");
            top.getChildren().add(mark);
            demoMark = Optional.of(mark);
        } else {
            demoMark = Optional.empty();
        }

        bottom.getStyleClass().add("bottom-bar");
        bottom.setId("bottom-bar");
        help = Ui.primary("help", " ", openHelp);
        display = Ui.button("display", " ", openDisplayMenu);
        for (Button b : List.of(help, display)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setWrapText(false);
        }
        bottom.getChildren().addAll(help, display, Ui.spacer());
        languageRow.getStyleClass().add("language-bar");
        for (Language l : languages) {
            // Made with no current language: update() marks the current one.
            Button b = AttractScreen.languageButton(l, null, languageChoice);
            languageButtons.put(l, b);
            languageRow.getChildren().add(b);
        }
        side.getStyleClass().add("support-side");
    }

    Node top() {
        return top;
    }

    Node bottom() {
        return bottom;
    }

    /**
     * Brings the bars to {@code state} in {@code language} with {@code look} described on the Display button. Only what
     * differs from what is on the glass is touched.
     */
    void update(State state, Language language, Messages m, Look look) {
        if (!this.language.equals(Optional.of(language))) {
            title.setText(m.get("app.title"));
            demoMark.ifPresent(mark -> mark.setText(m.get("demo.mark")));
            help.setText("? " + m.get("help.button"));
        }
        if (!this.language.equals(Optional.of(language)) || !this.look.equals(Optional.of(look))) {
            display.setText("◐ " + m.get("display.title") + ": " + DisplayMenu.describe(look, m));
        }
        this.language = Optional.of(language);
        this.look = Optional.of(look);
        // In a session the bar offers the languages; the attract screens have their own large ones.
        boolean showLanguages = state.inSession();
        if (showLanguages && !bottom.getChildren().contains(languageRow)) {
            bottom.getChildren().add(languageRow);
        } else if (!showLanguages) {
            bottom.getChildren().remove(languageRow);
        }
        if (!current.equals(Optional.of(language))) {
            current.map(languageButtons::get).ifPresent(b -> b.getStyleClass().remove("current"));
            Optional.ofNullable(languageButtons.get(language)).ifPresent(b -> b.getStyleClass().add("current"));
            current = Optional.of(language);
        }
    }

    /**
     * The carrier's support card for {@code contact} in {@code language}, or nothing. The card (with its QR code) is
     * made again only when the contact or the language differs from the last one shown.
     */
    Optional<Node> side(Optional<SupportContact> contact, Language language, Messages m) {
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        if (!Objects.equals(sideContact, contact) || !sideLanguage.equals(Optional.of(language))) {
            side.getChildren().setAll(ErrorSupport.card(m, contact.get()));
            sideContact = contact;
            sideLanguage = Optional.of(language);
        }
        return Optional.of(side);
    }
}
