package com.simkiosk.kiosk.screen.help;

import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.PaymentCodes;
import com.simkiosk.kiosk.screen.common.Ui;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The carrier's support, for a screen that sends the customer to it: "Ask your carrier", the phone number, and a QR
 * code of the support page to open on their phone. A card any screen or overlay can place.
 */
public final class ErrorSupport {
    static final int QR_SIZE = 200;

    private ErrorSupport() {}

    public static Node card(Messages m, SupportContact contact) {
        VBox card = new VBox(12);
        card.setId("carrier-support");
        card.getStyleClass().addAll("card", "support-card");
        card.setAlignment(Pos.CENTER);
        card.getChildren().add(Ui.label(m.get("support.title"), "headline"));
        contact.phone().ifPresent(phone -> {
            card.getChildren().add(Ui.label(m.get("support.phone"), "card-label"));
            Label number = Ui.label(phone, "card-value", "support-phone");
            number.setId("support-phone");
            card.getChildren().add(number);
        });
        contact.url().ifPresent(url -> {
            ImageView qr = new ImageView(PaymentCodes.qr(url.toString(), QR_SIZE));
            qr.setId("support-qr");
            qr.setUserData(url.toString());
            StackPane frame = new StackPane(qr); // a white quiet zone in every theme, so phones can read it
            frame.getStyleClass().add("qr-frame");
            frame.setMaxSize(QR_SIZE + 24, QR_SIZE + 24);
            card.getChildren().addAll(frame, Ui.hint(m.get("support.scan")));
        });
        card.setMaxWidth(560);
        card.setMinWidth(520);
        return card;
    }
}
