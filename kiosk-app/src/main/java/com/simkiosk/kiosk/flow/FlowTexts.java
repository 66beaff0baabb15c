package com.simkiosk.kiosk.flow;

import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.printer.Slip;
import java.time.Instant;

/**
 * The two pieces of wording the flow itself must hand to devices: the SMS text and the payment slip. The UI
 * implements this from its resource bundles; {@link PlainFlowTexts} is a bilingual fallback for tests and demos.
 */
public interface FlowTexts {

    /** The SMS with the CAMARA placeholder {@code {{code}}} where the code goes. */
    String smsMessage(Language language);

    Slip paymentSlip(TopUpOrder order, TopUpOffer offer, Language language, String storeId, String kioskId, Instant issuedAt);
}
