package com.simkiosk.card.network;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * SMS in PDU mode ({@code AT+CMGF=0}, TS 27.005 §3): the SMS-SUBMIT the kiosk sends and the SMS-DELIVER replies it
 * reads (TS 23.040 §9.2.2), as the hex a module prints, led by the service centre address. Text in the GSM 7-bit
 * default alphabet with its extension table, 8-bit data, or UCS2 (TS 23.038 §4, §6.2); a user data header
 * carrying a concatenation element (8-bit reference IEI 00, 16-bit IEI 08, §9.2.3.24.1/.8), after which 7-bit text
 * starts at the next septet boundary (the fill bits). Both directions, so the simulator and the client share one
 * reading of the standard. A PDU that does not follow it throws {@link MalformedPduException}.
 */
public final class SmsPdu {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String BCD = "0123456789*#abc";
    /** TP-VP relative: 167 = one day (TS 23.040 §9.2.3.12.1). */
    private static final int ONE_DAY = 0xA7;

    private SmsPdu() {}

    public enum Alphabet { GSM7, DATA8, UCS2 }

    /** A concatenation element: reference (8 or 16 bits), total parts and this part's number, from 1. */
    public record Concat(int reference, int total, int sequence) {}

    /** A received SMS-DELIVER. {@code text} is the customer's: {@link #toString()} leaves it and the sender out. */
    public record Deliver(String originator, int dcs, Alphabet alphabet, Optional<Concat> concat, String text) {
        @Override
        public String toString() {
            return "Deliver[" + alphabet + concat.map(c -> ", part " + c.sequence() + "/" + c.total()).orElse("")
                    + ", " + text.length() + " chars]";
        }
    }

    /** An SMS-SUBMIT: the hex typed after the {@code > } prompt and the TPDU length for {@code AT+CMGS=<length>}. */
    public record Submit(String hex, int tpduLength) {
        @Override
        public String toString() {
            return "Submit[" + tpduLength + " octets]";
        }
    }

    /** A submitted message as the network (the simulator) reads it. */
    public record Submitted(String destination, Alphabet alphabet, String text) {}

    /** Not a PDU this codec can read: wrong type, lengths beyond the data, compressed text, not hex. */
    public static final class MalformedPduException extends IllegalArgumentException {
        MalformedPduException(String message) {
            super(message);
        }
    }

    /**
     * An SMS-SUBMIT to {@code number} (international with {@code +}, otherwise national or a short code), in the
     * GSM 7-bit alphabet when every character has a form there, UCS2 otherwise; validity one day, no service centre
     * address (the SIM's own is used). A keyword longer than one message is refused.
     */
    public static Submit submit(String number, String text) {
        Alphabet alphabet = TextCoding.fitsGsm7(text) ? Alphabet.GSM7 : Alphabet.UCS2;
        ByteArrayOutputStream tpdu = new ByteArrayOutputStream();
        tpdu.write(0x11); // SMS-SUBMIT, relative validity period
        tpdu.write(0x00); // message reference: the module sets it
        tpdu.writeBytes(address(number));
        tpdu.write(0x00); // PID: plain SMS
        tpdu.write(alphabet == Alphabet.GSM7 ? 0x00 : 0x08);
        tpdu.write(ONE_DAY);
        tpdu.writeBytes(userData(text, alphabet, new byte[0]));
        byte[] octets = tpdu.toByteArray();
        return new Submit("00" + HEX.formatHex(octets), octets.length);
    }

    /** Reads an SMS-SUBMIT (service centre address first), as the network side does. */
    public static Submitted parseSubmit(String hex) {
        Reader r = new Reader(octets(hex));
        r.skip(r.next()); // service centre address
        int fo = r.next();
        if ((fo & 0x03) != 0x01) {
            throw new MalformedPduException("not an SMS-SUBMIT (message type " + (fo & 0x03) + ")");
        }
        r.next(); // message reference
        String destination = r.address();
        r.next(); // PID
        int dcs = r.next();
        int vpf = (fo >> 3) & 0x03;
        r.skip(vpf == 0 ? 0 : vpf == 2 ? 1 : 7);
        Body body = r.userData((fo & 0x40) != 0, dcs);
        return new Submitted(destination, body.alphabet(), body.text());
    }

