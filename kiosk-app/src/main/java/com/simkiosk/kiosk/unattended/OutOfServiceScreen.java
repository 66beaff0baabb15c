package com.simkiosk.kiosk.unattended;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.i18n.LanguageLook;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.Ui;
import com.simkiosk.kiosk.screen.help.Overlays;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * "Temporarily out of service", calmly, in every language of the kiosk at once (nobody has chosen one): a title and
 * a line each, nothing to tap. What staff should check is in maintenance, not on the glass. FX thread.
 */
final class OutOfServiceScreen {
    static final String ID = "out-of-service";

    private OutOfServiceScreen() {}

    static StackPane view(List<Language> languages) {
        VBox box = new VBox(28);
        box.setId("out-of-service-box");
        for (Language l : languages) {
            Messages m = Messages.of(l);
            Label title = Ui.headline(m.get("unattended.outOfService.title"));
            Label body = Ui.body(m.get("unattended.outOfService.body"));
            title.getStyleClass().add(LanguageLook.styleClass(l));
            body.getStyleClass().add(LanguageLook.styleClass(l));
            VBox one = new VBox(4, title, body);
            one.setAlignment(Pos.CENTER);
            one.setId("out-of-service-" + l.tag());
            box.getChildren().add(one);
        }
        box.getStyleClass().add("out-of-service");
        return Overlays.scrim(ID, box, Pos.CENTER, 1400, 960);
    }
}
