package com.simkiosk.kiosk.screen.help;

import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.State;
import java.util.EnumSet;
import java.util.Set;

/** Which screens send the customer to their carrier, and so show the carrier's support contact. */
public final class CarrierReferral {
    /** Only the carrier can help: the line's state, its verification methods, or an unknown SIM. */
    static final Set<ErrorKind> KINDS = EnumSet.of(ErrorKind.LINE_SUSPENDED, ErrorKind.LINE_EXPIRED,
            ErrorKind.LINE_TERMINATED, ErrorKind.CANNOT_VERIFY, ErrorKind.NUMBER_CANNOT_GET_CODES,
            ErrorKind.TOO_MANY_TRIES, ErrorKind.NOT_FOUND);

    private CarrierReferral() {}

    public static boolean sendsToCarrier(State state) {
        if (state instanceof State.Error e) {
            return KINDS.contains(e.kind());
        }
        // A blocked PIN needs the PUK, which only the carrier has.
        return state instanceof State.PinRefused p && p.triesLeft() <= 0;
    }
}