    /** Reads an SMS-DELIVER as a module prints it in PDU mode ({@code +CMGR}, {@code +CMGL}, {@code +CMT}). */
    public static Deliver parseDeliver(String hex) {
        Reader r = new Reader(octets(hex));
        r.skip(r.next()); // service centre address
        int fo = r.next();
        if ((fo & 0x03) != 0x00) {
            throw new MalformedPduException("not an SMS-DELIVER (message type " + (fo & 0x03) + ")");
        }
        String originator = r.address();
        r.next(); // PID
        int dcs = r.next();
        r.skip(7); // service centre time stamp
        Body body = r.userData((fo & 0x40) != 0, dcs);
        return new Deliver(originator, dcs, body.alphabet(), body.concat(), body.text());
    }

    /**
     * The SMS-DELIVER PDUs (each led by {@code serviceCentre}) a network sends for {@code text} from
     * {@code originator}: one message, or {@code parts} parts of about equal length with a concatenation header
     * ({@code wideReference}: the 16-bit reference element). For the simulator and tests.
     */
    public static List<String> deliver(String serviceCentre, String originator, OffsetDateTime sent, String text,
            Alphabet alphabet, int parts, int reference, boolean wideReference) {
        int count = Math.max(1, parts);
        int size = (text.length() + count - 1) / count;
        byte[] sca = address(serviceCentre);
        byte[] smsc = new byte[sca.length];
        smsc[0] = (byte) (sca.length - 1); // the SCA counts octets (with its type), not digits
        System.arraycopy(sca, 1, smsc, 1, sca.length - 1);
        List<String> pdus = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            String piece = text.substring(Math.min(text.length(), p * size), Math.min(text.length(), (p + 1) * size));
            byte[] udh = count == 1 ? new byte[0] : wideReference
                    ? new byte[] {6, 0x08, 4, (byte) (reference >> 8), (byte) reference, (byte) count, (byte) (p + 1)}
                    : new byte[] {5, 0x00, 3, (byte) reference, (byte) count, (byte) (p + 1)};
            ByteArrayOutputStream pdu = new ByteArrayOutputStream();
            pdu.writeBytes(smsc);
            pdu.write(0x04 | (udh.length > 0 ? 0x40 : 0)); // SMS-DELIVER, no more messages waiting, UDHI
            pdu.writeBytes(address(originator));
            pdu.write(0x00);
            pdu.write(alphabet == Alphabet.GSM7 ? 0x00 : alphabet == Alphabet.DATA8 ? 0x04 : 0x08);
            pdu.writeBytes(timestamp(sent));
            pdu.writeBytes(userData(piece, alphabet, udh));
            pdus.add(HEX.formatHex(pdu.toByteArray()));
        }
        return pdus;
    }

    /**
     * The user data of an SMS-DELIVER as hex octets (header included): what a module prints in text mode for a 7-bit
     * message with a user data header (TS 27.005 §3.1, {@code <data>}). For the simulator.
     */
    public static String userDataHex(String deliverPdu) {
        Reader r = new Reader(octets(deliverPdu));
        r.skip(r.next());
        r.next();
        r.address();
        r.skip(2 + 7); // PID, DCS, time stamp
        int udl = r.next();
        return deliverPdu.substring(deliverPdu.length() - 2 * Math.min(r.remaining(), (udl * 7 + 7) / 8));
    }

    /**
     * 7-bit text from user data given as octets with a header, without its septet count (text mode prints no
     * TP-UDL): as many septets as the octets hold after the header and its fill bits; a last septet of zero bits
     * where the octets would have ended anyway is padding, not an "@".
     */
    static String sevenBitAfterHeader(byte[] ud) {
        int header = ud.length == 0 ? 0 : Math.min(ud.length, (ud[0] & 0xFF) + 1);
        int first = (header * 8 + 6) / 7;
        int count = ud.length * 8 / 7 - first;
        byte[] septets = TextCoding.unpackSeptets(ud, first, count);
        if (count > 0 && septets[count - 1] == 0 && ((first + count - 1) * 7 + 7) / 8 == ud.length) {
            septets = java.util.Arrays.copyOf(septets, count - 1);
        }
        return TextCoding.fromGsm7Septets(septets);
    }

    /** Octets of the TPDU, i.e. without the leading service centre address (what {@code <length>} counts). */
    public static int tpduLength(String hex) {
        byte[] o = octets(hex);
        return o.length - 1 - (o[0] & 0xFF);
    }

    /**
     * The concatenation element of a user data header ({@code udh[0]} is its length): the first valid 8-bit or
     * 16-bit one; none when absent or invalid (part 0, or beyond the total: TS 23.040 says to ignore it).
     */
    public static Optional<Concat> concat(byte[] udh) {
        int end = Math.min(udh.length, 1 + (udh.length == 0 ? 0 : udh[0] & 0xFF));
        for (int i = 1; i + 1 < end; ) {
            int iei = udh[i] & 0xFF;
            int len = udh[i + 1] & 0xFF;
            if (i + 2 + len > end) {
                throw new MalformedPduException("user data header element runs past the header");
            }
            Concat c = null;
            if (iei == 0x00 && len == 3) {
                c = new Concat(udh[i + 2] & 0xFF, udh[i + 3] & 0xFF, udh[i + 4] & 0xFF);
            } else if (iei == 0x08 && len == 4) {
                c = new Concat(((udh[i + 2] & 0xFF) << 8) | (udh[i + 3] & 0xFF), udh[i + 4] & 0xFF, udh[i + 5] & 0xFF);
            }
            if (c != null && c.sequence() >= 1 && c.sequence() <= c.total()) {
                return Optional.of(c);
            }
            i += 2 + len;
        }
        return Optional.empty();
    }

    /** The alphabet a data coding scheme names (TS 23.038 §4); reserved codings read as GSM 7-bit, as it says. */
    public static Alphabet alphabet(int dcs) {
        int group = (dcs >> 4) & 0x0F;
        if (group <= 0x07) {
            if ((dcs & 0x20) != 0) {
                throw new MalformedPduException("compressed text (dcs " + dcs + ") is not supported");
            }
            return switch ((dcs >> 2) & 0x03) {
                case 1 -> Alphabet.DATA8;
                case 2 -> Alphabet.UCS2;
                default -> Alphabet.GSM7;
            };
        }
        if (group == 0x0E) {
            return Alphabet.UCS2;
        }
        if (group == 0x0F) {
            return (dcs & 0x04) != 0 ? Alphabet.DATA8 : Alphabet.GSM7;
        }
        return Alphabet.GSM7;
    }

    private static byte[] octets(String hex) {
        String h = hex.strip();
        if (!TextCoding.isHex(h)) {
            throw new MalformedPduException("not a PDU (not hex)");
        }
        byte[] o = HEX.parseHex(h);
        if ((o[0] & 0xFF) + 1 > o.length) {
            throw new MalformedPduException("service centre address runs past the PDU");
        }
        return o;
    }

    /** TP-UDL and TP-UD: {@code udh} (with its length octet, or empty) then the text; 7-bit after the fill bits. */
    private static byte[] userData(String text, Alphabet alphabet, byte[] udh) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (alphabet == Alphabet.GSM7) {
            byte[] septets = TextCoding.gsm7Septets(text);
            int first = (udh.length * 8 + 6) / 7;
            int udl = first + septets.length;
            if (udl > 160) {
                throw new IllegalArgumentException("text longer than one message (" + udl + " septets)");
            }
            byte[] ud = new byte[(udl * 7 + 7) / 8];
            System.arraycopy(udh, 0, ud, 0, udh.length);
            TextCoding.packSeptets(septets, ud, first);
            out.write(udl);
            out.writeBytes(ud);
        } else {
            byte[] body = alphabet == Alphabet.UCS2 ? text.getBytes(StandardCharsets.UTF_16BE) : text.getBytes(StandardCharsets.UTF_8);
            if (udh.length + body.length > 140) {
                throw new IllegalArgumentException("text longer than one message (" + (udh.length + body.length) + " octets)");
            }
            out.write(udh.length + body.length);
            out.writeBytes(udh);
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** An address field (TS 23.040 §9.1.2.5): length in semi-octets, type, swapped BCD or packed 7-bit. */
    private static byte[] address(String number) {
        boolean international = number.startsWith("+");
        String digits = international ? number.substring(1) : number;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!digits.isEmpty() && digits.chars().allMatch(c -> BCD.indexOf(Character.toLowerCase(c)) >= 0)) {
            out.write(digits.length());
            out.write(international ? 0x91 : 0x81);
            for (int i = 0; i < digits.length(); i += 2) {
                int lo = BCD.indexOf(Character.toLowerCase(digits.charAt(i)));
                int hi = i + 1 < digits.length() ? BCD.indexOf(Character.toLowerCase(digits.charAt(i + 1))) : 0x0F;
                out.write((hi << 4) | lo);
            }
        } else { // alphanumeric sender, as carriers' services often are ("DOCOMO")
            byte[] septets = TextCoding.gsm7Septets(number);
            byte[] packed = new byte[(septets.length * 7 + 7) / 8];
            TextCoding.packSeptets(septets, packed, 0);
            out.write((septets.length * 7 + 3) / 4);
            out.write(0xD0);
            out.writeBytes(packed);
        }
        return out.toByteArray();
    }

    private static byte[] timestamp(OffsetDateTime t) {
        int quarters = t.getOffset().getTotalSeconds() / 900;
        int[] fields = {t.getYear() % 100, t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
                Math.abs(quarters)};
        byte[] out = new byte[7];
        for (int i = 0; i < 7; i++) {
            out[i] = (byte) ((fields[i] % 10) << 4 | fields[i] / 10);
        }
        if (quarters < 0) {
            out[6] |= 0x08; // sign bit of the time zone
        }
        return out;
    }

    private record Body(Alphabet alphabet, Optional<Concat> concat, String text) {}

    /** A cursor over the PDU's octets that says which field ran past the end instead of throwing an index error. */
    private static final class Reader {
        private final byte[] o;
        private int pos;

        Reader(byte[] octets) {
            this.o = octets;
        }

        int next() {
            need(1, "field");
            return o[pos++] & 0xFF;
        }

        void skip(int n) {
            need(n, "field");
            pos += n;
        }

        private void need(int n, String what) {
            if (pos + n > o.length) {
                throw new MalformedPduException(what + " runs past the end of the PDU (" + o.length + " octets)");
            }
        }

        int remaining() {
            return o.length - pos;
        }

        String address() {
            int digits = next();
            int type = next();
            int octets = (digits + 1) / 2;
            need(octets, "address");
            byte[] value = new byte[octets];
            System.arraycopy(o, pos, value, 0, octets);
            pos += octets;
            if (((type >> 4) & 0x07) == 0x05) { // alphanumeric, 7-bit packed
                return TextCoding.fromGsm7Septets(TextCoding.unpackSeptets(value, 0, digits * 4 / 7));
            }
            StringBuilder s = new StringBuilder(((type >> 4) & 0x07) == 0x01 ? "+" : "");
            for (int i = 0; i < digits; i++) {
                int nibble = i % 2 == 0 ? value[i / 2] & 0x0F : (value[i / 2] >> 4) & 0x0F;
                if (nibble == 0x0F) {
                    break;
                }
                s.append(BCD.charAt(nibble));
            }
            return s.toString();
        }

        Body userData(boolean udhi, int dcs) {
            Alphabet alphabet = alphabet(dcs);
            int udl = next();
            int octets = alphabet == Alphabet.GSM7 ? (udl * 7 + 7) / 8 : udl;
            need(octets, "user data");
            byte[] ud = new byte[octets];
            System.arraycopy(o, pos, ud, 0, octets);
            pos += octets;
            int headerOctets = 0;
            Optional<Concat> concat = Optional.empty();
            if (udhi) {
                if (ud.length == 0 || (ud[0] & 0xFF) + 1 > ud.length) {
                    throw new MalformedPduException("user data header runs past the user data");
                }
                headerOctets = (ud[0] & 0xFF) + 1;
                byte[] udh = new byte[headerOctets];
                System.arraycopy(ud, 0, udh, 0, headerOctets);
                concat = concat(udh);
            }
            String text = switch (alphabet) {
                case GSM7 -> {
                    int first = (headerOctets * 8 + 6) / 7;
                    yield TextCoding.fromGsm7Septets(TextCoding.unpackSeptets(ud, first, udl - first));
                }
                case UCS2 -> {
                    if ((ud.length - headerOctets) % 2 != 0) {
                        throw new MalformedPduException("UCS2 text of an odd number of octets");
                    }
                    yield new String(ud, headerOctets, ud.length - headerOctets, StandardCharsets.UTF_16BE);
                }
                case DATA8 -> eightBit(ud, headerOctets);
            };
            return new Body(alphabet, concat, text);
        }
    }

    /** 8-bit data shown as text: UTF-8 when it is valid UTF-8, else Latin-1 (what carriers' gateways send). */
    private static String eightBit(byte[] ud, int from) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(ud, from, ud.length - from)).toString();
        } catch (CharacterCodingException e) {
            return new String(ud, from, ud.length - from, StandardCharsets.ISO_8859_1);
        }
    }
}
