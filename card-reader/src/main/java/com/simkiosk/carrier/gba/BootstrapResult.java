package com.simkiosk.carrier.gba;

import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.carrier.CarrierError;
import java.time.Instant;

/**
 * How a GBA bootstrapping (TS 24.109 §4, Ub) ended. Only {@link Bootstrapped} proves the SIM: the carrier checked
 * its answer. {@link MacFailure} is the card refusing the network's challenge: not the card the carrier issued for
 * this subscriber (a clone, a forgery) — the kiosk says "this SIM could not be confirmed" and offers other methods.
 */
public sealed interface BootstrapResult {

    /** The BSF accepted the card's RES. {@code resynchronised}: the card's SQN was out of range once (AUTS). */
    record Bootstrapped(String btid, Instant lifetime, boolean resynchronised) implements BootstrapResult {
        @Override
        public String toString() {
            return "Bootstrapped[B-TID ******" + (btid.indexOf('@') < 0 ? "" : btid.substring(btid.indexOf('@'))) + ", lifetime "
                    + lifetime + (resynchronised ? ", resynchronised" : "") + "]";
        }
    }

    /** The card found the challenge's MAC wrong: nothing more was sent to the BSF. */
    record MacFailure() implements BootstrapResult {}

    /** No GBA here: the BSF offers no AKAv1-MD5 (or none at this URL), or the card cannot do 3G AKA (2G SIM). */
    record NotSupported(String reason) implements BootstrapResult {}

    /** The card could not be asked (PIN not verified, card removed, reader gone): the card's own answer. */
    record CardNotAsked(AkaResult why) implements BootstrapResult {}

    /** The exchange failed on the carrier's side; {@code detail} names no personal data. */
    record Failed(CarrierError error, String detail) implements BootstrapResult {}
}
