package com.simkiosk.kiosk.i18n;

import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.FlowTexts;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.printer.Slip;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SMS text and the payment slip in the customer's language, from the same bundles as the screens. */
public final class BundleFlowTexts implements FlowTexts {
    /** CAMARA's placeholder for the code inside the SMS text. */
    static final String CODE_PLACEHOLDER = "{{code}}";

    private final Map<Language, Messages> messages = new EnumMap<>(Language.class);

    public BundleFlowTexts() {
        for (Language l : Language.values()) {
            messages.put(l, Messages.of(l));
        }
    }

    @Override
    public String smsMessage(Language language) {
        return messages.get(language).get("sms.message", CODE_PLACEHOLDER);
    }

    @Override
    public Slip paymentSlip(TopUpOrder order, TopUpOffer offer, Language language, String storeId, String kioskId, Instant issuedAt) {
        Messages m = messages.get(language);
        return new Slip(
                m.get("screen.topUpSlip"),
                storeId,
                kioskId,
                issuedAt,
                List.of(
                        new Slip.Row(m.get("slip.item"), m.data(offer.dataBytes()) + " / " + m.get("topup.offerValidity", offer.validity().toDays())),
                        new Slip.Row(m.get("slip.amount"), m.get("slip.amountValue", m.grouped(order.amountYen()))),
                        new Slip.Row(m.get("slip.orderId"), order.orderId()),
                        new Slip.Row(m.get("slip.payByLabel"), m.dateTime(order.payBy().atZone(BalanceView.JST)) + " " + m.get("common.japanTime"))),
                Optional.of(order.paymentCode()),
                m.get("slip.instructions") + "\n" + m.get("slip.footer"));
    }
}
