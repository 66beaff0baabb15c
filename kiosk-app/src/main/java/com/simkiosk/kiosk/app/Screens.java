package com.simkiosk.kiosk.app;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.screen.attract.AttractScreen;
import com.simkiosk.kiosk.screen.balance.BalanceScreen;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.error.ErrorScreen;
import com.simkiosk.kiosk.screen.farewell.TakeSimScreen;
import com.simkiosk.kiosk.screen.network.NetworkScreens;
import com.simkiosk.kiosk.screen.number.EnterNumberScreen;
import com.simkiosk.kiosk.screen.progress.ProgressScreen;
import com.simkiosk.kiosk.screen.topup.TopUpScreens;
import com.simkiosk.kiosk.screen.verify.VerifyScreens;
import javafx.scene.Parent;

/** One view per flow state. Screens only render what the state says and send events back. */
public final class Screens {
    private Screens() {}

    public static Parent render(State s, Language language, ScreenContext ctx) {
        if (s instanceof State.Attract) {
            return AttractScreen.view(language, ctx);
        } else if (s instanceof State.ReaderUnavailable) {
            return AttractScreen.view(language, ctx, false);
        } else if (s instanceof State.EnterNumber n) {
            return EnterNumberScreen.view(n, ctx);
        } else if (s instanceof State.Reading) {
            return ProgressScreen.reading(ctx);
        } else if (s instanceof State.CheckingSim) {
            return ProgressScreen.checkingSim(ctx);
        } else if (s instanceof State.LookingUp) {
            return ProgressScreen.lookingUp(ctx);
        } else if (s instanceof State.ChooseVerification c) {
            return VerifyScreens.choose(c, ctx);
        } else if (s instanceof State.EnterCode c) {
            return VerifyScreens.code(c, ctx);
        } else if (s instanceof State.EnterPin p) {
            return VerifyScreens.pin(p, ctx);
        } else if (s instanceof State.PinRefused p) {
            return VerifyScreens.pinRefused(p, ctx);
        } else if (s instanceof State.EnterDetail d) {
            return VerifyScreens.detail(d, ctx);
        } else if (s instanceof State.ShowBalance b) {
            return BalanceScreen.view(b, ctx);
        } else if (s instanceof State.TopUpOffers o) {
            return TopUpScreens.offers(o, ctx);
        } else if (s instanceof State.TopUpConfirm c) {
            return TopUpScreens.confirm(c, ctx);
        } else if (s instanceof State.TopUpSlip slip) {
            return TopUpScreens.slip(slip, ctx);
        } else if (s instanceof State.TakeSim t) {
            return TakeSimScreen.view(t, ctx);
        } else if (s instanceof State.TakeSlip t) {
            return TakeSimScreen.takeSlip(t, ctx);
        } else if (s instanceof State.Error e) {
            return ErrorScreen.view(e, ctx);
        } else if (s instanceof State.NetworkConsent c) {
            return NetworkScreens.consent(c, ctx);
        } else if (s instanceof State.AskingNetwork) {
            return NetworkScreens.asking(ctx);
        } else if (s instanceof State.NetworkBalance b) {
            return NetworkScreens.balance(b, ctx);
        } else if (s instanceof State.NetworkUnanswered u) {
            return NetworkScreens.unanswered(u, ctx);
        }
        throw new IllegalStateException("no screen for " + s.key());
    }
}
