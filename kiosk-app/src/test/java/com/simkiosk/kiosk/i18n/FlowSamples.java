package com.simkiosk.kiosk.i18n;

import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.Bucket;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.UsageType;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.BalanceViews;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.State;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One instance of every screen state, with plausible values, for tests that must cover every screen. */
public final class FlowSamples {
    public static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    public static final TopUpOffer OFFER = new TopUpOffer("topup-3gb", "3GB 30日", 3_000_000_000L, 1_500, Duration.ofDays(30));

    private FlowSamples() {}

    public static BalanceView balance() {
        List<DailyUsage> days = new ArrayList<>();
        LocalDate today = LocalDate.of(2026, 11, 26);
        long[] mb = {420, 380, 0, 610, 350, 290, 800, 450, 520, 310, 0, 660, 400, 120};
        for (int i = 0; i < 14; i++) {
            days.add(new DailyUsage(today.minusDays(13 - i), mb[i] * 1_000_000L));
        }
        // Expires Saturday 28 November, 23:59 in Japan: two days from the samples' Thursday, so it "expires soon".
        Instant expires = Instant.parse("2026-11-28T14:59:00Z");
        Balance balance = Balance.of(List.of(
                new Bucket(UsageType.DATA, 3_400_000_000L, Optional.of(10_000_000_000L), Optional.of(expires), true),
                new Bucket(UsageType.MONETARY, 1_280L, Optional.empty(), Optional.of(expires), true),
                new Bucket(UsageType.VOICE, 1_800L, Optional.empty(), Optional.of(expires), true),
                new Bucket(UsageType.SMS, 12L, Optional.empty(), Optional.of(expires), true)));
        Line line = new Line("line-1", LineStatus.ACTIVE, "Travel Data 10GB", "Demo", Optional.of(new Msisdn("+819012345678")),
                List.of(VerificationMethod.SIM_PIN));
        return BalanceViews.of(line, balance, days, Optional.of(List.of(OFFER)), NOW, BalanceViews.Rules.defaults());
    }

    /**
     * The sample balance as the offers see it: 300 MB left at 400 MB a day until the expiry two days ahead (three
     * days with today) needs 900 MB more, so the 1 GB offer (¥600, 7 days) is the one for this pace.
     */
    public static State.LineOutlook outlook() {
        return new State.LineOutlook("090-****-5678", 300_000_000L, java.util.OptionalLong.of(400_000_000L),
                Optional.of(Instant.parse("2026-11-28T14:59:00Z")));
    }

    public static List<State> oneOfEachState() {
        TopUpOrder order = new TopUpOrder("ORD-0001", OFFER.id(), 1_500, "KS2026112600042", NOW.plus(Duration.ofMinutes(30)));
        return List.of(
                new State.Attract(),
                new State.EnterNumber("0901234", "090-1234", false),
                new State.Reading(),
                new State.LookingUp(),
                new State.ChooseVerification(List.of(VerificationMethod.SIM_PIN, VerificationMethod.ID_DOCUMENT)),
                new State.EnterCode("090-****-5678", 3, NOW.plusSeconds(30), 2, Optional.empty()),
                new State.EnterPin(3, Optional.empty()),
                new State.PinRefused(1, List.of(VerificationMethod.ID_DOCUMENT)),
                new State.EnterDetail(VerificationMethod.ID_DOCUMENT, 3, Optional.empty()),
                new State.ShowBalance(balance()),
                new State.TopUpOffers(List.of(OFFER, new TopUpOffer("topup-1gb", "1GB 7日", 1_000_000_000L, 600, Duration.ofDays(7)),
                        new TopUpOffer("topup-500mb", "500MB 7日", 500_000_000L, 550, Duration.ofDays(7))), Optional.of(outlook())),
                new State.TopUpConfirm(OFFER, Optional.of(outlook())),
                new State.TopUpSlip(order, OFFER, State.PrintStatus.PRINTED),
                new State.TakeSim(),
                new State.Error(ErrorKind.BACKEND_DOWN, true),
                // The widest error: start over, use my phone number, and try again.
                new State.Error(ErrorKind.READER_PROBLEM, true),
                // Issue 15: a card slower than cardReadSeconds, and the attract screen while pcscd is down.
                new State.Error(ErrorKind.CARD_TIMEOUT, true),
                new State.ReaderUnavailable(),
                // Issue 10: the end after a slip (SIM and slip together), and a SIM this kiosk cannot check.
                new State.TakeSim(true),
                new State.Error(ErrorKind.FOREIGN_SIM, false),
                // Issue 16: the SIM proves itself to its carrier, and the calm refusal of a card that did not.
                new State.CheckingSim(),
                new State.Error(ErrorKind.SIM_NOT_CONFIRMED, false),
                // Issue 10: the number path's end after a slip (the slip alone).
                new State.TakeSlip());
    }
}
