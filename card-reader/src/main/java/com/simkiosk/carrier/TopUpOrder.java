package com.simkiosk.carrier;

import com.simkiosk.privacy.Mask;
import java.time.Instant;

/** An ordered top-up waiting to be paid at the register: the code to print and its deadline. */
public record TopUpOrder(String orderId, String offerId, long amountYen, String paymentCode, Instant payBy) {
    /** The payment code pays for the top-up: it stays off logs. */
    @Override
    public String toString() {
        return "TopUpOrder[" + orderId + ", " + offerId + ", " + amountYen + " yen, code " + Mask.secret(paymentCode)
                + ", pay by " + payBy + "]";
    }
}
