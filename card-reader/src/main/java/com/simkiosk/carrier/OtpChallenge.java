package com.simkiosk.carrier;

import java.time.Instant;

/** A code sent by SMS (CAMARA authenticationId) and when the kiosk may offer to send another. */
public record OtpChallenge(String authenticationId, Instant resendAllowedAt) {}
