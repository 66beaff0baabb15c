package com.simkiosk.kiosk.screen.progress;

import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** Reading the SIM or waiting for the carrier: never a frozen screen, always a way out. */
public final class ProgressScreen {
    /** After this long, say that it is slow (and that Cancel is there). */
    public static final Duration SLOW = Duration.ofSeconds(6);

    private ProgressScreen() {}

    public static Parent reading(ScreenContext ctx) {
        return new View(ctx).show(Step.READING, ctx);
    }

    public static Parent lookingUp(ScreenContext ctx) {
        return new View(ctx).show(Step.LOOKING_UP, ctx);
    }

    /** The SIM proves itself to its carrier: nothing to type, the card stays in. */
    public static Parent checkingSim(ScreenContext ctx) {
        return new View(ctx).show(Step.CHECKING_SIM, ctx);
    }

    /** The three waits, each with its screen id, title and hint. */
    private enum Step {
        READING("screen-reading", "screen.reading", "reading.keepInserted"),
        CHECKING_SIM("screen-checkingSim", "screen.checkingSim", "reading.keepInserted"),
        LOOKING_UP("screen-lookingUp", "screen.lookingUp", "");

        final String id;
        final String title;
        final String hint;

        Step(String id, String title, String hint) {
            this.id = id;
            this.title = title;
            this.hint = hint;
        }

        static Optional<Step> of(State s) {
            if (s instanceof State.Reading) {
                return Optional.of(READING);
            } else if (s instanceof State.CheckingSim) {
                return Optional.of(CHECKING_SIM);
            } else if (s instanceof State.LookingUp) {
                return Optional.of(LOOKING_UP);
            }
            return Optional.empty();
        }
    }

    /** Whether {@code s} is a wait (reading, checking the SIM, looking up) shown on the progress screen. */
    public static boolean isWait(State s) {
        return Step.of(s).isPresent();
    }

    /**
     * One progress screen kept for the waits that follow each other (reading, checking the SIM, looking up): the next
     * wait changes its texts and id in place instead of building, styling and laying out a new screen with a new
     * spinner. Made again when the language changes. It shows no session data. FX thread only.
     */
    public static final class Shared {
        private Optional<View> view = Optional.empty();

        /** The progress screen for {@code s}, or nothing when {@code s} is not a wait. */
        public Optional<Parent> render(State s, ScreenContext ctx) {
            Optional<Step> step = Step.of(s);
            if (step.isEmpty()) {
                return Optional.empty();
            }
            View v = view.filter(shown -> shown.messages.language() == ctx.messages().language())
                    .orElseGet(() -> new View(ctx));
            view = Optional.of(v);
            return Optional.of(v.show(step.get(), ctx));
        }
    }

    private static final class View {
        final Messages messages;
        final Label title = Ui.headline(" ");
        final Label hint = Ui.hint(" ");
        final Label slow = Ui.hint(" ");
        final VBox box;

        View(ScreenContext ctx) {
            Messages m = ctx.messages();
            this.messages = m;
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setPrefSize(160, 160);
            slow.setId("slow-note");
            box = Ui.screen("screen-progress", Ui.spacer(), spinner, title, hint, slow, Ui.spacer(),
                    Ui.actions(Ui.button("cancel", m.get("common.cancel"), () -> ctx.fire(new Event.Cancel()))));
            box.setAlignment(Pos.CENTER);
        }

        /** Says {@code step}; after {@link #SLOW} on it, that it is slow. */
        Parent show(Step step, ScreenContext ctx) {
            box.setId(step.id);
            title.setText(messages.get(step.title));
            hint.setText(step.hint.isEmpty() ? " " : messages.get(step.hint));
            slow.setText(" ");
            Instant shownAt = ctx.clock().instant();
            ctx.onTick(now -> {
                if (Duration.between(shownAt, now).compareTo(SLOW) >= 0) {
                    slow.setText(messages.get("lookup.slow"));
                }
            });
            return box;
        }
    }
}
