package com.simkiosk.carrier;

import java.time.Instant;

/** An ordered top-up waiting to be paid at the register: the code to print and its deadline. */
public record TopUpOrder(String orderId, String offerId, long amountYen, String paymentCode, Instant payBy) {}
