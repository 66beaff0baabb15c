package com.simkiosk.kiosk.demo;

import com.simkiosk.carrier.Msisdn;
import com.simkiosk.kiosk.app.KioskRuntime;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.Ui;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.SmsOutbox;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * Beside the demo kiosk: the SIM tray (insert any demo SIM, or a foreign SIM, a bank card, a SIM with one PIN try
 * left; remove it) and the SMS outbox of the simulated carrier, so that a visitor can read the code they were sent.
 * Demo data only: the hints show the demo lines' numbers, PINs and registered details on purpose.
 */
final class DemoPanel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(com.simkiosk.carrier.Units.JAPAN);
    static final double WIDTH = 420;

    private final DemoKiosk demo;
    private final DemoTray hands;
    private final KioskRuntime runtime;
    private final VBox outbox = new VBox(6);

    DemoPanel(DemoKiosk demo, DemoTray hands, KioskRuntime runtime) {
        this.demo = demo;
        this.hands = hands;
        this.runtime = runtime;
    }

    Node view() {
        Messages m = runtime.messages();
        VBox tray = new VBox(8);
        for (DemoLine line : demo.lines().all()) {
            tray.getChildren().add(insert("tray-" + line.key(), line.label(), hint(line), () -> hands.insertSim(line, 3)));
        }
        DemoLine pinLine = demo.lines().all().stream()
                .filter(l -> l.verificationMethods().contains(com.simkiosk.carrier.VerificationMethod.SIM_PIN))
                .findFirst().orElse(demo.lines().touristData());
        tray.getChildren().add(insert("tray-pin-last-try", pinLine.label() + ": 1 PIN try left", "", () -> hands.insertSim(pinLine, 1)));
        // Issue 16, near the top of the tray: the tourist SIM that proves itself, and a forgery of it.
        DemoLine tourist = demo.lines().touristData();
        int top = Math.min(1, tray.getChildren().size());
        tray.getChildren().add(top, insert("tray-genuine-usim", tourist.label() + ": genuine SIM (proves itself)", "",
                () -> hands.insertUsim(tourist, true)));
        tray.getChildren().add(top + 1, insert("tray-forged-usim", tourist.label() + ": forged SIM (same ICCID, wrong key)", "",
                () -> hands.insertUsim(tourist, false)));
        tray.getChildren().add(insert("tray-foreign", "Korean SIM (foreign)", "", hands::insertForeignSim));
        tray.getChildren().add(insert("tray-bank-card", "Bank card (not a SIM)", "", hands::insertBankCard));
        // "Remove" stays in view above the list, whatever is scrolled.
        Button remove = Ui.button("tray-remove", m.get("demo.tray.remove"), hands::remove);
        remove.getStyleClass().add("primary");
        remove.setMaxWidth(Double.MAX_VALUE);

        outbox.getChildren().setAll(Ui.label(m.get("demo.outbox.empty"), "hint"));
        SmsOutbox.Subscription subscription = demo.simulator().smsOutbox().addListener(sms -> Platform.runLater(() -> show(sms)));
        VBox box = new VBox(12, Ui.label(m.get("demo.tray.title"), "headline"), remove, scroll(tray, 600),
                Ui.label(m.get("demo.outbox.title"), "headline"), scroll(outbox, 260));
        box.setUserData(subscription);
        box.setPrefWidth(WIDTH);
        box.setMinWidth(WIDTH);
        box.setMaxWidth(WIDTH);
        box.setPrefHeight(com.simkiosk.kiosk.app.KioskShell.HEIGHT);
        box.getStyleClass().add("demo-panel");
        box.setId("demo-panel");
        return box;
    }

    private static ScrollPane scroll(Node content, double height) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(height);
        scroll.setMaxHeight(height);
        return scroll;
    }

    private void show(SmsOutbox.Sms sms) {
        if (outbox.getChildren().size() == 1 && outbox.getChildren().get(0).getStyleClass().contains("hint")) {
            outbox.getChildren().clear();
        }
        Label l = Ui.label(TIME.format(sms.sentAt()) + "  → " + new Msisdn(sms.toE164()).masked() + "\n" + sms.text(), "body");
        l.setId("sms-" + outbox.getChildren().size());
        outbox.getChildren().add(0, l);
    }

    private Node insert(String id, String label, String hint, Runnable action) {
        Button b = Ui.button(id, label, action);
        b.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(2, b);
        if (!hint.isEmpty()) {
            box.getChildren().add(Ui.label(hint, "hint"));
        }
        return box;
    }

    /** What a demo visitor needs to get through verification with this line. */
    private static String hint(DemoLine line) {
        StringBuilder s = new StringBuilder();
        line.msisdn().ifPresent(n -> s.append("☎ 0").append(n.e164().substring(3)).append("  "));
        s.append("PIN ").append(line.simPin()).append("  ID ").append(line.idDocument()).append("  #").append(line.orderNumber());
        return s.toString();
    }
}
