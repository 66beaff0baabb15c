package com.simkiosk.kiosk.voice;

import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.Situation;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.flow.TopUpChoice;
import com.simkiosk.kiosk.theme.Look;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every prompt the kiosk can say, with sample figures (a made-up line: 620 MB left, expiring Wednesday
 * 2 December 2026 at 23:59 Japan time): what {@code ./kiosk voice-check} renders and the completeness test checks.
 */
public final class VoiceSamples {
    /** A Monday morning in Japan. */
    public static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    static final Instant EXPIRES = Instant.parse("2026-12-02T14:59:00Z");
    static final TopUpOffer OFFER_3GB = new TopUpOffer("topup-3gb", "3GB 30日", 3_000_000_000L, 1_500, Duration.ofDays(30));
    static final TopUpOffer OFFER_1GB = new TopUpOffer("topup-1gb", "1GB 7日", 1_000_000_000L, 600, Duration.ofDays(7));

    /** One prompt of one screen: {@code screen} names it for a person reading voice.json. */
    public record Prompt(String screen, Utterance utterance) {}

    private VoiceSamples() {}

    /** Sample screens, each with a short name. */
    public static List<java.util.Map.Entry<String, State>> screens() {
        List<java.util.Map.Entry<String, State>> s = new ArrayList<>();
        s.add(java.util.Map.entry("attract", new State.Attract()));
        s.add(java.util.Map.entry("readerUnavailable", new State.ReaderUnavailable()));
        s.add(java.util.Map.entry("enterNumber", new State.EnterNumber("", "", false)));
        s.add(java.util.Map.entry("reading", new State.Reading()));
        s.add(java.util.Map.entry("checkingSim", new State.CheckingSim()));
        s.add(java.util.Map.entry("lookingUp", new State.LookingUp()));
        s.add(java.util.Map.entry("chooseVerification", new State.ChooseVerification(List.of(VerificationMethod.values()))));
        s.add(java.util.Map.entry("enterCode", new State.EnterCode("090-****-5678", 3, NOW, 2, Optional.empty())));
        s.add(java.util.Map.entry("enterCode.wrong", new State.EnterCode("090-****-5678", 2, NOW, 2, Optional.of(ErrorKind.WRONG_CODE))));
        s.add(java.util.Map.entry("enterPin", new State.EnterPin(3, Optional.empty())));
        s.add(java.util.Map.entry("enterPin.wrong", new State.EnterPin(2, Optional.of(ErrorKind.WRONG_PIN))));
        s.add(java.util.Map.entry("pinRefused.lastTry", new State.PinRefused(1, List.of(VerificationMethod.ID_DOCUMENT))));
        s.add(java.util.Map.entry("pinRefused.blocked", new State.PinRefused(0, List.of())));
        s.add(java.util.Map.entry("enterDetail.id", new State.EnterDetail(VerificationMethod.ID_DOCUMENT, 3, Optional.empty())));
        s.add(java.util.Map.entry("enterDetail.order", new State.EnterDetail(VerificationMethod.ORDER_NUMBER, 2,
                Optional.of(ErrorKind.WRONG_DETAIL))));
        for (Situation situation : Situation.values()) {
            s.add(java.util.Map.entry("balance." + situation.name(), new State.ShowBalance(balance(situation))));
        }
        s.add(java.util.Map.entry("balance.callsOnly", new State.ShowBalance(balance(Situation.FINE, TopUpChoice.NONE, false))));
        s.add(java.util.Map.entry("balance.EXPIRED.nothingOnSale",
                new State.ShowBalance(balance(Situation.EXPIRED, TopUpChoice.NONE, true))));
        s.add(java.util.Map.entry("topUpOffers", new State.TopUpOffers(List.of(OFFER_3GB, OFFER_1GB))));
        s.add(java.util.Map.entry("topUpOffers.none", new State.TopUpOffers(List.of())));
        s.add(java.util.Map.entry("topUpConfirm", new State.TopUpConfirm(OFFER_3GB)));
        TopUpOrder order = new TopUpOrder("ORD-0001", OFFER_3GB.id(), 1_500, "KS2026113000042", NOW.plus(Duration.ofMinutes(30)));
        for (State.PrintStatus p : State.PrintStatus.values()) {
            s.add(java.util.Map.entry("topUpSlip." + p.name(), new State.TopUpSlip(order, OFFER_3GB, p)));
        }
        s.add(java.util.Map.entry("takeSim", new State.TakeSim(false)));
        s.add(java.util.Map.entry("takeSim.withSlip", new State.TakeSim(true)));
        s.add(java.util.Map.entry("takeSlip", new State.TakeSlip()));
        for (ErrorKind kind : ErrorKind.values()) {
            s.add(java.util.Map.entry("error." + kind.name(), new State.Error(kind, kind.retryable())));
        }
        var ussd = com.simkiosk.card.network.NetworkReply.Source.USSD;
        s.add(java.util.Map.entry("networkConsent.foreign", new State.NetworkConsent(true, ussd)));
        s.add(java.util.Map.entry("networkConsent.domestic", new State.NetworkConsent(false, ussd)));
        s.add(java.util.Map.entry("askingNetwork", new State.AskingNetwork(ussd)));
        s.add(java.util.Map.entry("networkBalance", new State.NetworkBalance(ussd, NOW,
                com.simkiosk.card.network.BalanceReading.rawOnly("Your balance is 7.80 GBP"))));
        s.add(java.util.Map.entry("networkUnanswered", new State.NetworkUnanswered(
                com.simkiosk.card.network.NetworkError.NO_COVERAGE, true)));
        return s;
    }

