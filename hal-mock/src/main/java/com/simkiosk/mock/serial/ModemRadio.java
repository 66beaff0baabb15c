package com.simkiosk.mock.serial;

import com.simkiosk.card.network.SmsPdu;
import com.simkiosk.card.network.TextCoding;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network half of a {@link SimulatedModem}: radio ({@code AT+CFUN}), registration ({@code AT+CREG?},
 * {@code AT+CEREG?}), operator ({@code AT+COPS?}), USSD ({@code AT+CUSD}, answered later by a {@code +CUSD:} URC)
 * and text-mode SMS ({@code AT+CMGS} after the prompt, replies stored on the SIM with {@code +CMTI}, read with
 * {@code AT+CMGR}/{@code AT+CMGL}, deleted with {@code AT+CMGD}). Dialects differ as real modules do: SIMCom has no
 * {@code AT+CEREG} and hands 7-bit USSD over packed whatever {@code AT+CSCS} says; u-blox sends no {@code +CMTI}
 * (the client must poll). Delayed answers come from one named scheduler thread, closed with the modem.
 */
final class ModemRadio implements AutoCloseable {
    private static final Pattern CUSD = Pattern.compile("AT\\+CUSD=(\\d)(?:,\"([^\"]*)\"(?:,(\\d+))?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern COPS_FORMAT = Pattern.compile("AT\\+COPS=3,([012])");
    private static final Pattern CMGS = Pattern.compile("AT\\+CMGS=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CMGS_PDU = Pattern.compile("AT\\+CMGS=(\\d{1,3})", Pattern.CASE_INSENSITIVE);
    private static final OffsetDateTime SENT = OffsetDateTime.parse("2026-11-30T12:00:00+09:00");
    private static final Pattern SET = Pattern.compile("AT\\+(CMGF|CSCS|CSDH|CSMP|CNMI)=(.+)", Pattern.CASE_INSENSITIVE);
    private static final String SERVICE_CENTRE = "+819012345678";
    private static final String CARRIER_NUMBER = "+81120000000";

    private final ModemDialect dialect;
    private final SimulatedNetwork network;
    private final Consumer<String> urc;
    private final ScheduledExecutorService later;
    private final Map<String, String> settings = new ConcurrentHashMap<>(Map.of(
            "CMGF", "0", "CSCS", "\"IRA\"", "CSDH", "0", "CSMP", "17,167,0,0", "CNMI", "1,1,0,0,0",
            "COPS", "0")); // COPS: the operator format of AT+COPS? (AT+COPS=3,n)
    private final Map<Integer, Stored> storage = new TreeMap<>();
    private volatile int cfun = 4;
    private volatile long radioOnAt;
    private volatile SimulatedNetwork.UssdReply pendingMenu;
    private volatile boolean ussdOpen;
    /** The radio, USSD and SMS commands received ({@code AT+CFUN=n}, {@code AT+CUSD=n}, {@code AT+CMGS} once sent), in order, without their text. */
    private final List<String> controls = new CopyOnWriteArrayList<>();
    private int messageReference;
    private volatile int pduLength = -1;
    private int concatReference = 0x20;

    /**
     * One SMS in the SIM's storage: first octet, data coding scheme, header and text (as text mode prints them),
     * the whole SMS-DELIVER (as PDU mode prints it), and how PDU mode spoils it.
     */
    private record Stored(int firstOctet, int dcs, byte[] userData, String text, String pdu, SimulatedNetwork.SmsFault fault,
            boolean read) {
        Stored asRead() {
            return new Stored(firstOctet, dcs, userData, text, pdu, fault, true);
        }
    }

    ModemRadio(ModemDialect dialect, SimulatedNetwork network, Consumer<String> urc, String name) {
        this.dialect = dialect;
        this.network = network;
        this.urc = urc;
        if (network.pduModeRefused()) {
            settings.put("CMGF", "1"); // a module without PDU mode starts in text mode
        }
        this.later = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulated-network " + name);
            t.setDaemon(true);
            return t;
        });
    }

    boolean radioOn() {
        return cfun == 1;
    }

    Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    synchronized int storedMessages() {
        return storage.size();
    }

    boolean ussdOpen() {
        return ussdOpen;
    }

    List<String> controls() {
        return List.copyOf(controls);
    }

    /** A message the customer already had on the SIM, which a balance question must leave alone. */
    synchronized void preload(String text) {
        String pdu = SmsPdu.deliver(SERVICE_CENTRE, "+819011112222", SENT, text, SmsPdu.Alphabet.UCS2, 1, 0, false).get(0);
        storage.put(nextIndex(), new Stored(0x04, 8, new byte[0], text, pdu, SimulatedNetwork.SmsFault.NONE, true));
    }

