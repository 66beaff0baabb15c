package com.simkiosk.kiosk.theme;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.app.Fx;
import javafx.application.Application;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's own user-agent sheet in place of Modena (issue 17, cold start): every styled scene uses it, and what the
 * kiosk's screens took from Modena is still there: button texts centred, text centred on its cap height, a spinner
 * with a full ring of dots.
 */
class KioskBaseSheetTest {
    @BeforeAll
    static void start() throws Exception {
        Fx.start();
    }

    @Test
    void aStyledSceneUsesTheKioskBaseSheetAndKeepsWhatTheScreensTookFromModena() throws Exception {
        Fx.run(() -> {
            Button button = new Button("OK");
            button.setMinWidth(400);
            Label label = new Label("残り");
            ProgressIndicator spinner = new ProgressIndicator();
            Scene scene = new Scene(new VBox(button, label, spinner), 800, 600);
            Styling.apply(scene, Theme.NORMAL);
            scene.getRoot().applyCss();

            assertThat(Application.getUserAgentStylesheet()).endsWith("/com/simkiosk/kiosk/theme/kiosk-base.css");
            assertThat(button.getAlignment()).as("a button's text is centred").isEqualTo(Pos.CENTER);
            Text text = (Text) label.lookup(".text");
            assertThat(text.getBoundsType()).isEqualTo(TextBoundsType.LOGICAL_VERTICAL_CENTER);
            assertThat(spinner.lookupAll(".segment")).as("the spinner's ring of dots").hasSize(12);
            assertThat(spinner.lookup(".segment0")).isNotNull();
            assertThat(((javafx.scene.layout.Region) spinner.lookup(".segment0")).getShape()).isNotNull();
        });
    }
}
