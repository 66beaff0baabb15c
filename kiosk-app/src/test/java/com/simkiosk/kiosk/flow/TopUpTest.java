package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.OFFER_1GB;
import static com.simkiosk.kiosk.flow.FlowFixture.OFFER_3GB;
import static com.simkiosk.kiosk.flow.FlowFixture.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.kiosk.flow.Event.Back;
import com.simkiosk.kiosk.flow.Event.ConfirmTopUp;
import com.simkiosk.kiosk.flow.Event.Done;
import com.simkiosk.kiosk.flow.Event.OfferChosen;
import com.simkiosk.kiosk.flow.Event.Print;
import com.simkiosk.kiosk.flow.Event.Retry;
import com.simkiosk.kiosk.flow.Event.ShowTopUps;
import com.simkiosk.kiosk.flow.State.PrintStatus;
import com.simkiosk.printer.PrinterStatus;
import com.simkiosk.printer.Slip;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class TopUpTest {

    private final FlowFixture kiosk = new FlowFixture();

    @BeforeEach
    void onTheBalanceScreen() throws Exception {
        kiosk.reachBalanceBySim();
        when(kiosk.carrier.topUpOffers(any())).thenReturn(List.of(OFFER_1GB, OFFER_3GB));
    }

    /** Balance → offers → 1 GB → confirm, and every answer in. */
    private void buy1Gb() {
        kiosk.fire(new ShowTopUps());
        kiosk.settle();
        kiosk.fire(new OfferChosen(OFFER_1GB.id()), new ConfirmTopUp());
        kiosk.settle();
    }

    @Test
    void offersThenConfirmThenAPrintedSlipThenTakeTheSim() throws Exception {
        when(kiosk.carrier.orderTopUp(any(), eq(OFFER_1GB), anyString())).thenReturn(order());

        kiosk.fire(new ShowTopUps());
        kiosk.settle();
        State.TopUpOffers shown = (State.TopUpOffers) kiosk.state();
        assertThat(shown.offers()).containsExactly(OFFER_1GB, OFFER_3GB);
        // the offers screen knows whose line it is and its pace, to mark the offer that suits it
        assertThat(shown.outlook()).map(State.LineOutlook::line).contains("090-****-5678");
        kiosk.fire(new OfferChosen(OFFER_1GB.id()));
        // the confirm screen shows the offer as the offers screen did: for the same line, with the same outlook
        assertThat(kiosk.state()).isEqualTo(new State.TopUpConfirm(OFFER_1GB, shown.outlook()));
        kiosk.fire(new ConfirmTopUp());
        kiosk.io.runNext(); // the order
        assertThat(kiosk.state()).isEqualTo(new State.TopUpSlip(order(), OFFER_1GB, PrintStatus.PRINTING));
        kiosk.settle(); // the printer

        assertThat(kiosk.state()).isEqualTo(new State.TopUpSlip(order(), OFFER_1GB, PrintStatus.PRINTED));
        Slip slip = kiosk.printer.lastPrinted().orElseThrow();
        assertThat(slip.code()).contains(order().paymentCode());
        assertThat(slip.lines()).extracting(Slip.Row::value).contains("¥550", "1GB");
        assertThat(slip.footer()).contains("30");

        kiosk.fire(new Done());
        assertThat(kiosk.state()).isEqualTo(new State.TakeSim(true)); // the SIM and the slip, together
        kiosk.remove();
        assertThat(kiosk.state()).isEqualTo(new State.Attract());
    }

    @Test
    void retryAfterBackEndDownReusesTheIdempotencyKey() throws Exception {
        when(kiosk.carrier.orderTopUp(any(), eq(OFFER_1GB), anyString()))
                .thenThrow(new CarrierException(CarrierError.UNAVAILABLE, "503"))
                .thenReturn(order());

        buy1Gb();
        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.BACKEND_DOWN, true));
        kiosk.fire(new Retry());
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.TopUpSlip(order(), OFFER_1GB, PrintStatus.PRINTED));
        ArgumentCaptor<String> keys = ArgumentCaptor.forClass(String.class);
        verify(kiosk.carrier, times(2)).orderTopUp(any(), eq(OFFER_1GB), keys.capture());
        assertThat(keys.getAllValues().get(1)).isEqualTo(keys.getAllValues().get(0));
        assertThat(kiosk.printer.printed()).hasSize(1);
    }

    @Test
    void cancellingAnOrderAndConfirmingAgainReusesTheKeyButANewChoiceGetsANewOne() throws Exception {
        when(kiosk.carrier.orderTopUp(any(), any(), anyString())).thenReturn(order());
        kiosk.fire(new ShowTopUps());
        kiosk.settle();

        kiosk.fire(new OfferChosen(OFFER_1GB.id()), new ConfirmTopUp(), new Event.Cancel());
        assertThat(kiosk.state()).isInstanceOfSatisfying(State.TopUpConfirm.class,
                back -> assertThat(back.offer()).isEqualTo(OFFER_1GB));
        kiosk.fire(new ConfirmTopUp());
        kiosk.fire(new Event.Cancel(), new Back(), new OfferChosen(OFFER_1GB.id()), new ConfirmTopUp());
        kiosk.settle();

        ArgumentCaptor<String> keys = ArgumentCaptor.forClass(String.class);
        verify(kiosk.carrier, times(3)).orderTopUp(any(), eq(OFFER_1GB), keys.capture());
        assertThat(keys.getAllValues().get(1)).isEqualTo(keys.getAllValues().get(0));
        assertThat(keys.getAllValues().get(2)).isNotEqualTo(keys.getAllValues().get(0));
        assertThat(kiosk.printer.printed()).hasSize(1); // the abandoned answers printed nothing
    }

    @Test
    void printerOutOfPaperShowsTheSlipOnScreenAndCanPrintLater() throws Exception {
        when(kiosk.carrier.orderTopUp(any(), any(), anyString())).thenReturn(order());
        kiosk.printer.setStatus(PrinterStatus.PAPER_OUT);

        buy1Gb();
        assertThat(kiosk.state()).isEqualTo(
                new State.TopUpSlip(order(), OFFER_1GB, PrintStatus.PRINTER_UNAVAILABLE));
        assertThat(kiosk.printer.printed()).isEmpty();

        kiosk.printer.setStatus(PrinterStatus.READY);
        kiosk.fire(new Print());
        kiosk.settle();

        assertThat(kiosk.state()).isEqualTo(new State.TopUpSlip(order(), OFFER_1GB, PrintStatus.PRINTED));
        assertThat(kiosk.printer.printed()).hasSize(1);
    }

    @Test
    void printAgainIsIgnoredOnceTheSlipIsPrinted() throws Exception {
        when(kiosk.carrier.orderTopUp(any(), any(), anyString())).thenReturn(order());
        buy1Gb();

        kiosk.fire(new Print());
        kiosk.settle();

        assertThat(kiosk.printer.printed()).hasSize(1);
    }

    @Test
    void backStepsFromConfirmToOffersToBalance() throws Exception {
        kiosk.fire(new ShowTopUps());
        kiosk.settle();
        kiosk.fire(new OfferChosen(OFFER_3GB.id()));

        kiosk.fire(new Back());
        assertThat(kiosk.state()).isInstanceOf(State.TopUpOffers.class);
        kiosk.fire(new Back());
        assertThat(kiosk.state()).isInstanceOf(State.ShowBalance.class);
    }

    @Test
    void unknownOfferIdIsIgnored() throws Exception {
        kiosk.fire(new ShowTopUps());
        kiosk.settle();

        kiosk.fire(new OfferChosen("no-such-offer"));

        assertThat(kiosk.state()).isInstanceOf(State.TopUpOffers.class);
    }

    @Test
    void offersUnavailableIsRetryable() throws Exception {
        when(kiosk.carrier.topUpOffers(any()))
                .thenThrow(new CarrierException(CarrierError.RATE_LIMITED, "429"))
                .thenReturn(List.of());

        kiosk.fire(new ShowTopUps());
        kiosk.settle();
        assertThat(kiosk.state()).isEqualTo(new State.Error(ErrorKind.BACKEND_DOWN, true));
        kiosk.fire(new Retry());
        kiosk.settle();

        assertThat(kiosk.state()).isInstanceOfSatisfying(State.TopUpOffers.class,
                offers -> assertThat(offers.offers()).isEmpty());
    }
}
