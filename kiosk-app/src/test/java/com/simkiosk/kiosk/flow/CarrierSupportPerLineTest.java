package com.simkiosk.kiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.SimReader;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.carrier.route.CarrierRoute;
import com.simkiosk.carrier.route.CarrierRouter;
import com.simkiosk.kiosk.app.Fx;
import com.simkiosk.kiosk.app.KioskShell;
import com.simkiosk.kiosk.i18n.LineBreaks;
import com.simkiosk.kiosk.screen.help.HelpSettings;
import com.simkiosk.kiosk.screen.help.SupportContact;
import com.simkiosk.kiosk.theme.Styling;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.mock.printer.InMemoryPrinter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two carriers behind the router, each with its own support phone, and an aggregator with the kiosk's default one:
 * an error only the carrier can resolve shows the phone of the carrier that serves this customer's line, and the
 * default one while no line (and no SIM) is known. Through the flow and the shell, as the customer sees it.
 */
class CarrierSupportPerLineTest {
    private static final Iccid SIM_OF_A = new Iccid("8981100000000000901");
    private static final Iccid SIM_OF_B = new Iccid("8981300000000000902");
    private static final SupportContact A = new SupportContact("carrier-a", Optional.of("0120-111-111"), Optional.empty());
    private static final SupportContact B = new SupportContact("carrier-b", Optional.of("0120-222-222"), Optional.empty());
    private static final SupportContact DEFAULT = new SupportContact("aggregator", Optional.of("0570-000-000"), Optional.empty());
    private static final HelpSettings HELP = HelpSettings.defaults().withContacts(List.of(A, B), Optional.of(DEFAULT));

    private final FakeTime time = new FakeTime(FlowFixture.NOW);
    private final ManualExecutor io = new ManualExecutor();
    private final SimReader reader = mock(SimReader.class);
    private final CarrierBackend carrierA = mock(CarrierBackend.class);
    private final CarrierBackend carrierB = mock(CarrierBackend.class);
    private final CarrierBackend aggregator = mock(CarrierBackend.class);
    private final CarrierRouter router = new CarrierRouter(List.of(new CarrierRoute("carrier-a", carrierA, Set.of("898110")),
            new CarrierRoute("carrier-b", carrierB, Set.of("898130"))),
            Optional.of(new CarrierRoute("aggregator", aggregator, Set.of())), Duration.ofSeconds(5));
    private final SessionFlow flow = new SessionFlow(reader, router, new InMemoryPrinter(), FlowExecutors.sharing(io),
            Runnable::run, time, time, FlowConfig.defaults(), new PlainFlowTexts());

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    @AfterEach
    void close() {
        flow.close();
        router.close();
    }

    @Test
    void aLineOfCarrierBShowsBsPhoneAndALineOfCarrierAShowsAs() throws Exception {
        flow.start();
        suspendedLineIn(carrierB, SIM_OF_B, "line-b");
        assertThat(flow.state()).isEqualTo(new State.Error(ErrorKind.LINE_SUSPENDED, false));
        assertThat(flow.view().backend()).contains("carrier-b");
        assertThat(supportPhoneShown(flow.view())).contains("0120-222-222");

        flow.fire(new Event.Done());
        flow.fire(new Event.SimRemoved(FlowFixture.READER));
        assertThat(flow.view().backend()).as("wiped with the session").isEmpty();

        suspendedLineIn(carrierA, SIM_OF_A, "line-a");
        assertThat(flow.state()).isEqualTo(new State.Error(ErrorKind.LINE_SUSPENDED, false));
        assertThat(supportPhoneShown(flow.view())).contains("0120-111-111");
    }

    @Test
    void withNoLineKnownTheDefaultContactIsShown() throws Exception {
        flow.start();
        // The number path: too many wrong codes, before any line could be looked up.
        when(aggregator.sendCode(any(), anyString())).thenReturn(FlowFixture.CHALLENGE);
        org.mockito.Mockito.doThrow(new CarrierException(CarrierError.OTP_VERIFICATION_FAILED, "too many"))
                .when(aggregator).validateCode(any(), anyString());
        flow.fire(new Event.StartNumberEntry());
        for (char c : FlowFixture.NUMBER_TYPED.toCharArray()) {
            flow.fire(new Event.KeypadDigit(c - '0'));
        }
        flow.fire(new Event.KeypadSubmit());
        io.runAll();
        flow.fire(new Event.CodeSubmitted("123456"));
        io.runAll();
        assertThat(flow.state()).isEqualTo(new State.Error(ErrorKind.TOO_MANY_TRIES, false));
        assertThat(flow.view().backend()).isEmpty();
        assertThat(supportPhoneShown(flow.view())).contains("0570-000-000");
    }

    private void suspendedLineIn(CarrierBackend carrier, Iccid iccid, String lineId) throws Exception {
        when(reader.read(FlowFixture.READER)).thenReturn(new ReadResult.Sim(FlowFixture.card(iccid, new PinStatus(false, 3))));
        when(carrier.findLineByIccid(iccid)).thenReturn(new Line(lineId, LineStatus.SUSPENDED, "Travel 5GB", "Brand",
                Optional.empty(), List.of(VerificationMethod.ID_DOCUMENT)));
        flow.fire(new Event.SimInserted(FlowFixture.READER));
        io.runAll();
    }

    /** The phone number on the support card beside the error, rendered by the shell with the configured contacts. */
    private static Optional<String> supportPhoneShown(FlowView view) throws Exception {
        return Fx.call(() -> {
            KioskShell shell = new KioskShell(e -> {}, java.time.Clock.fixed(FlowFixture.NOW, java.time.ZoneOffset.UTC), false, () -> {}, Theme.NORMAL,
                    List.of(Language.values()), HELP, () -> {});
            Scene scene = new Scene(shell.surface(), KioskShell.WIDTH, KioskShell.HEIGHT);
            Styling.apply(scene, Theme.NORMAL);
            shell.show(view);
            Optional<String> phone = Optional.ofNullable((Labeled) shell.surface().lookup("#support-phone"))
                    .map(l -> LineBreaks.plain(l.getText()));
            shell.close();
            return phone;
        });
    }
}
