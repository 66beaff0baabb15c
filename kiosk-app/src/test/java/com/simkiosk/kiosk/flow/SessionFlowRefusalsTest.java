package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.OFFER_1GB;
import static com.simkiosk.kiosk.flow.FlowFixture.READER;
import static com.simkiosk.kiosk.flow.FlowFixture.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import com.simkiosk.kiosk.flow.State.PrintStatus;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * An executor that refuses work (every thread busy, or shutting down) is answered by what that executor was for:
 * a busy printer pool means no slip yet, never a carrier that is down; the card's and the carrier's own refusals
 * keep their error screens.
 */
class SessionFlowRefusalsTest {

    private static final Executor REFUSING = task -> {
        throw new RejectedExecutionException("every thread is busy");
    };

    private final FlowFixture mocks = new FlowFixture();
    private final ManualExecutor io = new ManualExecutor();

    private SessionFlow flow(FlowExecutors executors) {
        SessionFlow flow = new SessionFlow(mocks.reader, mocks.carrier, mocks.printer, executors, Runnable::run,
                mocks.time, mocks.time, FlowConfig.defaults(), new PlainFlowTexts());
        flow.start();
        return flow;
    }

    @Test
    void aBusyPrinterPoolLeavesThePaidOrderWithTheSlipUnavailable() throws Exception {
        mocks.givenSimWithDetailLine();
        when(mocks.carrier.topUpOffers(any())).thenReturn(List.of(OFFER_1GB));
        when(mocks.carrier.orderTopUp(any(), eq(OFFER_1GB), anyString())).thenReturn(order());
        SessionFlow flow = flow(new FlowExecutors(io, io, REFUSING));
        flow.fire(new Event.SimInserted(READER));
        io.runAll();
        flow.fire(new Event.DetailSubmitted("1234"));
        io.runAll();
        flow.fire(new Event.ShowTopUps());
        io.runAll();
        flow.fire(new Event.OfferChosen(OFFER_1GB.id()));
        flow.fire(new Event.ConfirmTopUp());

        io.runAll(); // the order is placed; printing its slip is refused

        assertThat(flow.state()).isEqualTo(new State.TopUpSlip(order(), OFFER_1GB, PrintStatus.PRINTER_UNAVAILABLE));
        assertThat(mocks.printer.lastPrinted()).isEmpty();
    }

    @Test
    void aBusyCarrierPoolIsBackEndDown() throws Exception {
        mocks.givenSimWithDetailLine();
        SessionFlow flow = flow(new FlowExecutors(io, REFUSING, io));
        flow.fire(new Event.SimInserted(READER));

        io.runAll(); // the card answers; the line lookup is refused

        assertThat(flow.state()).isEqualTo(new State.Error(ErrorKind.BACKEND_DOWN, true));
    }

    @Test
    void aBusyCardPoolIsAReaderProblem() throws Exception {
        mocks.givenSimWithDetailLine();
        SessionFlow flow = flow(new FlowExecutors(REFUSING, io, io));

        flow.fire(new Event.SimInserted(READER));

        assertThat(flow.state()).isInstanceOf(State.Error.class);
        assertThat(((State.Error) flow.state()).kind()).isEqualTo(ErrorKind.READER_PROBLEM);
    }
}
