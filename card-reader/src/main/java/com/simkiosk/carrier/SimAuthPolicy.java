package com.simkiosk.carrier;

import java.net.URI;
import java.util.Optional;

/**
 * What a back end offers and accepts for the SIM in the reader, from the kiosk's configuration of that back end.
 *
 * @param bsfUrl        the carrier's GBA bootstrapping server function (3GPP TS 24.109 Ub): when present, a USIM
 *                      proves itself there with AKA and the customer types nothing
 * @param simPinIsProof whether the SIM PIN alone proves ownership of the line's personal data. The PIN is checked by
 *                      the card itself, so any programmable card with the line's ICCID passes it: default false
 */
public record SimAuthPolicy(Optional<URI> bsfUrl, boolean simPinIsProof) {
    /** No bootstrapping, and the SIM PIN only unlocks the card. */
    public static final SimAuthPolicy DEFAULT = new SimAuthPolicy(Optional.empty(), false);

    public SimAuthPolicy {
        bsfUrl = bsfUrl == null ? Optional.empty() : bsfUrl;
    }
}
