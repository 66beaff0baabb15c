package com.simkiosk.carrier;

import java.time.Duration;

/** A data top-up on sale (TMF620 ProductOffering). */
public record TopUpOffer(String id, String name, long dataBytes, long priceYen, Duration validity) {}
