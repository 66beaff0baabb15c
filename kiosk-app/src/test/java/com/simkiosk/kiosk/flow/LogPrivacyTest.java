package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.testing.LogCapture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the flow writes to the operator's log: masked ICCIDs and numbers, never codes, PINs or details. */
class LogPrivacyTest {

    private LogCapture logs;

    @BeforeEach
    void capture() {
        // Everything the flow may log, whatever level the operator's logback.xml sets.
        logs = LogCapture.at(Level.TRACE, SessionFlow.class.getName());
    }

    @AfterEach
    void release() {
        logs.close();
    }

    private List<String> lines() {
        return logs.messages();
    }

    @Test
    void simSessionLogsTheIccidMaskedAndNeverThePin() throws Exception {
        FlowFixture kiosk = new FlowFixture();
        kiosk.givenSimLine(new PinStatus(true, 3), FlowFixture.line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN));
        when(kiosk.reader.verifyPin(FlowFixture.READER, "7391")).thenReturn(new PinResult.Wrong(2));

        kiosk.insert();
        kiosk.settle();
        kiosk.fire(new Event.PinSubmitted("7391"));
        kiosk.settle();

        assertThat(lines()).anyMatch(line -> line.contains("8981 10** **** **** 901"));
        assertThat(lines()).noneMatch(line -> line.contains(FlowFixture.ICCID_DIGITS) || line.contains("7391"));
    }

    @Test
    void numberSessionLogsTheNumberMaskedAndNeverTheCodeOrDetail() throws Exception {
        FlowFixture kiosk = new FlowFixture();
        kiosk.reachCodeScreen();
        kiosk.fire(new Event.CodeSubmitted("482913"));
        kiosk.settle();
        when(kiosk.carrier.topUpOffers(any())).thenReturn(List.of(FlowFixture.OFFER_1GB));
        when(kiosk.carrier.orderTopUp(any(), any(), anyString())).thenReturn(FlowFixture.order());
        kiosk.fire(new Event.ShowTopUps());
        kiosk.settle();
        kiosk.fire(new Event.OfferChosen(FlowFixture.OFFER_1GB.id()), new Event.ConfirmTopUp());
        kiosk.settle();

        assertThat(lines()).anyMatch(line -> line.contains("090-****-5678"));
        assertThat(lines()).noneMatch(line -> line.contains("9012345678") || line.contains("482913")
                || line.contains(FlowFixture.order().paymentCode()) || line.contains(FlowFixture.LINE_ID));
    }
}
