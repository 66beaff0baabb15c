package com.simkiosk.mock.serial;

import com.simkiosk.card.Iccid;
import com.simkiosk.card.apdu.ApduChannel;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.serial.SerialLink;
import com.simkiosk.serial.SerialLinkException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
     * the ICCID commands answer ERROR, so only AT+CRSM works; {@code crsm} false: AT+CRSM answers ERROR too.
     * {@code card}: the SIM behind AT+CSIM, if the module passes APDUs through.
     */
    public record Options(boolean echoAlways, boolean chatter, Duration answerDelay, boolean nibbleSwapped,
                          boolean iccidCommand, boolean crsm, Optional<ApduChannel> card) {
        public static final Options PLAIN = new Options(false, false, Duration.ZERO, false, true, true, Optional.empty());

        public Options withEchoAlways() {
            return new Options(true, chatter, answerDelay, nibbleSwapped, iccidCommand, crsm, card);
        }

        public Options withChatter() {
            return new Options(echoAlways, true, answerDelay, nibbleSwapped, iccidCommand, crsm, card);
        }

        public Options withAnswerDelay(Duration delay) {
            return new Options(echoAlways, chatter, delay, nibbleSwapped, iccidCommand, crsm, card);
        }

        public Options withNibbleSwapped() {
            return new Options(echoAlways, chatter, answerDelay, true, iccidCommand, crsm, card);
        }

        public Options withoutIccidCommand() {
            return new Options(echoAlways, chatter, answerDelay, nibbleSwapped, false, crsm, card);
        }

        public Options withoutCrsm() {
            return new Options(echoAlways, chatter, answerDelay, nibbleSwapped, iccidCommand, false, card);
        }

        public Options withCard(ApduChannel sim) {
            return new Options(echoAlways, chatter, answerDelay, nibbleSwapped, iccidCommand, crsm, Optional.of(sim));
        }
    }

    private final SerialLink link;
    private final ModemDialect dialect;
    private final Options options;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean pullSimOnNextRead = new AtomicBoolean();
    private final Thread thread;
    private volatile Iccid iccid;
    private volatile boolean simPresent = true;
    private volatile boolean echo = true;
    private volatile String pin = "0000";
    private volatile boolean pinEnabled;
    private volatile boolean pinVerified;
    private volatile int pinTries = 3;
    private int noise;

    private SimulatedModem(SerialLink link, ModemDialect dialect, Iccid iccid, Options options) {
        this.link = link;
        this.dialect = dialect;
        this.iccid = iccid;
        this.options = options;
        this.thread = new Thread(this::run, "simulated-modem " + dialect.name().toLowerCase() + " " + link.name());
        this.thread.setDaemon(true);
    }

    /** Starts answering on {@code link}; the modem owns the link from now on and closes it on {@link #close()}. */
    public static SimulatedModem start(SerialLink link, ModemDialect dialect, Iccid iccid, Options options) {
        SimulatedModem modem = new SimulatedModem(link, dialect, iccid, options);
        modem.thread.start();
        return modem;
    }

    /** Turns the SIM PIN on, with this PIN and this many tries left. */
    public SimulatedModem withPin(String pin, int tries) {
        this.pin = pin;
        this.pinTries = tries;
        this.pinEnabled = true;
        this.pinVerified = false;
        return this;
    }

    public int pinTries() {
        return pinTries;
    }

    public void removeSim() {
        simPresent = false;
        send("+CPIN: NOT INSERTED");
    }

    public void insertSim(Iccid newIccid) {
        iccid = newIccid;
        simPresent = true;
        pinVerified = false;
        send("+CPIN: " + (pinEnabled ? "SIM PIN" : "READY"));
    }

    /** The next ICCID read (any dialect, CRSM or CSIM) finds the SIM gone: {@code +CPIN: NOT INSERTED}, then {@code +CME ERROR: 10}. */
    public void pullSimDuringNextRead() {
        pullSimOnNextRead.set(true);
    }

    /** True once the line went away (or the modem was closed): the thread has ended. */
    public boolean awaitStopped(Duration bound) throws InterruptedException {
        return stopped.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }

    private void run() {
        byte[] buffer = new byte[256];
        StringBuilder line = new StringBuilder();
        try {
            while (stop.getCount() > 0) {
                int n = link.read(buffer, Duration.ofMillis(50));
                for (int i = 0; i < n; i++) {
                    char c = (char) (buffer[i] & 0xFF);
                    if (c == '\r') {
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
        } finally {
            stopped.countDown();
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
            if (stop.await(options.answerDelay().toMillis(), TimeUnit.MILLISECONDS)) {
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
        if (upper.equals("AT+CPIN?")) {
            if (!simPresent) {
                return "+CME ERROR: 10";
            }
            info(out, "+CPIN: " + (pinTries == 0 ? "SIM PUK" : pinEnabled && !pinVerified ? "SIM PIN" : "READY"));
            return "OK";
        }
        if (upper.equals("AT+CLCK=\"SC\",2")) {
            return whenSim(out, "+CLCK: " + (pinEnabled ? 1 : 0));
        }
        if (upper.equals(dialect.triesCommand)) {
            return whenSim(out, dialect.triesAnswer(pinTries));
        }
        Matcher cpin = CPIN_SET.matcher(command);
        if (cpin.matches()) {
            return verify(cpin.group(1));
        }
        if (isIccidCommand(upper)) {
            if (!options.iccidCommand()) {
                return "ERROR";
            }
            if (pulledNow(out)) {
                return "+CME ERROR: 10";
            }
            return whenSim(out, iccidLine(upper));
        }
        if (upper.equals("AT+CRSM=176,12258,0,0,10")) {
            if (!options.crsm()) {
                return "ERROR";
            }
            if (pulledNow(out)) {
                return "+CME ERROR: 10";
            }
            return whenSim(out, "+CRSM: 144,0,\"" + HEX.formatHex(iccid.toEfBytes()) + "\"");
        }
        Matcher csim = CSIM.matcher(command);
        if (csim.matches() && options.card().isPresent()) {
            return csim(csim.group(2), out);
        }
        return "ERROR";
    }

    private boolean isIccidCommand(String upper) {
        return upper.equals(dialect.iccidCommand) || (dialect == ModemDialect.SIMCOM && upper.equals("AT+CICCID"));
    }

    private String iccidLine(String upper) {
        String digits = options.nibbleSwapped() ? HEX.formatHex(iccid.toEfBytes()) : iccid.digits();
        if (dialect == ModemDialect.SIMCOM && upper.equals("AT+CICCID")) {
            return "+ICCID: " + digits;
        }
        if (dialect.padsWithF && !options.nibbleSwapped()) {
            digits = (digits + "FF").substring(0, 20);
        }
        return dialect.iccidPrefix + digits;
    }

    private String verify(String attempt) {
        if (!simPresent) {
            return "+CME ERROR: 10";
        }
        if (!pinEnabled || pinVerified) {
            return "+CME ERROR: 3"; // operation not allowed: no PIN asked
        }
        if (pinTries == 0) {
            return "+CME ERROR: 12";
        }
        if (attempt.equals(pin)) {
            pinVerified = true;
            pinTries = 3;
            return "OK";
        }
        pinTries--;
        return "+CME ERROR: 16";
    }

    private String csim(String hex, StringBuilder out) {
        if (pulledNow(out)) {
            return "+CME ERROR: 10";
        }
        if (!simPresent) {
            return "+CME ERROR: 10";
        }
        try {
            byte[] response = options.card().orElseThrow().transmit(HEX.parseHex(hex));
            info(out, "+CSIM: " + response.length * 2 + ",\"" + HEX.formatHex(response) + "\"");
            return "OK";
        } catch (CardIoException | IllegalArgumentException e) {
            return "+CME ERROR: 13";
        }
    }

    private boolean pulledNow(StringBuilder out) {
        if (pullSimOnNextRead.getAndSet(false)) {
            simPresent = false;
            info(out, "+CPIN: NOT INSERTED");
            return true;
        }
        return false;
    }

    private String whenSim(StringBuilder out, String line) {
        if (!simPresent) {
            return "+CME ERROR: 10";
        }
        info(out, line);
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
