package com.simkiosk.kiosk.screen.help;

import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.Ui;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The help overlay: what the current step wants, in a few short sections, the carrier's support where only the
 * carrier can help, "Call staff" when the kiosk offers it, and Close. It renders only; the shell decides when.
 */
public final class HelpOverlay {
    /** What the overlay's buttons do. */
    public interface Actions {
        void callStaff();

        void close();
    }

    private HelpOverlay() {}

    public static Parent view(State state, Messages m, boolean callStaff, Optional<SupportContact> support,
                              boolean staffCalled, Actions actions) {
        VBox sections = new VBox(20);
        sections.setId("help-sections");
        for (String topic : HelpTopics.forState(state)) {
            Label title = Ui.label(m.get("help." + topic + ".title"), "headline");
            Label body = Ui.body(m.get("help." + topic + ".body"));
            body.setId("help-" + topic);
            sections.getChildren().add(new VBox(6, title, body));
        }
        HBox.setHgrow(sections, Priority.ALWAYS);
        HBox content = new HBox(32, sections);
        if (CarrierReferral.sendsToCarrier(state)) {
            support.ifPresent(c -> content.getChildren().add(ErrorSupport.card(m, c)));
        }
        Label notice = Ui.label(staffCalled ? m.get("help.staffCalled") : " ", "message-info", "headline");
        notice.setId("help-staff-notice");
        HBox actions2 = Ui.actions();
        if (callStaff) {
            Button call = Ui.button("help-call-staff", m.get("help.callStaff"), () -> {
                actions.callStaff();
                notice.setText(m.get("help.staffCalled"));
            });
            actions2.getChildren().add(call);
        }
        actions2.getChildren().add(Ui.primary("help-close", m.get("help.close"), actions::close));
        Label heading = Ui.title(m.get("help.title"));
        heading.setId("help-title");
        VBox box = new VBox(24, heading, content, notice, actions2);
        return Overlays.scrim("help-overlay", box, Pos.TOP_LEFT, 1600, 960);
    }
}
