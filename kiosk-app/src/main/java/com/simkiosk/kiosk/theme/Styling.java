package com.simkiosk.kiosk.theme;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.i18n.LanguageLook;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Puts the layout sheet and a look's sheets on a scene, and the language's font class on a node. FX thread only. */
public final class Styling {
    private static final String LAYOUT = Styling.class.getResource("kiosk.css").toExternalForm();
    /** The user-agent sheet: what the kiosk's controls need beneath kiosk.css, instead of JavaFX's Modena. */
    private static final String BASE = Styling.class.getResource("kiosk-base.css").toExternalForm();

    private Styling() {}

    public static void apply(Scene scene, Theme theme) {
        apply(scene, theme.look());
    }

    public static void apply(Scene scene, Look look) {
        useKioskBase();
        List<String> sheets = new ArrayList<>();
        sheets.add(LAYOUT);
        sheets.addAll(look.stylesheetUrls());
        scene.getStylesheets().setAll(sheets);
    }

    /**
     * Makes the kiosk's base sheet the user-agent sheet of every scene, in place of Modena (issue 17, cold start). Called
     * before the first control is made, JavaFX never loads Modena (its controls load it when their class is first used
     * unless a sheet is set); called later, the scenes are restyled with it. Idempotent. FX thread.
     */
    public static void useKioskBase() {
        if (!BASE.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(BASE);
        }
    }

    /** Swaps the {@code lang-*} class so the right Noto CJK face draws every text below {@code root}. */
    public static void applyLanguage(Parent root, Language language) {
        root.getStyleClass().removeIf(c -> c.startsWith("lang-"));
        root.getStyleClass().add(LanguageLook.styleClass(language));
    }
}
