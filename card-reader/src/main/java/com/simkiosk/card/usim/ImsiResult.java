package com.simkiosk.card.usim;

import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.fs.Imsi;
import java.util.OptionalInt;

/** EF.IMSI read from ADF.USIM, or why not (the same reasons an AUTHENTICATE could not be sent). */
public sealed interface ImsiResult {
    /**
     * {@code mncLength}: how many digits of the IMSI are the MNC, from EF.AD byte 4 (TS 31.102 §4.2.18); empty when
     * the card's EF.AD is absent or does not say.
     */
    record Read(Imsi imsi, OptionalInt mncLength) implements ImsiResult {
        public Read {
            mncLength = mncLength == null ? OptionalInt.empty() : mncLength;
        }

        public Read(Imsi imsi) {
            this(imsi, OptionalInt.empty());
        }
    }

    /** {@code why} is {@link AkaResult.NotSupported}, {@link AkaResult.PinNotVerified} or {@link AkaResult.Failed}. */
    record Unavailable(AkaResult why) implements ImsiResult {}
}
