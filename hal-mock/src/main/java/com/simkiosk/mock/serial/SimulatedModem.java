package com.simkiosk.mock.serial;

import com.simkiosk.card.CardError;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.sim.PinBlock;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.serial.SerialLink;
import com.simkiosk.serial.SerialLinkException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cellular module with a SIM slot, answering AT commands on a serial line (normally one end of a
 * {@link PtyPair}) the way a Quectel, SIMCom or u-blox module does, with the faults real ones show:
 * stuck echo, unsolicited chatter and line noise, slow answers, a SIM pulled out mid-read.
 * It runs on its own named thread until closed or until the line goes away.
 */
public final class SimulatedModem implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedModem.class);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final Pattern CSIM = Pattern.compile("AT\\+CSIM=(\\d+),\"([0-9A-Fa-f]*)\"");
    private static final Pattern CPIN_SET = Pattern.compile("AT\\+CPIN=\"?(\\d*)\"?");

    /**
     * What the module does beyond its dialect. {@code echoAlways}: ignores ATE0. {@code chatter}: sends
     * unsolicited codes and noise bytes around its answers. {@code answerDelay}: waits this long before each
     * answer. {@code nibbleSwapped}: prints the ICCID as the raw EF bytes (98…). {@code iccidCommand} false:
     * the ICCID commands answer ERROR, so only AT+CRSM works; {@code crsm} false: AT+CRSM answers ERROR too;
     * {@code csim} false: the module does not pass APDUs to the SIM; {@code pinCounter} false: the dialect's
     * PIN-tries command answers ERROR.
     */
    public record Options(boolean echoAlways, boolean chatter, Duration answerDelay, boolean nibbleSwapped,
                          boolean iccidCommand, boolean crsm, boolean csim, boolean pinCounter) {
        public static final Options PLAIN = new Options(false, false, Duration.ZERO, false, true, true, true, true);

        public Options withEchoAlways() {
            return new Options(true, chatter, answerDelay, nibbleSwapped, iccidCommand, crsm, csim, pinCounter);
        }

        public Options withChatter() {
            return new Options(echoAlways, true, answerDelay, nibbleSwapped, iccidCommand, crsm, csim, pinCounter);
        }

        public Options withAnswerDelay(Duration delay) {
            return new Options(echoAlways, chatter, delay, nibbleSwapped, iccidCommand, crsm, csim, pinCounter);
        }

        public Options withNibbleSwapped() {
            return new Options(echoAlways, chatter, answerDelay, true, iccidCommand, crsm, csim, pinCounter);
        }

        public Options withoutIccidCommand() {
            return new Options(echoAlways, chatter, answerDelay, nibbleSwapped, false, crsm, csim, pinCounter);
        }

        public Options withoutCrsm() {
            return new Options(echoAlways, chatter, answerDelay, nibbleSwapped, iccidCommand, false, csim, pinCounter);
        }

        public Options withoutPinCounter() {
            return new Options(echoAlways, chatter, answerDelay, nibbleSwapped, iccidCommand, crsm, csim, false);
        }

        public Options withoutCsim() {
            return new Options(echoAlways, chatter, answerDelay, nibbleSwapped, iccidCommand, crsm, false, pinCounter);
        }
    }

    private final SerialLink link;
    private final ModemDialect dialect;
    private final Options options;
    private final AtomicBoolean pullSimOnNextRead = new AtomicBoolean();
    private final DeviceThread thread;
    private final ModemRadio radio;
    /** The card in the slot; null while the slot is empty. */
    private volatile VirtualSim card;
    private volatile boolean echo = true;
    /** The module asked for the PIN at power-up and got it (AT+CPIN="…"); the card keeps its own counter. */
    private volatile boolean unlocked;
    private int noise;

    private SimulatedModem(SerialLink link, ModemDialect dialect, VirtualSim card, Options options, SimulatedNetwork network) {
        this.link = link;
        this.dialect = dialect;
        this.card = card;
        this.options = options;
        this.thread = new DeviceThread("simulated-modem " + dialect.name().toLowerCase(), link, this::run);
        this.radio = new ModemRadio(dialect, network, this::send, link.name());
    }

    /**
     * Starts answering on {@code link} with {@code card} in the slot. The modem owns the link from now on and
     * closes it on {@link #close()}.
     */
    public static SimulatedModem start(SerialLink link, ModemDialect dialect, VirtualSim card, Options options) {
        return start(link, dialect, card, options, new SimulatedNetwork());
    }

    /** As {@link #start(SerialLink, ModemDialect, VirtualSim, Options)}, on {@code network} once its radio is on. */
    public static SimulatedModem start(SerialLink link, ModemDialect dialect, VirtualSim card, Options options,
            SimulatedNetwork network) {
        SimulatedModem modem = new SimulatedModem(link, dialect, card, options, network);
        modem.thread.start();
        return modem;
    }

    public void removeSim() {
        card = null;
        unlocked = false;
        send("+CPIN: NOT INSERTED");
    }

    public void insertSim(VirtualSim newCard) {
        newCard.reset();
        unlocked = false;
        card = newCard;
        send("+CPIN: " + (newCard.spec().pinEnabled() ? "SIM PIN" : "READY"));
    }

    /** The next ICCID read (any dialect, CRSM or CSIM) finds the SIM gone: {@code +CPIN: NOT INSERTED}, then {@code +CME ERROR: 10}. */
    public void pullSimDuringNextRead() {
        pullSimOnNextRead.set(true);
    }

    /** Whether the radio is on ({@code AT+CFUN=1}); a balance question must leave it off. */
    public boolean radioOn() {
        return radio.radioOn();
    }

    /** The SMS, character-set and operator-format settings now ({@code CMGF, CSCS, CSDH, CSMP, CNMI, COPS}), to check they were put back. */
    public Map<String, String> smsSettings() {
        return radio.settings();
    }

    /** How many SMS the SIM holds. */
    public int storedMessages() {
        return radio.storedMessages();
    }

    /** Whether a USSD dialogue is still open (not ended by the network nor by {@code AT+CUSD=2}). */
    public boolean ussdOpen() {
        return radio.ussdOpen();
    }

    /** The radio, USSD and SMS commands the modem was given ({@code AT+CFUN=4}, {@code AT+CUSD=2}, {@code AT+CMGS}, …), in order, without codes or numbers. */
    public List<String> networkControls() {
        return radio.controls();
    }

    /** Puts an SMS of the customer's own on the SIM, already read. */
    public void preloadMessage(String text) {
        radio.preload(text);
    }

    @Override
    public void close() {
        thread.close();
        radio.close();
    }

    private void run() {
        byte[] buffer = new byte[256];
        StringBuilder line = new StringBuilder();
        StringBuilder smsText = null; // after the "> " prompt, until Ctrl-Z
        try {
            while (!thread.stopping()) {
                int n = link.read(buffer, Duration.ofMillis(50));
                for (int i = 0; i < n; i++) {
                    char c = (char) (buffer[i] & 0xFF);
                    if (smsText != null) {
                        if (c == 0x1A) {
                            StringBuilder out = new StringBuilder();
                            String result = radio.finishSms(smsText.toString(), out);
                            write(out.append("\r\n").append(result).append("\r\n"));
                            smsText = null;
                        } else if (c == 0x1B) {
                            write(new StringBuilder("\r\nOK\r\n")); // ESC: sending cancelled
                            smsText = null;
                        } else if (smsText.length() < 4096) {
                            smsText.append(c);
                        }
                    } else if (c == '\r' && line.toString().strip().toUpperCase().startsWith("AT+CMGS=")) {
                        String command = line.toString().strip();
                        line.setLength(0);
                        String refused = radio.startSms(command);
                        StringBuilder out = new StringBuilder(echo || options.echoAlways() ? command + "\r" : "");
                        if (refused == null) {
                            write(out.append("\r\n> "));
                            smsText = new StringBuilder();
                        } else {
                            write(out.append("\r\n").append(refused).append("\r\n"));
                        }
                    } else if (c == '\r') {
                        String command = line.toString().strip();
                        line.setLength(0);
                        if (!command.isEmpty()) {
                            answer(command);
                        }
                    } else if (c != '\n' && line.length() < 1024) {
                        line.append(c);
                    }
                }
            }
        } catch (SerialLinkException e) {
            LOG.debug("simulated modem: line gone ({})", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(String command) throws SerialLinkException, InterruptedException {
        StringBuilder out = new StringBuilder();
        if (echo || options.echoAlways()) {
            out.append(command).append('\r');
        }
        if (!options.answerDelay().isZero()) {
            write(out);
            out.setLength(0);
            if (thread.pauseOrStop(options.answerDelay())) {
                return;
            }
        }
        if (options.chatter()) {
            chatter(out);
        }
        String upper = command.toUpperCase();
        String result = respond(command, upper, out);
        if (options.chatter()) {
            chatter(out);
        }
        out.append("\r\n").append(result).append("\r\n");
        write(out);
    }

    /** Appends information lines to {@code out} and returns the final result code. */
    private String respond(String command, String upper, StringBuilder out) {
        if (upper.equals("AT")) {
            return "OK";
        }
        if (upper.equals("ATE0") || upper.equals("ATE1")) {
            echo = upper.equals("ATE1");
            return "OK";
        }
        VirtualSim sim = card;
        if (upper.equals("AT+CPIN?")) {
            if (sim == null) {
                return "+CME ERROR: 10";
            }
            info(out, "+CPIN: " + (sim.triesLeft() == 0 ? "SIM PUK" : locked(sim) ? "SIM PIN" : "READY"));
            return "OK";
        }
        if (upper.equals("AT+CLCK=\"SC\",2")) {
            return whenSim(out, sim, s -> "+CLCK: " + (s.spec().pinEnabled() ? 1 : 0));
        }
        if (upper.equals(dialect.triesCommand) && options.pinCounter()) {
            return whenSim(out, sim, s -> dialect.triesAnswer(s.triesLeft()));
        }
        Matcher cpin = CPIN_SET.matcher(command);
        if (cpin.matches()) {
            return unlock(sim, cpin.group(1));
        }
        if (isIccidCommand(upper)) {
            if (!options.iccidCommand()) {
                return "ERROR";
            }
            if (pulledNow(out)) {
                return "+CME ERROR: 10";
            }
            return whenSim(out, sim, s -> iccidLine(upper, s.spec().iccid()));
        }
        if (upper.equals("AT+CRSM=176,12258,0,0,10")) {
            if (!options.crsm()) {
                return "ERROR";
            }
            if (pulledNow(out)) {
                return "+CME ERROR: 10";
            }
            return whenSim(out, sim, s -> "+CRSM: 144,0,\"" + HEX.formatHex(s.spec().iccid().toEfBytes()) + "\"");
        }
        Matcher csim = CSIM.matcher(command);
        if (csim.matches() && options.csim()) {
            return csim(sim, csim.group(2), out);
        }
        String network = sim == null ? null : radio.respond(command, upper, out);
        return network != null ? network : "ERROR";
    }

    private boolean locked(VirtualSim sim) {
        return sim.spec().pinEnabled() && !unlocked;
    }

    private boolean isIccidCommand(String upper) {
        return upper.equals(dialect.iccidCommand) || (dialect == ModemDialect.SIMCOM && upper.equals("AT+CICCID"));
    }

    private String iccidLine(String upper, Iccid iccid) {
        String digits = options.nibbleSwapped() ? HEX.formatHex(iccid.toEfBytes()) : iccid.digits();
        if (dialect == ModemDialect.SIMCOM && upper.equals("AT+CICCID")) {
            return "+ICCID: " + digits;
        }
        if (dialect.padsWithF && !options.nibbleSwapped()) {
            digits = (digits + "FF").substring(0, 20);
        }
        return dialect.iccidPrefix + digits;
    }

    /** AT+CPIN="…": the module passes the PIN to the card (VERIFY), which keeps the try counter. */
    private String unlock(VirtualSim sim, String attempt) {
        if (sim == null) {
            return "+CME ERROR: 10";
        }
        if (!locked(sim)) {
            return "+CME ERROR: 3"; // operation not allowed: no PIN asked
        }
        if (sim.triesLeft() == 0) {
            return "+CME ERROR: 12";
        }
        if (!attempt.matches("\\d{4,8}")) {
            return "+CME ERROR: 16";
        }
        byte[] verify = new byte[5 + PinBlock.LENGTH];
        verify[0] = (byte) (sim.spec().kind() == VirtualSimSpec.Kind.SIM_2G ? 0xA0 : 0x00);
        verify[1] = 0x20; // VERIFY
        verify[3] = 0x01; // PIN1
        verify[4] = PinBlock.LENGTH;
        System.arraycopy(PinBlock.of(attempt), 0, verify, 5, PinBlock.LENGTH);
        try {
            byte[] answer = sim.transmit(verify);
            if (answer.length == 2 && answer[0] == (byte) 0x90) {
                unlocked = true;
                return "OK";
            }
            return "+CME ERROR: 16";
        } catch (CardIoException e) {
            return "+CME ERROR: 13";
        }
    }

    private String csim(VirtualSim sim, String hex, StringBuilder out) {
        if (pulledNow(out) || sim == null) {
            return "+CME ERROR: 10";
        }
        try {
            byte[] response = sim.transmit(HEX.parseHex(hex));
            info(out, "+CSIM: " + response.length * 2 + ",\"" + HEX.formatHex(response) + "\"");
            return "OK";
        } catch (CardIoException e) {
            if (e.error() == CardError.CARD_REMOVED) {
                // The card left mid-command (SimFault.REMOVED_MID_*): the module notices and says so, as for AT+CPIN.
                card = null;
                unlocked = false;
                info(out, "+CPIN: NOT INSERTED");
                return "+CME ERROR: 10";
            }
            return "+CME ERROR: 13";
        } catch (IllegalArgumentException e) {
            return "+CME ERROR: 13";
        }
    }

    private boolean pulledNow(StringBuilder out) {
        if (pullSimOnNextRead.getAndSet(false)) {
            card = null;
            info(out, "+CPIN: NOT INSERTED");
            return true;
        }
        return false;
    }

    private static String whenSim(StringBuilder out, VirtualSim sim, Function<VirtualSim, String> line) {
        if (sim == null) {
            return "+CME ERROR: 10";
        }
        info(out, line.apply(sim));
        return "OK";
    }

    private static void info(StringBuilder out, String line) {
        out.append("\r\n").append(line).append("\r\n");
    }

    private void chatter(StringBuilder out) {
        noise++;
        info(out, dialect.chatter.get(noise % dialect.chatter.size()));
        if (noise % 2 == 0) {
            out.append("\u00ff\u0000\u00fe"); // a few bytes of line noise, as after a module reset
        }
    }

    /** Sends an unsolicited line now, from whatever thread asks. */
    private void send(String unsolicited) {
        try {
            write(new StringBuilder("\r\n").append(unsolicited).append("\r\n"));
        } catch (SerialLinkException e) {
            LOG.debug("simulated modem: could not send an unsolicited code: {}", e.getMessage());
        }
    }

    private synchronized void write(StringBuilder out) throws SerialLinkException {
        if (out.length() > 0) {
            link.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
