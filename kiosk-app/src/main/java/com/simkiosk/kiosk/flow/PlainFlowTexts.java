package com.simkiosk.kiosk.flow;

import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.Units;
import com.simkiosk.printer.Slip;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Japanese + English wording, for tests, demos, and as the UI's fallback; the UI normally supplies its own. */
public final class PlainFlowTexts implements FlowTexts {

    private static final DateTimeFormatter JST_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Units.JAPAN);

    @Override
    public String smsMessage(Language language) {
        return "認証コード / Verification code: {{code}}";
    }

    @Override
    public Slip paymentSlip(TopUpOrder order, TopUpOffer offer, Language language, String storeId, String kioskId,
                            Instant issuedAt) {
        return new Slip(
                "データチャージ / Add data",
                storeId,
                kioskId,
                issuedAt,
                List.of(
                        new Slip.Row("プラン / Plan", offer.name()),
                        new Slip.Row("金額 / Amount", "¥" + order.amountYen()),
                        new Slip.Row("注文番号 / Order", order.orderId()),
                        new Slip.Row("お支払い期限 / Pay by (JST)", JST_TIME.format(order.payBy()))),
                Optional.of(order.paymentCode()),
                "30分以内にレジでお支払いください / Pay at the register within 30 minutes");
    }
}
