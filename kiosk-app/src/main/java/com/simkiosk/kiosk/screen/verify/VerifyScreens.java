package com.simkiosk.kiosk.screen.verify;

import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.EntryBoxes;
import com.simkiosk.kiosk.screen.common.Keypad;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Proving the line is yours: choose a method, SMS code, SIM PIN (and its refusal), a registered detail. */
public final class VerifyScreens {
    static final int CODE_LENGTH = 6;
    static final int PIN_MAX = 8;
    static final int PIN_MIN = 4;
    static final int DETAIL_MAX = 16;

    private VerifyScreens() {}

    public static Parent choose(State.ChooseVerification s, ScreenContext ctx) {
        Messages m = ctx.messages();
        VBox buttons = methodButtons(s.methods(), ctx);
        return Ui.screen("screen-chooseVerification", Ui.title(m.get("screen.chooseVerification")), Ui.spacer(), buttons, Ui.spacer(),
                Ui.actions(Ui.button("back", m.get("common.cancel"), () -> ctx.fire(new Event.Back()))));
    }

    public static Parent code(State.EnterCode s, ScreenContext ctx) {
        Messages m = ctx.messages();
        Label sent = Ui.body(m.get("sms.sentTo", s.maskedNumber()));
        Label tries = Ui.label(m.get("sms.attemptsLeft", s.attemptsLeft()), "body", s.attemptsLeft() <= 1 ? "warning" : "muted");
        tries.setId("attempts-left");
        Button resend = Ui.button("resend", m.get("sms.resend"), () -> ctx.fire(new Event.ResendCode()));
        Label cooldown = Ui.hint(" ");
        cooldown.setId("resend-cooldown");
        Consumer<Instant> tick = now -> {
            long wait = Messages.secondsLeft(now, s.resendAllowedAt());
            boolean canResend = s.resendsLeft() > 0 && !now.isBefore(s.resendAllowedAt());
            resend.setDisable(!canResend);
            cooldown.setText(s.resendsLeft() > 0 && wait > 0 ? m.get("sms.resendIn", wait) : " ");
        };
        tick.accept(ctx.clock().instant());
        ctx.onTick(tick);
        return entry("screen-enterCode", m.get("screen.enterCode"), List.of(sent, tries), s.notice(), CODE_LENGTH, CODE_LENGTH,
                Kind.CODE, "sms.verify", Event.CodeSubmitted::new, resend, cooldown, ctx);
    }

    public static Parent pin(State.EnterPin s, ScreenContext ctx) {
        Messages m = ctx.messages();
        Label tries = Ui.label(m.get("pin.triesLeft", s.triesLeft()), "body", "muted");
        tries.setId("tries-left");
        return entry("screen-enterPin", m.get("screen.enterPin"), List.of(Ui.hint(m.get("pin.hint")), tries), s.notice(), PIN_MIN, PIN_MAX,
                Kind.PIN, "pin.verify", Event.PinSubmitted::new, null, null, ctx);
    }

    public static Parent pinRefused(State.PinRefused s, ScreenContext ctx) {
        Messages m = ctx.messages();
        Label why = Ui.body(m.get(s.reasonKey()));
        why.setId("refusal-reason");
        why.setMaxWidth(1400);
        VBox others = methodButtons(s.otherMethods(), ctx);
        if (!s.otherMethods().isEmpty()) {
            others.getChildren().add(0, Ui.hint(m.get("pin.refused.other")));
        }
        return Ui.screen("screen-pinRefused", Ui.title(m.get("screen.pinRefused")), why, Ui.spacer(), others, Ui.spacer(),
                Ui.actions(Ui.primary("done", m.get("common.done"), () -> ctx.fire(new Event.Done()))));
    }

    public static Parent detail(State.EnterDetail s, ScreenContext ctx) {
        Messages m = ctx.messages();
        String base = "detail." + s.method().name();
        Label tries = Ui.label(m.get("sms.attemptsLeft", s.attemptsLeft()), "body", "muted");
        tries.setId("attempts-left");
        return entry("screen-enterDetail", m.get(base + ".title"), List.of(Ui.hint(m.get(base + ".hint")), tries), s.notice(),
                1, DETAIL_MAX, Kind.DETAIL, "detail.verify", Event.DetailSubmitted::new, null, null, ctx);
    }

    private static VBox methodButtons(List<VerificationMethod> methods, ScreenContext ctx) {
        VBox box = new VBox(20);
        box.setAlignment(Pos.CENTER);
        for (VerificationMethod method : methods) {
            Button b = Ui.button("method-" + method.name(), ctx.messages().get("verify.method." + method.name()),
                    () -> ctx.fire(new Event.MethodChosen(method)));
            b.setMinWidth(900);
            box.getChildren().add(b);
        }
        return box;
    }

    /**
     * A keypad entry screen; the typed text lives in {@link ScreenContext#entry()}. A code or PIN shows one box per
     * digit it can have ({@code min}..{@code max}), a registered detail a field.
     */
    private static Parent entry(String id, String title, List<Node> info, Optional<ErrorKind> notice, int min, int max,
                                Kind kind, String submitKey, Function<String, Event> submit, Button extra, Label extraNote,
                                ScreenContext ctx) {
        Messages m = ctx.messages();
        StringBuilder typed = ctx.entry();
        Button ok = Ui.primary("submit", m.get(submitKey), () -> {
            String value = typed.toString();
            typed.setLength(0);
            ctx.fire(submit.apply(value));
        });
        Label field = Ui.label(" ", "entry-field");
        field.setId("entry-field");
        EntryBoxes boxes = kind == Kind.PIN ? EntryBoxes.pin(min, max) : EntryBoxes.code(max);
        Label count = Ui.hint(" ");
        count.setId("entry-count");
        Runnable refresh = () -> {
            field.setText(typed.length() == 0 ? " " : typed.toString());
            boxes.show(typed);
            if (kind == Kind.PIN) {
                count.setText(m.get("keypad.pinCount", typed.length(), min, max));
            }
            ok.setDisable(typed.length() < min);
        };
        refresh.run();
        Keypad keypad = new Keypad(m, key -> {
            Keypad.edit(typed, key, max);
            ctx.fire(new Event.UserActivity());
            refresh.run();
        }, kind == Kind.DETAIL, kind == Kind.DETAIL ? field : boxes, ok);
        Label problem = Ui.label(" ", "message-error");
        problem.setId("notice");
        notice.ifPresent(k -> problem.setText(m.notice(k.key())));
        VBox left = new VBox(20);
        left.getStyleClass().add("keypad-info");
        left.getChildren().add(Ui.title(title));
        left.getChildren().addAll(info);
        if (kind == Kind.PIN) {
            left.getChildren().add(count);
        }
        left.getChildren().add(problem);
        if (extra != null) {
            left.getChildren().addAll(extra, extraNote);
        }
        return Keypad.screen(id, left, keypad, Ui.button("back", m.get("common.back"), () -> ctx.fire(new Event.Back())));
    }

    /** What is typed: a code (one box per digit), a PIN (boxes with dots), or a registered detail (a field). */
    private enum Kind { CODE, PIN, DETAIL }
}
