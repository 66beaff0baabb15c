package com.simkiosk.kiosk.demo;

import com.simkiosk.card.SimReader;
import com.simkiosk.carrier.SimAuthPolicy;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.carrier.tmf.BackendProfile;
import com.simkiosk.carrier.tmf.CarrierEndpoint;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import com.simkiosk.kiosk.app.KioskParts;
import com.simkiosk.kiosk.flow.FlowConfig;
import com.simkiosk.kiosk.screen.maintenance.GuardedSecret;
import com.simkiosk.kiosk.screen.maintenance.MaintenanceLock;
import com.simkiosk.kiosk.theme.Theme;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLine;
import com.simkiosk.mock.carrier.DemoLines;
import com.simkiosk.mock.printer.InMemoryPrinter;
import com.simkiosk.mock.reader.DemoCard;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.mock.sim.UsimKeys;
import com.simkiosk.mock.sim.VirtualSimSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hardware-free kiosk: the in-memory reader, the carrier simulator on loopback spoken to by the real TMF
 * client, and the in-memory printer. Tests, the tour and the benchmark use it too; {@link #close()} stops all.
 */
public final class DemoKiosk implements AutoCloseable {
    /** The maintenance PIN of demo mode (a real kiosk takes its hash from the configuration file). */
    public static final String DEMO_MAINTENANCE_PIN = "246810";
    /** The built-in demo line that is verified by its SIM PIN. */
    public static final String PIN_LINE = "tourist-data";

    private final CarrierSimulator simulator;
    private final TmfCarrierClient client;
    private final InMemorySimReader reader;
    private final InMemoryPrinter printer;

    private DemoKiosk(CarrierSimulator simulator, TmfCarrierClient client, InMemorySimReader reader, InMemoryPrinter printer) {
        this.simulator = simulator;
        this.client = client;
        this.reader = reader;
        this.printer = printer;
    }

    /** The profile a kiosk uses with the simulator ({@link DemoLines#KIOSK_PROFILE}). */
    public static final BackendProfile DEMO_PROFILE = DemoLines.KIOSK_PROFILE;

    /**
     * The demo's SIM authentication: the simulator's BSF, and — the demo's own choice, so that the PIN screens can
     * be shown with cards that cannot prove themselves — the SIM PIN accepted as proof (a real back end's default is
     * false).
     */
    static final java.util.function.Function<CarrierSimulator, SimAuthPolicy> DEMO_SIM_AUTH =
            sim -> new SimAuthPolicy(Optional.of(sim.bsfUri()), true);

    /** A card with the line's USIM for the in-memory reader: genuine (the line's key) or forged (another key). */
    public static DemoCard usimCardFor(DemoLine line, boolean genuine) {
        return DemoCard.of(usimSpec(line, genuine));
    }

    /** The virtual SIM of a demo line: its ICCID and IMSI, the demo key or a forger's. */
    public static VirtualSimSpec usimSpec(DemoLine line, boolean genuine) {
        VirtualSimSpec spec = VirtualSimSpec.uicc(line.iccid().digits()).withUsimKeys(genuine ? UsimKeys.DEMO : UsimKeys.FORGED);
        return line.imsi().map(spec::withImsi).orElse(spec);
    }

    /** The built-in demo lines (the tourist data SIM takes its SIM PIN too, so the PIN screens can be shown). */
    public static DemoKiosk start() throws IOException {
        return start(CarrierSimulator.builder());
    }

    /** With a simulator built by the caller's settings (another data file, a clock). */
    public static DemoKiosk start(CarrierSimulator.Builder settings) throws IOException {
        CarrierSimulator simulator = settings.start();
        try {
            TmfCarrierClient client = new TmfCarrierClient(
                    CarrierEndpoint.of("demo", simulator.baseUri(), DemoLines.CLIENT_ID, DemoLines.CLIENT_SECRET)
                            .withProfile(DEMO_PROFILE)
                            .withSimAuth(DEMO_SIM_AUTH.apply(simulator)));
            return new DemoKiosk(simulator, client, new InMemorySimReader(), new InMemoryPrinter());
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /** Parts for the kiosk; with {@code panel} the demo SIM tray and SMS outbox are shown beside it. */
    public KioskParts parts(FlowConfig config, Theme theme, boolean panel) {
        return parts(reader, inMemoryTray(), config, theme, panel, List.of());
    }

    /** The same, with another card reader and the hands that feed it (the real PC/SC path with virtual SIMs). */
    public KioskParts parts(SimReader cardReader, DemoTray hands, FlowConfig config, Theme theme, boolean panel,
                            List<AutoCloseable> alsoOwned) {
        List<AutoCloseable> owned = new ArrayList<>();
        owned.add(this);
        owned.addAll(alsoOwned);
        Optional<KioskParts.DemoPanelFactory> factory = panel
                ? Optional.of(runtime -> new DemoPanel(this, hands, runtime).view())
                : Optional.empty();
        GuardedSecret pin = GuardedSecret.inMemory("maintenance PIN", pinLock(DEMO_MAINTENANCE_PIN), Clock.systemUTC());
        return new KioskParts(cardReader, client, printer, config, theme, pin, factory, owned,
                List.of(com.simkiosk.kiosk.flow.Language.values()));
    }

    /** A demo card for a demo line: its ICCID, and its PIN when the line is verified by PIN. */
    public static DemoCard cardFor(DemoLine line, int pinTriesLeft) {
        DemoCard card = DemoCard.sim(line.iccid());
        return line.verificationMethods().contains(VerificationMethod.SIM_PIN) ? card.withPin(line.simPin(), pinTriesLeft) : card;
    }

    /** Hands that put in-memory cards into the in-memory reader. */
    public DemoTray tray() {
        return inMemoryTray();
    }

    private DemoTray inMemoryTray() {
        return new DemoTray() {
            @Override
            public void insertSim(DemoLine line, int pinTriesLeft) {
                reader.insert(cardFor(line, pinTriesLeft));
            }

            @Override
            public void insertUsim(DemoLine line, boolean genuine) {
                reader.insert(usimCardFor(line, genuine));
            }

            @Override
            public void insertForeignSim() {
                reader.insert(DemoCard.sim(DemoLines.FOREIGN_ICCID));
            }

            @Override
            public void insertBankCard() {
                reader.insert(DemoCard.sim(DemoLines.UNKNOWN_JAPANESE_ICCID).behaving(DemoCard.Behaviour.NOT_A_SIM));
            }

            @Override
            public void remove() {
                reader.remove();
            }
        };
    }

    public CarrierSimulator simulator() {
        return simulator;
    }

    public DemoLines lines() {
        return simulator.demoLines();
    }

    public InMemorySimReader reader() {
        return reader;
    }

    public InMemoryPrinter printer() {
        return printer;
    }

    public TmfCarrierClient client() {
        return client;
    }

    /** Compares SHA-256 digests, so that even the demo never keeps a PIN to compare in the clear. */
    static MaintenanceLock pinLock(String pin) {
        byte[] expected = sha256(pin);
        return typed -> MessageDigest.isEqual(expected, sha256(typed));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void close() {
        reader.close();
        printer.close();
        client.close();
        simulator.close();
    }
}