    /** A balance in {@code situation}: 620 MB of 3 GB left, ¥1,280, 30 minutes of calls, 12 SMS. */
    public static BalanceView balance(Situation situation) {
        return balance(situation, TopUpChoice.ADD_DATA, true);
    }

    /** Without data or expiry ({@code withData} false: a calls-only line with no expiry date), {@code topUp} on sale. */
    static BalanceView balance(Situation situation, TopUpChoice topUp, boolean withData) {
        List<DailyUsage> days = new ArrayList<>();
        LocalDate today = LocalDate.of(2026, 11, 30);
        for (int i = 0; i < 14; i++) {
            days.add(new DailyUsage(today.minusDays(13 - i), 300_000_000L));
        }
        boolean usedUp = situation == Situation.USED_UP;
        boolean runsOut = situation == Situation.RUNS_OUT_BEFORE_EXPIRY || usedUp;
        return new BalanceView("Travel Data 3GB", Optional.of("090-****-5678"), Optional.of(1_280L),
                usedUp || !withData ? 0 : 620_000_000L, withData ? 3_000_000_000L : 0, Optional.of(1_800L), Optional.of(12L),
                withData ? Optional.of(EXPIRES) : Optional.empty(), withData ? Optional.of(2L) : Optional.empty(),
                situation == Situation.EXPIRES_SOON, days,
                runsOut ? Optional.of(LocalDate.of(2026, 12, 1)) : Optional.empty(), withData, Optional.of(300_000_000L),
                situation, topUp, NOW);
    }

    /** Every prompt in {@code scripts}' language: each screen's, then the keypad's, the idle warning's, the voice keys'. */
    public static List<Prompt> prompts(SpeechScripts scripts) {
        List<Prompt> out = new ArrayList<>();
        for (var screen : screens()) {
            ScreenSpeech.of(screen.getValue(), scripts).forEach(u -> out.add(new Prompt(screen.getKey(), u)));
        }
        KeypadSpeech.all(scripts).forEach(u -> out.add(new Prompt("keypad", u)));
        out.add(new Prompt("idle", ScreenSpeech.idle(30, scripts)));
        for (String key : List.of("voice.on", "voice.louder", "voice.quieter", "voice.limit", "voice.off", "session.end")) {
            out.add(new Prompt("voice", scripts.fixed(key)));
        }
        out.addAll(overlays(scripts));
        return out;
    }

    /**
     * What opens over the screens, each prompt once: help on every sample screen (with "Call staff"), "staff called",
     * the Display menu and its switches turned each way, the out-of-service screen, and "closed".
     */
    public static List<Prompt> overlays(SpeechScripts scripts) {
        java.util.Map<String, Prompt> out = new java.util.LinkedHashMap<>();
        for (var screen : screens()) {
            OverlaySpeech.help(screen.getValue(), true, scripts).forEach(u -> out.putIfAbsent(u.key(), new Prompt("help", u)));
        }
        out.putIfAbsent("help.staffCalled", new Prompt("help", OverlaySpeech.staffCalled(scripts)));
        Look both = new Look(true, true);
        for (List<Utterance> display : List.of(OverlaySpeech.display(Look.NORMAL, scripts),
                OverlaySpeech.displayChanged(Look.NORMAL, both, scripts), OverlaySpeech.displayChanged(both, Look.NORMAL, scripts))) {
            display.forEach(u -> out.putIfAbsent(u.key(), new Prompt("display", u)));
        }
        OverlaySpeech.outOfService(scripts).forEach(u -> out.putIfAbsent(u.key(), new Prompt("outOfService", u)));
        out.putIfAbsent("overlay.closed", new Prompt("closed", OverlaySpeech.closed(new State.Attract(), scripts).get(0)));
        return List.copyOf(out.values());
    }
}
