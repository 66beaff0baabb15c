package com.simkiosk.card.usim;

import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.fs.Imsi;

/** EF.IMSI read from ADF.USIM, or why not (the same reasons an AUTHENTICATE could not be sent). */
public sealed interface ImsiResult {
    record Read(Imsi imsi) implements ImsiResult {}

    /** {@code why} is {@link AkaResult.NotSupported}, {@link AkaResult.PinNotVerified} or {@link AkaResult.Failed}. */
    record Unavailable(AkaResult why) implements ImsiResult {}
}