    /** The final result for a network command, with information lines in {@code out}; null when not one. */
    String respond(String command, String upper, StringBuilder out) {
        if (upper.startsWith("AT+CFUN=") || upper.startsWith("AT+CUSD=")) {
            controls.add(upper.split(",")[0].strip());
        }
        if (upper.equals("AT+CFUN?")) {
            return info(out, "+CFUN: " + cfun);
        }
        if (upper.startsWith("AT+CFUN=")) {
            cfun = Integer.parseInt(upper.substring(8).split(",")[0].strip());
            radioOnAt = System.nanoTime();
            if (cfun != 1) {
                ussdOpen = false;
                pendingMenu = null;
            }
            return "OK";
        }
        if (upper.equals("AT+CREG?") || upper.equals("AT+CEREG?")) {
            if (upper.equals("AT+CEREG?") && dialect == ModemDialect.SIMCOM) {
                return "ERROR"; // a 2G SIM800 knows only CREG
            }
            if (cfun == 1 && network.registration() == SimulatedNetwork.Registration.NO_COVERAGE) {
                return "+CME ERROR: 30";
            }
            return info(out, upper.substring(2, upper.length() - 1) + ": 0," + stat());
        }
        if (upper.equals("AT+COPS?")) {
            String format = settings.get("COPS");
            String name = format.equals("2") ? network.mccMnc() : network.operator();
            return info(out, stat() == 1 || stat() == 5 ? "+COPS: 0," + format + ",\"" + name + "\",7" : "+COPS: 0");
        }
        Matcher copsFormatSet = COPS_FORMAT.matcher(upper.replace(" ", ""));
        if (copsFormatSet.matches()) {
            settings.put("COPS", copsFormatSet.group(1)); // 0 long name, 1 short name, 2 numeric MCC-MNC
            return "OK";
        }
        if (upper.equals("AT+CMGF=?")) {
            return info(out, network.textModeRefused() ? "+CMGF: (0)" : network.pduModeRefused() ? "+CMGF: (1)" : "+CMGF: (0,1)");
        }
        if ((upper.replace(" ", "").equals("AT+CMGF=1") && network.textModeRefused())
                || (upper.replace(" ", "").equals("AT+CMGF=0") && network.pduModeRefused())) {
            return "+CMS ERROR: 303"; // operation not supported
        }
        Matcher set = SET.matcher(command);
        if (set.matches()) {
            settings.put(set.group(1).toUpperCase(Locale.ROOT), set.group(2).strip());
            return "OK";
        }
        for (String name : settings.keySet()) {
            if (upper.equals("AT+" + name + "?")) {
                return info(out, "+" + name + ": " + settings.get(name));
            }
        }
        Matcher cusd = CUSD.matcher(command);
        if (cusd.matches()) {
            return ussd(cusd);
        }
        if (upper.startsWith("AT+CMGL=")) {
            return list(pduMode() ? pduStatus(command.substring(8).strip()) : decode(command.substring(8).replace("\"", "")), out);
        }
        if (upper.startsWith("AT+CMGR=")) {
            return readMessage(Integer.parseInt(upper.substring(8).strip()), out);
        }
        if (upper.startsWith("AT+CMGD=")) {
            synchronized (this) {
                return storage.remove(Integer.parseInt(upper.substring(8).split(",")[0].strip())) != null ? "OK" : "+CMS ERROR: 321";
            }
        }
        return null;
    }

    /** {@code AT+CMGS="…"}: null when the module should answer with the {@code > } prompt and wait for the text. */
    String startSms(String command) {
        Matcher m = pduMode() ? CMGS_PDU.matcher(command) : CMGS.matcher(command);
        if (!m.matches()) {
            return "+CMS ERROR: 302";
        }
        pduLength = pduMode() ? Integer.parseInt(m.group(1)) : -1;
        if (cfun != 1 || network.registration() == SimulatedNetwork.Registration.NO_COVERAGE) {
            return "+CME ERROR: 30";
        }
        return null;
    }

