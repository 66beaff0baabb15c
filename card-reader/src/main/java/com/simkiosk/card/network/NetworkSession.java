package com.simkiosk.card.network;

import com.simkiosk.card.serial.AtEngine;
import com.simkiosk.card.serial.AtException;
import com.simkiosk.card.serial.AtResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIM in a cellular module asks its own network for the balance: radio on, registration (home or roaming),
 * the operator's name, then one USSD dialogue or one SMS question and its reply. Every wait has a bound, taken on
 * {@code clock} and capped in rounds as well. {@link #close()} ends an open USSD dialogue, puts back every setting
 * the session changed, deletes the reply from the SIM and switches the radio off ({@code AT+CFUN=4}), whatever
 * happened before. Logs carry command names and outcomes only: never codes, numbers or replies.
 */
public final class NetworkSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkSession.class);
    private static final int MAX_MENU_STEPS = 8;
    private static final int NO_COVERAGE = 30;

    /**
     * {@code command}: each AT command; {@code radioOn}: {@code AT+CFUN=1} (modules take seconds);
     * {@code registration}: how long to wait for home or roaming; {@code reply}: for the USSD result or the SMS
     * reply; {@code poll}: between registration checks and {@code AT+CMGL} polls.
     */
    public record Settings(Duration command, Duration radioOn, Duration registration, Duration reply, Duration poll) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(2), Duration.ofSeconds(15),
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMillis(500));
    }

    private final AtEngine at;
    private final UrcInbox inbox;
    private final Settings settings;
    private final Clock clock;
    private final String operator;
    private final Optional<String> mccMnc;
    private final boolean roaming;
    /** Settings changed, with the command that puts each back; restored last first. */
    private final List<String> restore = new ArrayList<>();
    /** SIM storage indexes of replies read, deleted on close. */
    private final Set<Integer> toDelete = new LinkedHashSet<>();
    private boolean ussdOpen;
    private boolean ucs2;
    private boolean pdu;

    private NetworkSession(AtEngine at, UrcInbox inbox, Settings settings, Clock clock, String operator, Optional<String> mccMnc,
            boolean roaming) {
        this.at = at;
        this.inbox = inbox;
        this.settings = settings;
        this.clock = clock;
        this.operator = operator;
        this.mccMnc = mccMnc;
        this.roaming = roaming;
    }

    /**
     * Radio on and registered, or a classified failure (the radio is switched off again before it is thrown).
     * {@code inbox} must be the listener {@code at} was built with.
     */
    public static NetworkSession open(AtEngine at, UrcInbox inbox, Settings settings, Clock clock) throws NetworkException {
        try {
            AtResponse pin = at.send("AT+CPIN?", settings.command());
            if (!pin.value("+CPIN:").map(v -> v.replace("\"", "").equalsIgnoreCase("READY")).orElse(false)) {
                throw new NetworkException(NetworkError.SIM_NOT_READY, "the SIM is not ready (no SIM, or its PIN not given)");
            }
            inbox.clear();
            expectOk(at.send("AT+CFUN=1", settings.radioOn()), "AT+CFUN=1");
            boolean roaming = awaitRegistration(at, settings, clock);
            List<String> cops = at.send("AT+COPS?", settings.command()).value("+COPS:").map(AtFields::of).orElse(List.of());
            int format = AtFields.intOr(cops, 1, 0);
            String shown = cops.size() >= 3 ? cops.get(2) : "";
            String operator = format == 2 ? operatorIn(at, settings, 0, format).orElse(shown) : shown;
            Optional<String> mccMnc = (format == 2 ? Optional.of(shown) : operatorIn(at, settings, 2, format))
                    .filter(n -> n.matches("\\d{5,6}"));
            LOG.info("{}: registered ({}), operator {} ({})", at.device(), roaming ? "roaming" : "home", operator,
                    mccMnc.orElse("network code unknown"));
            return new NetworkSession(at, inbox, settings, clock, operator, mccMnc, roaming);
        } catch (NetworkException | AtException | RuntimeException e) {
            radioOff(at, settings);
            throw classified(e);
        }
    }

    public String operator() {
        return operator;
    }

    /**
     * The serving network's MCC-MNC ({@code "44010"}, {@code "23415"}), read with {@code AT+COPS=3,2} while
     * registering (the format put back at once); empty when the module does not give it.
     */
    public Optional<String> mccMnc() {
        return mccMnc;
    }

    /**
     * The operator field of {@code AT+COPS?} in {@code format} (0 long alphanumeric, 2 numeric): {@code AT+COPS=3,format},
     * the question, then {@code AT+COPS=3,was} whatever happened. Empty when the module refuses the format.
     */
    private static Optional<String> operatorIn(AtEngine at, Settings settings, int format, int was) throws AtException {
        if (!at.send("AT+COPS=3," + format, settings.command()).ok()) {
            return Optional.empty();
        }
        try {
            return at.send("AT+COPS?", settings.command()).value("+COPS:").map(AtFields::of)
                    .filter(f -> f.size() >= 3 && AtFields.intOr(f, 1, -1) == format).map(f -> f.get(2));
        } finally {
            at.send("AT+COPS=3," + was, settings.command());
        }
    }

    public boolean roaming() {
        return roaming;
    }

    /**
     * {@code AT+CUSD=1,"code",15} and the network's answer; menus answered as {@code menu} says, at most
     * {@value #MAX_MENU_STEPS} rounds. The dialogue is closed ({@code AT+CUSD=2}) unless the network closed it.
     */
    public NetworkReply ussd(String code, UssdMenu menu) throws NetworkException {
        try {
            useUcs2();
            List<UssdMenu.Step> unused = new ArrayList<>(menu.steps());
            String send = code;
            for (int round = 0; round < MAX_MENU_STEPS; round++) {
                inbox.clear();
                ussdOpen = true;
                AtResponse sent = at.send("AT+CUSD=1,\"" + TextCoding.ucs2Hex(send) + "\",15", settings.command());
                expectOk(sent, "AT+CUSD");
                sent.lines().stream().filter(l -> l.startsWith("+CUSD:")).forEach(inbox); // a fast network answers before OK
                List<String> f = AtFields.of(await(l -> l.startsWith("+CUSD:"), 0, "USSD answer")[0]);
                int m = AtFields.intOr(f, 0, 2);
                String text = f.size() > 1 ? TextCoding.decodeUssd(f.get(1), AtFields.intOr(f, 2, 15), true) : "";
                switch (m) {
                    case 0 -> ussdOpen = false;
                    case 1 -> { }
                    case 4 -> {
                        ussdOpen = false;
                        throw new NetworkException(NetworkError.SESSION_ENDED, "the network does not support this USSD request");
                    }
                    case 5 -> {
                        ussdOpen = false;
                        throw new NetworkException(NetworkError.REPLY_TIMEOUT, "the network timed the USSD dialogue out");
                    }
                    default -> {
                        ussdOpen = false;
                        if (text.isEmpty()) {
                            throw new NetworkException(NetworkError.SESSION_ENDED, "the network ended the USSD dialogue without an answer");
                        }
                    }
                }
                Optional<UssdMenu.Step> step = m == 1
                        ? unused.stream().filter(s -> s.when().matcher(text).find()).findFirst() : Optional.empty();
                if (step.isEmpty()) {
                    LOG.info("{}: USSD answered after {} menu step(s)", at.device(), round);
                    return new NetworkReply(NetworkReply.Source.USSD, operator, text, clock.instant());
                }
                unused.remove(step.get());
                send = step.get().reply();
            }
            throw new NetworkException(NetworkError.SESSION_ENDED, "the USSD menu went deeper than " + MAX_MENU_STEPS + " steps");
        } catch (AtException e) {
            throw classified(e);
        }
    }

    /**
     * How SMS are sent and read. {@code AUTO} uses PDU mode, and text mode only when the module refuses
     * {@code AT+CMGF=0}: PDU mode is the one TS 27.005 requires of every module (text mode is optional), it does not
     * depend on the character set ({@code AT+CSCS}) or firmware quirks in the text-mode header, and it is the only
     * one that shows the concatenation header of a 7-bit reply split in parts. {@code TEXT} and {@code PDU} force
     * one (a module whose PDU mode is known broken; a test).
     */
    public enum SmsMode { AUTO, TEXT, PDU }

    /** {@link #sms(String, String, SmsMode)} in {@link SmsMode#AUTO}. */
    public NetworkReply sms(String number, String text) throws NetworkException {
        return sms(number, text, SmsMode.AUTO);
    }

    /**
     * An SMS to {@code number}, then the reply: a {@code +CMTI} (read with {@code AT+CMGR}), a {@code +CMT}
     * delivered directly, or new messages found by polling {@code AT+CMGL}; long replies joined from their parts.
     * The first new message after sending is taken as the reply (carriers often answer from another number).
     */
    public NetworkReply sms(String number, String text, SmsMode mode) throws NetworkException {
        try {
            pdu = chooseMode(mode);
            if (!pdu) {
                useUcs2();
                change("AT+CSDH?", "+CSDH:", "AT+CSDH=", "1", false);
                change("AT+CSMP?", "+CSMP:", "AT+CSMP=", TextCoding.fitsGsm7(text) ? "17,167,0,0" : "17,167,0,8", false);
            }
            change("AT+CNMI?", "+CNMI:", "AT+CNMI=", "2,1,0,0,0", false);
            Set<Integer> before = listIndexes(true);
            inbox.clear();
            AtResponse sent;
            if (pdu) {
                SmsPdu.Submit submit;
                try {
                    submit = SmsPdu.submit(number, text);
                } catch (IllegalArgumentException e) {
                    throw new NetworkException(NetworkError.REFUSED, "the keyword does not fit in one SMS");
                }
                sent = at.sendWithPrompt("AT+CMGS=" + submit.tpduLength(), submit.hex(), settings.reply());
            } else {
                sent = at.sendWithPrompt("AT+CMGS=\"" + TextCoding.ucs2Hex(number) + "\"", TextCoding.ucs2Hex(text), settings.reply());
            }
            expectOk(sent, "AT+CMGS");
            LOG.info("{}: SMS question sent ({} mode)", at.device(), pdu ? "PDU" : "text");
            return awaitSmsReply(before);
        } catch (AtException e) {
            throw classified(e);
        }
    }

    /** Sets {@code AT+CMGF} as {@code mode} says; true for PDU mode. */
    private boolean chooseMode(SmsMode mode) throws AtException, NetworkException {
        if (mode == SmsMode.TEXT) {
            change("AT+CMGF?", "+CMGF:", "AT+CMGF=", "1", false);
            return false;
        }
        try {
            change("AT+CMGF?", "+CMGF:", "AT+CMGF=", "0", false);
            return true;
        } catch (NetworkException e) {
            if (mode == SmsMode.PDU || e.error() != NetworkError.REFUSED) {
                throw e;
            }
            LOG.info("{}: the module refuses PDU mode, SMS in text mode", at.device());
            change("AT+CMGF?", "+CMGF:", "AT+CMGF=", "1", false);
            return false;
        }
    }

    private NetworkReply awaitSmsReply(Set<Integer> before) throws NetworkException, AtException {
        SmsParts parts = new SmsParts();
        Set<Integer> read = new LinkedHashSet<>();
        Instant deadline = clock.instant().plus(settings.reply());
        long rounds = Math.max(1, settings.reply().toMillis() / Math.max(1, settings.poll().toMillis()) * 4 + 4);
        for (long round = 0; round < rounds && clock.instant().isBefore(deadline); round++) {
            Optional<String> joined = Optional.empty();
            Optional<String[]> cmti = inbox.take(l -> l.startsWith("+CMTI:"), 0);
            Optional<String[]> cmt = inbox.take(l -> l.startsWith("+CMT:"), 1);
            if (cmti.isPresent()) {
                int index = AtFields.intOr(AtFields.of(cmti.get()[0]), 1, -1);
                if (index >= 0 && read.add(index)) {
                    joined = readStored(index, parts);
                }
            } else if (cmt.isPresent()) {
                // PDU mode: "+CMT: [<alpha>],<length>"; text mode: "<oa>",<alpha>,"<scts>",<tooa>,<fo>,<pid>,<dcs>,…
                List<String> f = AtFields.of(cmt.get()[0]);
                joined = pdu ? addPdu(cmt.get()[1], parts)
                        : addText(new SmsParts.Message(AtFields.intOr(f, 4, 0), AtFields.intOr(f, 6, 8), cmt.get()[1]), parts);
            } else if (round % 4 == 3) {
                for (int index : listIndexes(false)) {
                    if (!before.contains(index) && read.add(index) && joined.isEmpty()) {
                        joined = readStored(index, parts);
                    }
                }
            } else {
                stopIfInterrupted("SMS reply");
                at.listen(settings.poll().dividedBy(4));
            }
            if (joined.isPresent()) {
                LOG.info("{}: SMS reply received", at.device());
                return new NetworkReply(NetworkReply.Source.SMS, operator, joined.get(), clock.instant());
            }
        }
        Optional<String> partial = parts.incomplete();
        if (partial.isPresent()) {
            LOG.warn("{}: SMS reply incomplete at the bound, showing the parts that came", at.device());
            return new NetworkReply(NetworkReply.Source.SMS, operator, partial.get(), clock.instant());
        }
        throw new NetworkException(NetworkError.REPLY_TIMEOUT, "no SMS reply within " + settings.reply().toSeconds() + " s");
    }

    private Optional<String> readStored(int index, SmsParts parts) throws AtException, NetworkException {
        toDelete.add(index);
        AtResponse r = at.send("AT+CMGR=" + index, settings.command());
        List<String> lines = r.lines();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("+CMGR:")) {
                if (pdu) { // <stat>,[<alpha>],<length>
                    return addPdu(lines.get(i + 1), parts);
                }
                // "<stat>","<oa>",<alpha>,"<scts>",<tooa>,<fo>,<pid>,<dcs>,…
                List<String> f = AtFields.of(lines.get(i));
                return addText(new SmsParts.Message(AtFields.intOr(f, 5, 0), AtFields.intOr(f, 7, 8), lines.get(i + 1)), parts);
            }
        }
        return Optional.empty();
    }

    /**
     * One message read in PDU mode. A line that is not hex at all is a module printing text although PDU mode
     * was set (seen on firmware that ignores {@code AT+CMGF} for direct delivery): kept as the carrier's text. Hex
     * that does not follow TS 23.040 is {@link NetworkError#UNREADABLE_REPLY}.
     */
    private Optional<String> addPdu(String line, SmsParts parts) throws NetworkException {
        if (!TextCoding.isHex(line.strip())) {
            LOG.warn("{}: PDU mode, but the module gave text; shown as the carrier wrote it", at.device());
            return Optional.of(line);
        }
        try {
            return parts.add(SmsPdu.parseDeliver(line));
        } catch (SmsPdu.MalformedPduException e) {
            throw new NetworkException(NetworkError.UNREADABLE_REPLY, "the SMS reply cannot be read: " + e.getMessage());
        }
    }

    private Optional<String> addText(SmsParts.Message m, SmsParts parts) throws NetworkException {
        try {
            return parts.add(m);
        } catch (SmsPdu.MalformedPduException e) {
            throw new NetworkException(NetworkError.UNREADABLE_REPLY, "the SMS reply cannot be read: " + e.getMessage());
        }
    }

    /** Indexes the SIM holds: all ({@code all}) or unread; PDU mode names the status by number (4 all, 0 unread). */
    private Set<Integer> listIndexes(boolean all) throws AtException {
        Set<Integer> indexes = new LinkedHashSet<>();
        String status = all ? "ALL" : "REC UNREAD";
        AtResponse r = at.send(pdu ? "AT+CMGL=" + (all ? 4 : 0) : "AT+CMGL=\"" + TextCoding.ucs2Hex(status) + "\"", settings.command());
        for (String line : r.lines()) {
            if (line.startsWith("+CMGL:")) {
                int index = AtFields.intOr(AtFields.of(line), 0, -1);
                if (index >= 0) {
                    indexes.add(index);
                }
            }
        }
        return indexes;
    }

    private void useUcs2() throws AtException, NetworkException {
        if (!ucs2) {
            change("AT+CSCS?", "+CSCS:", "AT+CSCS=", "\"UCS2\"", true);
            ucs2 = true;
        }
    }

    /**
     * Reads a setting (the first time in this session), remembers how to put it back, sets {@code value}. A
     * module without the setting is left alone.
     */
    private void change(String query, String prefix, String set, String value, boolean quoted) throws AtException, NetworkException {
        // Only the value as found is worth keeping: a second question in the same session changes it again.
        if (restore.stream().noneMatch(r -> r.startsWith(set))) {
            Optional<String> was = at.send(query, settings.command()).value(prefix);
            if (was.isPresent() && !was.get().isEmpty()) {
                String old = quoted && !was.get().startsWith("\"") ? "\"" + was.get() + "\"" : was.get();
                restore.add(set + old);
            }
        }
        expectOk(at.send(set + value, settings.command()), set.substring(0, set.length() - 1));
    }

    private String[] await(java.util.function.Predicate<String> wanted, int linesAfter, String what)
            throws AtException, NetworkException {
        Instant deadline = clock.instant().plus(settings.reply());
        long rounds = Math.max(1, settings.reply().toMillis() / Math.max(1, settings.poll().dividedBy(4).toMillis())) + 4;
        for (long round = 0; round < rounds && clock.instant().isBefore(deadline); round++) {
            Optional<String[]> got = inbox.take(wanted, linesAfter);
            if (got.isPresent()) {
                return got.get();
            }
            stopIfInterrupted(what);
            at.listen(settings.poll().dividedBy(4));
        }
        Optional<String[]> got = inbox.take(wanted, linesAfter);
        if (got.isPresent()) {
            return got.get();
        }
        throw new NetworkException(NetworkError.REPLY_TIMEOUT, "no " + what + " within " + settings.reply().toSeconds() + " s");
    }

    /**
     * Ends what is open, puts settings back, deletes read replies, radio off; each step tried even if one fails.
     * Also when the asking thread was interrupted (the customer cancelled): the interrupt is set aside for the
     * clean-up, so that the port lock and serial reads do not give up at once, and set again afterwards. Each
     * command keeps its own bound ({@code settings.command()}, {@code settings.radioOn()} for the radio).
     */
    @Override
    public void close() {
        boolean interrupted = Thread.interrupted();
        try {
            cleanUp();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void cleanUp() {
        if (ussdOpen) {
            quietly("AT+CUSD=2");
            ussdOpen = false;
        }
        for (int index : toDelete) {
            quietly("AT+CMGD=" + index);
        }
        toDelete.clear();
        for (int i = restore.size() - 1; i >= 0; i--) {
            quietly(restore.get(i));
        }
        restore.clear();
        radioOff(at, settings);
    }

    private void quietly(String command) {
        try {
            AtResponse r = at.send(command, settings.command());
            if (!r.ok()) {
                LOG.warn("{}: {} refused while ending the session", at.device(), command.substring(2, Math.min(command.length(), 9)));
            }
        } catch (AtException e) {
            LOG.warn("{}: no answer while ending the session ({})", at.device(), e.kind());
        }
    }

    /** {@code AT+CFUN=4}, also on an interrupted thread (the interrupt set aside for it, then set again). */
    private static void radioOff(AtEngine at, Settings settings) {
        boolean interrupted = Thread.interrupted();
        try {
            at.send("AT+CFUN=4", settings.radioOn());
        } catch (AtException e) {
            LOG.warn("{}: radio could not be switched off ({})", at.device(), e.kind());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The asking thread was interrupted (the customer cancelled): stop waiting at once rather than at the bound.
     * Classified as a timeout, as {@link AtEngine} does with an interrupted command; the flag stays set.
     */
    private static void stopIfInterrupted(String what) throws NetworkException {
        if (Thread.currentThread().isInterrupted()) {
            throw new NetworkException(NetworkError.REPLY_TIMEOUT, "stopped waiting for the " + what + ": interrupted (cancelled)");
        }
    }

    /** Home (false) or roaming (true) once registered; bounded by {@code settings.registration()} and in rounds. */
    private static boolean awaitRegistration(AtEngine at, Settings settings, Clock clock) throws AtException, NetworkException {
        Instant deadline = clock.instant().plus(settings.registration());
        long rounds = settings.registration().toMillis() / Math.max(1, settings.poll().toMillis()) + 2;
        boolean searching = false;
        for (long round = 0; round < rounds; round++) {
            for (String command : List.of("AT+CEREG?", "AT+CREG?")) {
                AtResponse r = at.send(command, settings.command());
                if (r instanceof AtResponse.CmeError cme && cme.code() == NO_COVERAGE) {
                    throw new NetworkException(NetworkError.NO_COVERAGE, "no network coverage (+CME ERROR: 30)");
                }
                String prefix = command.substring(2, command.length() - 1) + ":";
                int stat = r.value(prefix).map(AtFields::of).map(f -> AtFields.intOr(f, 1, -1)).orElse(-1);
                switch (stat) {
                    case 1 -> { return false; }
                    case 5 -> { return true; }
                    case 3 -> throw new NetworkException(NetworkError.REGISTRATION_DENIED, "the network refused the SIM (registration denied)");
                    case 2 -> searching = true;
                    default -> { }
                }
            }
            if (!clock.instant().isBefore(deadline)) {
                break;
            }
            stopIfInterrupted("registration");
            at.listen(settings.poll()); // also paces the loop: returns early only when the module says something
        }
        if (!searching) {
            throw new NetworkException(NetworkError.NO_COVERAGE, "not registered and not searching within "
                    + settings.registration().toSeconds() + " s (no coverage)");
        }
        throw new NetworkException(NetworkError.REGISTRATION_TIMEOUT, "still searching for a network after "
                + settings.registration().toSeconds() + " s");
    }

    private static void expectOk(AtResponse r, String what) throws NetworkException {
        if (r.ok()) {
            return;
        }
        if (r instanceof AtResponse.CmeError cme && cme.code() == NO_COVERAGE) {
            throw new NetworkException(NetworkError.NO_COVERAGE, what + ": no network coverage (+CME ERROR: 30)");
        }
        String detail = r instanceof AtResponse.CmeError cme ? cme.text() : "ERROR";
        throw new NetworkException(NetworkError.REFUSED, what + " refused (" + detail + ")");
    }

    private static NetworkException classified(Exception e) {
        if (e instanceof NetworkException n) {
            return n;
        }
        if (e instanceof AtException a) {
            return new NetworkException(NetworkError.MODEM, "modem: " + a.getMessage(), a);
        }
        return new NetworkException(NetworkError.MODEM, "modem: unexpected " + e.getClass().getSimpleName(), e);
    }
}
