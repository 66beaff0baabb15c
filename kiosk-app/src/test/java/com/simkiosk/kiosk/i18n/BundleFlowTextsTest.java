package com.simkiosk.kiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.printer.Slip;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BundleFlowTextsTest {
    private final BundleFlowTexts texts = new BundleFlowTexts();

    @ParameterizedTest
    @EnumSource(Language.class)
    void theSmsCarriesTheCamaraCodePlaceholderOnce(Language language) {
        String sms = texts.smsMessage(language);
        assertThat(sms).containsOnlyOnce("{{code}}");
        assertThat(sms.length()).isLessThan(70); // one SMS in UCS-2
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theSlipHasTheCodeAmountDeadlineAndThirtyMinuteRuleInTheCustomersLanguage(Language language) {
        TopUpOrder order = new TopUpOrder("ORD-7", FlowSamples.OFFER.id(), 1_500, "KS2026112600042",
                FlowSamples.NOW.plus(Duration.ofMinutes(30)));
        Slip slip = texts.paymentSlip(order, FlowSamples.OFFER, language, "store-1", "kiosk-1", FlowSamples.NOW);
        Messages m = Messages.of(language);
        assertThat(slip.code()).contains("KS2026112600042");
        assertThat(slip.title()).isEqualTo(m.get("screen.topUpSlip"));
        assertThat(slip.footer()).contains(m.get("slip.instructions"));
        assertThat(slip.lines()).extracting(Slip.Row::value).anyMatch(v -> v.contains("1,500")).contains("ORD-7");
        // 10:30 JST is when the code expires (01:00Z + 30 min).
        assertThat(slip.lines()).extracting(Slip.Row::value).anyMatch(v -> v.contains("10:30"));
    }
}
