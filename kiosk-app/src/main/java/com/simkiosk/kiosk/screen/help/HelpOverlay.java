package com.simkiosk.kiosk.screen.help;

import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.FitPane;
import com.simkiosk.kiosk.screen.common.Ui;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
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

    /** The widest the help box gets, and its least distance from the window's edges. */
    static final double MAX_WIDTH = 1760;
    static final double MARGIN = 24;

    private HelpOverlay() {}

    public static Parent view(State state, Messages m, boolean callStaff, Optional<SupportContact> support,
                              boolean staffCalled, Actions actions) {
        // Three sections side by side, four in two columns, so that help fits on the glass in every language; in
        // large text what still does not fit is shrunk evenly (FitPane), never cut.
        List<String> topics = HelpTopics.forState(state);
        int columns = topics.size() == 3 ? 3 : topics.size() >= 4 ? 2 : 1;
        GridPane sections = new GridPane();
        sections.setId("help-sections");
        sections.setHgap(40);
        sections.setVgap(24);
        for (int c = 0; c < columns; c++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(100.0 / columns);
            sections.getColumnConstraints().add(half);
        }
        for (int i = 0; i < topics.size(); i++) {
            String topic = topics.get(i);
            Label title = Ui.label(m.get("help." + topic + ".title"), "headline");
            Label body = Ui.body(m.get("help." + topic + ".body"));
            body.setId("help-" + topic);
            VBox section = new VBox(6, title, body);
            GridPane.setValignment(section, javafx.geometry.VPos.TOP);
            sections.add(section, i % columns, i / columns);
        }
        HBox.setHgrow(sections, Priority.ALWAYS);
        HBox content = new HBox(32, sections);
        if (CarrierReferral.sendsToCarrier(state)) {
            support.ifPresent(c -> content.getChildren().add(ErrorSupport.card(m, c)));
        }
        Label notice = Ui.label(staffCalled ? m.get("help.staffCalled") : " ", "message-info", "body");
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
        actions2.getChildren().add(0, notice); // left of the buttons: the overlay stays within the glass
        notice.setMaxWidth(900);
        Label heading = Ui.title(m.get("help.title"));
        heading.setId("help-title");
        VBox box = new VBox(24, heading, content, actions2);
        StackPane scrim = Overlays.scrim("help-overlay", box, Pos.TOP_LEFT, MAX_WIDTH, javafx.scene.layout.Region.USE_PREF_SIZE);
        FitPane fit = FitPane.centred();
        fit.setContent(box);
        scrim.getChildren().setAll(fit);
        scrim.setPadding(new Insets(MARGIN));
        return scrim;
    }
}
