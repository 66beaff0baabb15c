package com.simkiosk.kiosk.voice;

import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.Units;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.State;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each screen says, in order: a notice first when the screen came back with one (a wrong PIN), then what the
 * screen is, what it shows (the balance's actual figures) and what to do. Personal values are spoken as the screen
 * shows them masked (the last four digits of a number); a PIN, a code or a payment code never.
 */
public final class ScreenSpeech {
    private ScreenSpeech() {}

    public static List<Utterance> of(State state, SpeechScripts s) {
        List<Utterance> out = new ArrayList<>();
        SpokenFigures f = s.figures();
        if (state instanceof State.Attract) {
            out.add(s.fixed("attract"));
        } else if (state instanceof State.ReaderUnavailable) {
            out.add(s.fixed("readerUnavailable"));
        } else if (state instanceof State.EnterNumber) {
            out.add(s.fixed("enterNumber"));
        } else if (state instanceof State.Reading) {
            out.add(s.fixed("reading"));
        } else if (state instanceof State.CheckingSim) {
            out.add(s.fixed("checkingSim"));
        } else if (state instanceof State.LookingUp) {
            out.add(s.fixed("lookingUp"));
        } else if (state instanceof State.ChooseVerification c) {
            out.add(s.fixed("chooseVerification"));
            c.methods().forEach(m -> out.add(s.fixed("method." + m.name())));
        } else if (state instanceof State.EnterCode c) {
            c.notice().ifPresent(k -> out.add(error(k, s)));
            out.add(s.withFigures("enterCode", f.digitsOneByOne(lastFour(c.maskedNumber()))));
            out.add(s.withFigures("enterCode.attemptsLeft", f.tries(c.attemptsLeft())));
        } else if (state instanceof State.EnterPin p) {
            p.notice().ifPresent(k -> out.add(error(k, s)));
            out.add(s.withFigures("enterPin", f.tries(p.triesLeft())));
        } else if (state instanceof State.PinRefused p) {
            out.add(s.fixed(p.triesLeft() <= 0 ? "pinRefused.blocked" : "pinRefused.lastTry"));
            out.add(s.fixed(p.otherMethods().isEmpty() ? "pinRefused.done" : "pinRefused.other"));
        } else if (state instanceof State.EnterDetail d) {
            d.notice().ifPresent(k -> out.add(error(k, s)));
            out.add(s.fixed("enterDetail." + d.method().name()));
        } else if (state instanceof State.ShowBalance b) {
            balance(b.balance(), s, out);
        } else if (state instanceof State.TopUpOffers o) {
            offers(o.offers(), s, out);
        } else if (state instanceof State.TopUpConfirm c) {
            out.add(s.withFigures("topUp.confirm", f.data(c.offer().dataBytes()),
                f.yen(c.offer().priceYen()), f.days(c.offer().validity().toDays())));
        } else if (state instanceof State.TopUpSlip slip) {
            ZonedDateTime payBy = slip.order().payBy().atZone(Units.JAPAN);
            out.add(s.withFigures("slip", f.yen(slip.order().amountYen()), f.date(payBy.toLocalDate()),
                    f.time(payBy.toLocalTime())));
            out.add(s.fixed(switch (slip.print()) {
                case PRINTING -> "slip.printing";
                case PRINTED -> "slip.printed";
                case PRINTER_UNAVAILABLE -> "slip.noPrinter";
            }));
        } else if (state instanceof State.TakeSim t) {
            out.add(s.fixed(t.withSlip() ? "takeSim.withSlip" : "takeSim"));
        } else if (state instanceof State.TakeSlip) {
            out.add(s.fixed("takeSlip"));
        } else if (state instanceof State.NetworkConsent c) {
            out.add(s.fixed(c.foreign() ? "network.consent.foreign" : "network.consent.domestic"));
            out.add(s.fixed("network.consent.choose"));
        } else if (state instanceof State.AskingNetwork) {
            out.add(s.fixed("network.asking"));
        } else if (state instanceof State.NetworkBalance) {
            out.add(s.fixed("network.balance")); // the carrier's words stay on the screen, not said aloud in the shop
        } else if (state instanceof State.NetworkUnanswered u) {
            out.add(s.fixed("network.unanswered"));
            out.add(s.fixed(u.canRetry() ? "error.retryOrDone" : "error.done"));
        } else if (state instanceof State.Error e) {
            out.add(error(e.kind(), s));
            if (e.kind().offersNumberEntry()) {
                out.add(s.fixed("error.orNumber"));
            }
            out.add(s.fixed(e.canRetry() ? "error.retryOrDone" : "error.done"));
        }
        return List.copyOf(out);
    }

    /** The idle warning: "Are you still there? Touch the screen to continue …". */
    public static Utterance idle(int seconds, SpeechScripts s) {
        return s.withFigures("idle", s.figures().number(seconds));
    }

    static Utterance error(ErrorKind kind, SpeechScripts s) {
        return s.fixed(kind.key());
    }

    private static void balance(BalanceView b, SpeechScripts s, List<Utterance> out) {
        SpokenFigures f = s.figures();
        out.add(s.fixed("balance.intro"));
        out.add(s.fixed("balance.situation." + b.situation().name()));
        if (b.hasData()) {
            out.add(s.withFigures("balance.data", f.data(b.dataRemainingBytes())));
        } else {
            out.add(s.fixed("balance.dataNone"));
        }
        Optional<Instant> expires = b.expires();
        if (expires.isPresent()) {
            ZonedDateTime at = expires.get().atZone(Units.JAPAN);
            out.add(s.withFigures("balance.expires", f.date(at.toLocalDate()), f.time(at.toLocalTime())));
            b.daysLeft().filter(d -> b.expiryWarning() && d > 0).ifPresent(d -> out.add(s.withFigures("balance.daysLeft", f.days(d))));
        } else {
            out.add(s.fixed("balance.noExpiry"));
        }
        b.runsOutFirst().ifPresent(day -> out.add(s.withFigures("balance.runsOut", f.date(day))));
        b.yen().ifPresent(y -> out.add(s.withFigures("balance.yen", f.yen(y))));
        b.voiceSeconds().ifPresent(v -> out.add(s.withFigures("balance.voice", f.minutes(v / 60))));
        b.sms().ifPresent(n -> out.add(s.withFigures("balance.sms", f.messages(n))));
        out.add(s.fixed(b.topUpFirst() ? "balance.next.topUp" : b.topUp().offered() ? "balance.next.doneOrTopUp"
                : b.situation().needsAction() ? "balance.next.nothingOnSale" : "balance.next.done"));
    }

    private static void offers(List<TopUpOffer> offers, SpeechScripts s, List<Utterance> out) {
        SpokenFigures f = s.figures();
        if (offers.isEmpty()) {
            out.add(s.fixed("topUp.none"));
            return;
        }
        out.add(s.withFigures("topUp.intro", f.choices(offers.size())));
        for (int i = 0; i < offers.size(); i++) {
            TopUpOffer o = offers.get(i);
            out.add(s.withFigures("topUp.offer", f.number(i + 1), f.data(o.dataBytes()), f.yen(o.priceYen()),
                    f.days(o.validity().toDays())));
        }
        out.add(s.fixed("topUp.choose"));
    }

    /** The last four digits the masked number shows ({@code 090-****-5678} → {@code 5678}). */
    static String lastFour(String masked) {
        String digits = masked.replaceAll("\\D", "");
        return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
    }
}