    /** The text typed after the prompt, ended by Ctrl-Z: sent; the carrier's reply comes later. */
    String finishSms(String body, StringBuilder out) {
        String text;
        if (pduLength >= 0) {
            try {
                text = SmsPdu.parseSubmit(body.strip()).text();
                if (SmsPdu.tpduLength(body.strip()) != pduLength) {
                    return "+CMS ERROR: 304"; // invalid PDU mode parameter: <length> does not match
                }
            } catch (IllegalArgumentException e) {
                return "+CMS ERROR: 304";
            }
        } else {
            text = decode(body.strip());
        }
        messageReference = (messageReference + 1) % 256;
        controls.add("AT+CMGS");
        SimulatedNetwork.SmsReply reply = network.sms(text);
        if (reply != null) {
            later.schedule(() -> deliver(reply), network.replyDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
        return info(out, "+CMGS: " + messageReference);
    }

    private String ussd(Matcher cusd) {
        int n = Integer.parseInt(cusd.group(1));
        if (n == 2) {
            ussdOpen = false;
            pendingMenu = null;
            return "OK";
        }
        if (cusd.group(2) == null) {
            return "OK"; // AT+CUSD=1: result codes on, nothing sent
        }
        if (cfun != 1 || network.registration() == SimulatedNetwork.Registration.NO_COVERAGE) {
            return "+CME ERROR: 30";
        }
        String sent = decode(cusd.group(2));
        SimulatedNetwork.UssdReply menu = pendingMenu;
        SimulatedNetwork.UssdReply reply = menu != null ? menu.next().get(sent) : network.ussd(sent);
        ussdOpen = true;
        pendingMenu = null;
        if (reply == null) {
            later.schedule(() -> endUssd("+CUSD: 4"), network.replyDelay().toMillis(), TimeUnit.MILLISECONDS);
        } else if (!reply.silent()) {
            later.schedule(() -> answerUssd(reply), network.replyDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
        return "OK";
    }

    private void answerUssd(SimulatedNetwork.UssdReply reply) {
        if (reply.m() == 1) {
            pendingMenu = reply;
        } else {
            ussdOpen = false;
        }
        if (reply.m() == 2) {
            urc.accept("+CUSD: 2");
            return;
        }
        urc.accept("+CUSD: " + reply.m() + ",\"" + ussdString(reply.text()) + "\"," + (TextCoding.fitsGsm7(reply.text()) ? 15 : 72));
    }

    private void endUssd(String line) {
        ussdOpen = false;
        urc.accept(line);
    }

    private String ussdString(String text) {
        if (!TextCoding.fitsGsm7(text)) {
            return TextCoding.ucs2Hex(text);
        }
        if (dialect == ModemDialect.SIMCOM) {
            return TextCoding.gsm7PackedHex(text);
        }
        return ucs2Session() ? TextCoding.ucs2Hex(text) : text;
    }

    private void deliver(SimulatedNetwork.SmsReply reply) {
        String text = reply.text();
        SmsPdu.Alphabet alphabet = TextCoding.fitsGsm7(text) ? SmsPdu.Alphabet.GSM7 : SmsPdu.Alphabet.UCS2;
        List<Stored> messages = new ArrayList<>();
        synchronized (this) {
            int reference = reply.wideReference() ? concatReference++ & 0xFFFF | 0x0100 : concatReference++ & 0xFF;
            int parts = Math.max(1, reply.parts());
            List<String> pdus = null;
            while (pdus == null) {
                try {
                    pdus = SmsPdu.deliver(SERVICE_CENTRE, CARRIER_NUMBER, SENT, text, alphabet, parts, reference, reply.wideReference());
                } catch (IllegalArgumentException tooLong) {
                    parts++; // a part would not fit one message: more parts, as the carrier's centre would
                }
            }
            int size = (text.length() + parts - 1) / parts;
            for (int p = 0; p < parts; p++) {
                String piece = text.substring(Math.min(text.length(), p * size), Math.min(text.length(), (p + 1) * size));
                byte[] udh = parts == 1 ? new byte[0] : reply.wideReference()
                        ? new byte[] {6, 8, 4, (byte) (reference >> 8), (byte) reference, (byte) parts, (byte) (p + 1)}
                        : new byte[] {5, 0, 3, (byte) reference, (byte) parts, (byte) (p + 1)};
                messages.add(new Stored(parts == 1 ? 0x04 : 0x44, alphabet == SmsPdu.Alphabet.GSM7 ? 0 : 8, udh, piece,
                        pdus.get(p), reply.fault(), false));
            }
        }
        if (network.directDelivery()) {
            for (Stored m : messages) {
                // The header and its message line in one write, as a modem sends them: a command's answer written
                // from another thread must not land between the two (the kiosk would read it as the message).
                String header = pduMode() ? "+CMT: ," + SmsPdu.tpduLength(m.pdu()) : "+CMT: " + textHeader(m);
                urc.accept(header + "\r\n" + data(m));
            }
            return;
        }
        List<Integer> indexes = new ArrayList<>();
        synchronized (this) {
            for (Stored m : messages) {
                int index = nextIndex();
                storage.put(index, m);
                indexes.add(index);
            }
        }
        if (dialect != ModemDialect.UBLOX && settings.getOrDefault("CNMI", "").replace(" ", "").matches("\\d,1.*")) {
            for (int index : indexes) {
                urc.accept("+CMTI: \"SM\"," + index);
            }
        }
    }

    private String list(String status, StringBuilder out) {
        synchronized (this) {
            for (Map.Entry<Integer, Stored> e : storage.entrySet()) {
                Stored s = e.getValue();
                if (status.equalsIgnoreCase("ALL") || (status.equalsIgnoreCase("REC UNREAD") && !s.read())
                        || (status.equalsIgnoreCase("REC READ") && s.read())) {
                    info(out, pduMode() ? "+CMGL: " + e.getKey() + "," + (s.read() ? 1 : 0) + ",," + SmsPdu.tpduLength(s.pdu())
                            : "+CMGL: " + e.getKey() + ",\"" + encode(s.read() ? "REC READ" : "REC UNREAD") + "\",\""
                            + encode(CARRIER_NUMBER) + "\",,\"26/11/30,12:00:00+36\"");
                    out.append(data(s)).append("\r\n");
                }
            }
        }
        return "OK";
    }

    private synchronized String readMessage(int index, StringBuilder out) {
        Stored s = storage.get(index);
        if (s == null) {
            return "+CMS ERROR: 321";
        }
        storage.put(index, s.asRead());
        if (pduMode()) {
            info(out, "+CMGR: " + (s.read() ? 1 : 0) + ",," + SmsPdu.tpduLength(s.pdu()));
        } else {
            String header = "+CMGR: \"" + encode(s.read() ? "REC READ" : "REC UNREAD") + "\"," + textHeader(s);
            info(out, header);
        }
        out.append(data(s)).append("\r\n");
        return "OK";
    }

    /** Text mode's header after the status: originator, time stamp and, with {@code AT+CSDH=1}, the PDU's fields. */
    private String textHeader(Stored s) {
        String header = "\"" + encode(CARRIER_NUMBER) + "\",,\"26/11/30,12:00:00+36\"";
        if ("1".equals(settings.get("CSDH"))) {
            header += ",145," + s.firstOctet() + ",0," + s.dcs() + ",\"" + encode(SERVICE_CENTRE) + "\",145," + textData(s).length() / 2;
        }
        return header;
    }

    /** The message as the module prints it: the whole PDU in PDU mode (spoilt as the reply's fault says), else text. */
    private String data(Stored s) {
        if (!pduMode()) {
            return textData(s);
        }
        return switch (s.fault()) {
            case NONE -> s.pdu();
            case TRUNCATED_PDU -> s.pdu().substring(0, s.pdu().length() - 6);
            case TEXT_IN_PDU_MODE -> s.text();
        };
    }

    /**
     * As a module prints SMS data in text mode: 7-bit with a header as the user data's hex octets (TS 27.005: the
     * header, fill bits and packed septets); otherwise the header (when UDHI) and UCS2 as hex, 7-bit per the
     * session's character set.
     */
    private String textData(Stored s) {
        if (s.dcs() == 0 && s.userData().length > 0) {
            return SmsPdu.userDataHex(s.pdu());
        }
        String body = s.dcs() == 8 || ucs2Session() ? TextCoding.ucs2Hex(s.text()) : s.text();
        if (s.userData().length == 0) {
            return body;
        }
        return java.util.HexFormat.of().withUpperCase().formatHex(s.userData()) + body;
    }

    private int nextIndex() {
        int i = 0;
        while (storage.containsKey(i)) {
            i++;
        }
        return i;
    }

    private int stat() {
        if (cfun != 1) {
            return 0;
        }
        boolean searching = System.nanoTime() - radioOnAt < network.registrationDelay().toNanos();
        return switch (network.registration()) {
            case HOME -> searching ? 2 : 1;
            case ROAMING -> searching ? 2 : 5;
            case DENIED -> searching ? 2 : 3;
            case SEARCHING -> 2;
            case NO_COVERAGE -> 0;
        };
    }

    private boolean pduMode() {
        return "0".equals(settings.get("CMGF"));
    }

    /** {@code AT+CMGL=<stat>} in PDU mode: 0 unread, 1 read, 4 all. */
    private static String pduStatus(String stat) {
        return switch (stat) {
            case "0" -> "REC UNREAD";
            case "1" -> "REC READ";
            case "4" -> "ALL";
            default -> "NONE";
        };
    }

    private boolean ucs2Session() {
        return settings.getOrDefault("CSCS", "").contains("UCS2");
    }

    private String decode(String s) {
        return ucs2Session() ? TextCoding.fromUcs2Hex(s).orElse(s) : s;
    }

    private String encode(String s) {
        return ucs2Session() ? TextCoding.ucs2Hex(s) : s;
    }

    private static String info(StringBuilder out, String line) {
        out.append("\r\n").append(line).append("\r\n");
        return "OK";
    }

    @Override
    public void close() {
        later.shutdownNow();
    }
}
