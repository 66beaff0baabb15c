package com.simkiosk.kiosk.screen.help;

import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.State;
import java.util.List;

/**
 * What the help overlay explains on each screen: bundle keys of short sections ({@code help.<topic>.title} and
 * {@code .body}), the first one about what this step wants.
 */
public final class HelpTopics {
    private HelpTopics() {}

    public static List<String> forState(State s) {
        if (s instanceof State.Attract || s instanceof State.ReaderUnavailable) {
            return List.of("start", "insertSim", "number");
        } else if (s instanceof State.EnterNumber) {
            return List.of("number", "insertSim");
        } else if (s instanceof State.Reading || s instanceof State.LookingUp) {
            return List.of("waiting");
        } else if (s instanceof State.ChooseVerification) {
            return List.of("choose", "pin", "idDocument", "orderNumber");
        } else if (s instanceof State.EnterCode) {
            return List.of("code");
        } else if (s instanceof State.EnterPin) {
            return List.of("pin");
        } else if (s instanceof State.PinRefused) {
            return List.of("pinRefused");
        } else if (s instanceof State.EnterDetail d) {
            return List.of(d.method() == VerificationMethod.ORDER_NUMBER ? "orderNumber" : "idDocument");
        } else if (s instanceof State.ShowBalance) {
            return List.of("balance");
        } else if (s instanceof State.TopUpOffers || s instanceof State.TopUpConfirm || s instanceof State.TopUpSlip) {
            return List.of("topUp");
        } else if (s instanceof State.TakeSim) {
            return List.of("takeSim");
        } else if (s instanceof State.TakeSlip) {
            return List.of("takeSlip");
        } else if (s instanceof State.Error) {
            return List.of(CarrierReferral.sendsToCarrier(s) ? "carrier" : "error");
        }
        return List.of("start");
    }
}
