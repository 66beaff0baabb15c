package com.simkiosk.kiosk.screen.error;

import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.Pictures;
import com.simkiosk.kiosk.screen.common.Pictures.Problem;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.text.TextAlignment;

/**
 * A calm error, centred: an icon for the kind of problem (the card, the line, the service), what happened, what to
 * do, and the way forward as the primary button — try again where that can help, else the right next step.
 */
public final class ErrorScreen {
    /** The primary button of an error screen. */
    public enum WayForward {
        /** Trying the same step again can help. */
        RETRY,
        /** The card did not work, the phone number may. */
        USE_NUMBER,
        /** Nothing this kiosk can do for this SIM: end, and the SIM comes back. */
        TAKE_SIM,
        /** End the session and begin again (the SIM, if any, is asked back on the way). */
        START_OVER
    }

    private ErrorScreen() {}

    /** Which of the three kinds of problem an error is: the one home of this grouping. */
    public static Problem problem(ErrorKind kind) {
        return switch (kind) {
            case NOT_A_SIM, FOREIGN_SIM, CARD_REMOVED, READER_PROBLEM, CARD_TIMEOUT, WRONG_PIN, SIM_NOT_CONFIRMED -> Problem.CARD;
            case LINE_SUSPENDED, LINE_EXPIRED, LINE_TERMINATED, CANNOT_VERIFY, NUMBER_CANNOT_GET_CODES, DATA_ONLY_NUMBER, WRONG_CODE,
                 CODE_EXPIRED, WRONG_DETAIL, TOO_MANY_TRIES, NOT_FOUND -> Problem.LINE;
            case BACKEND_DOWN, PRINTER_UNAVAILABLE -> Problem.SERVICE;
        };
    }

    /**
     * The primary action. A foreign SIM is not sent to a keypad that only takes Japanese numbers: the customer
     * takes it back. A removed card has nothing to retry.
     */
    public static WayForward wayForward(ErrorKind kind, boolean canRetry) {
        if (canRetry) {
            return WayForward.RETRY;
        }
        if (kind == ErrorKind.FOREIGN_SIM) {
            return WayForward.TAKE_SIM;
        }
        if (kind.offersNumberEntry()) {
            return WayForward.USE_NUMBER;
        }
        return WayForward.START_OVER;
    }

    public static Parent view(State.Error s, ScreenContext ctx) {
        Messages m = ctx.messages();
        String key = s.kind().key();
        Label title = centred(Ui.title(m.get(key + ".title")));
        title.setId("error-title");
        Label body = centred(Ui.body(m.get(key + ".body")));
        body.setId("error-body");
        body.setMaxWidth(1400);
        WayForward forward = wayForward(s.kind(), s.canRetry());
        Runnable done = () -> ctx.fire(new Event.Done());
        Runnable useNumber = () -> ctx.fire(new Event.StartNumberEntry());
        HBox actions = new HBox(24);
        actions.setAlignment(Pos.CENTER);
        actions.getStyleClass().add("error-actions");
        if (forward != WayForward.START_OVER && forward != WayForward.TAKE_SIM) {
            actions.getChildren().add(Ui.button("done", m.get("error.action.startOver"), done));
        }
        if (forward == WayForward.RETRY && s.kind().offersNumberEntry() && s.kind() != ErrorKind.FOREIGN_SIM) {
            actions.getChildren().add(Ui.button("use-number", m.get("error.action.useNumber"), useNumber));
        }
        Button primary = switch (forward) {
            case RETRY -> Ui.primary("retry", m.get("error.action.retry"), () -> ctx.fire(new Event.Retry()));
            case USE_NUMBER -> Ui.primary("use-number", m.get("error.action.useNumber"), useNumber);
            case TAKE_SIM -> Ui.primary("done", m.get("error.action.takeSim"), done);
            case START_OVER -> Ui.primary("done", m.get("error.action.startOver"), done);
        };
        actions.getChildren().add(primary);
        var icon = Pictures.problem(problem(s.kind()), 200);
        var box = Ui.screen("screen-error", Ui.spacer(), icon, title, body, Ui.spacer(), actions);
        box.getStyleClass().add("error-screen");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Label centred(Label l) {
        l.setTextAlignment(TextAlignment.CENTER);
        l.setAlignment(Pos.CENTER);
        return l;
    }
}
