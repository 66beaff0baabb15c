package com.simkiosk.card.fs;

import com.simkiosk.card.Iccid;
import com.simkiosk.card.apdu.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The encoders and decoders behind the declarations in {@link SimFiles}. */
final class SimCodecs {
    private SimCodecs() {}

    static final FileCodec<Iccid> ICCID = new FileCodec<>() {
        @Override
        public Iccid decode(byte[] content) {
            return Iccid.fromEfBytes(content);
        }

        @Override
        public byte[] encode(Iccid value, int size) {
            return value.toEfBytes();
        }
    };

    /** EF.AD: byte 1 operation mode, bytes 2–3 additional information, byte 4 low nibble the MNC length. */
    static final FileCodec<AdministrativeData> AD = new FileCodec<>() {
        @Override
        public AdministrativeData decode(byte[] content) {
            if (content.length < 3) {
                throw new IllegalArgumentException("EF.AD shorter than 3 bytes");
            }
            int mnc = content.length >= 4 ? content[3] & 0x0F : 0;
            return new AdministrativeData(content[0] & 0xFF,
                    mnc == 2 || mnc == 3 ? java.util.OptionalInt.of(mnc) : java.util.OptionalInt.empty());
        }

        @Override
        public byte[] encode(AdministrativeData value, int size) {
            byte[] out = new byte[size];
            out[0] = (byte) value.operationMode();
            if (size >= 4) {
                out[3] = (byte) value.mncLength().orElse(0);
            }
            return out;
        }
    };

    /** Byte 1: length; then the parity nibble (9 = IMSI, odd digit count; 1 = even) and the digits. */
    static final FileCodec<Imsi> IMSI = new FileCodec<>() {
        @Override
        public Imsi decode(byte[] content) {
            if (content.length < 2) {
                throw new IllegalArgumentException("IMSI file shorter than 2 bytes");
            }
            int length = content[0] & 0xFF;
            if (length < 1 || length >= content.length) {
                throw new IllegalArgumentException("IMSI length byte out of range: " + length);
            }
            int first = (content[1] >> 4) & 0x0F;
            String rest = SwappedBcd.decode(content, 2, length + 1);
            return new Imsi((char) ('0' + first) + rest);
        }

        @Override
        public byte[] encode(Imsi value, int size) {
            String digits = value.digits();
            boolean odd = digits.length() % 2 == 1;
            byte[] out = new byte[size];
            Arrays.fill(out, (byte) 0xFF);
            out[0] = (byte) ((digits.length() + 2) / 2);
            out[1] = (byte) (((digits.charAt(0) - '0') << 4) | (odd ? 0x9 : 0x1));
            byte[] rest = SwappedBcd.encode(digits.substring(1), size - 2);
            System.arraycopy(rest, 0, out, 2, rest.length);
            return out;
        }
    };

    static final FileCodec<ServiceProviderName> SPN = new FileCodec<>() {
        @Override
        public ServiceProviderName decode(byte[] content) {
            if (content.length == 0) {
                throw new IllegalArgumentException("SPN file is empty");
            }
            return new ServiceProviderName(content[0] & 0xFF, GsmAlphabet.decode(content, 1, content.length));
        }

        @Override
        public byte[] encode(ServiceProviderName value, int size) {
            byte[] out = new byte[size];
            out[0] = (byte) value.displayCondition();
            System.arraycopy(GsmAlphabet.encode(value.name(), size - 1), 0, out, 1, size - 1);
            return out;
        }
    };

    /** An ADN-format record: alpha tag, number length, TON/NPI, 10 BCD bytes, CCP, extension. */
    static final FileCodec<DialingNumber> MSISDN = new FileCodec<>() {
        private static final int TAIL = 14;
        private static final int INTERNATIONAL = 0x91;
        private static final int UNKNOWN_TON = 0x81;

        @Override
        public DialingNumber decode(byte[] record) {
            int alphaLength = record.length - TAIL;
            if (alphaLength < 0) {
                throw new IllegalArgumentException("MSISDN record shorter than " + TAIL + " bytes");
            }
            String alpha = GsmAlphabet.decode(record, 0, alphaLength);
            int numberLength = record[alphaLength] & 0xFF;
            if (numberLength == 0xFF || numberLength == 0) {
                return new DialingNumber(alpha, "");
            }
            boolean international = (record[alphaLength + 1] & 0xFF) == INTERNATIONAL;
            String digits = SwappedBcd.decode(record, alphaLength + 2, Math.min(alphaLength + 1 + numberLength, alphaLength + 12));
            return new DialingNumber(alpha, (international ? "+" : "") + digits);
        }

        @Override
        public byte[] encode(DialingNumber value, int size) {
            int alphaLength = size - TAIL;
            byte[] out = new byte[size];
            Arrays.fill(out, (byte) 0xFF);
            System.arraycopy(GsmAlphabet.encode(value.alpha(), alphaLength), 0, out, 0, alphaLength);
            if (!value.number().isEmpty()) {
                boolean international = value.number().startsWith("+");
                String digits = international ? value.number().substring(1) : value.number();
                out[alphaLength] = (byte) (1 + (digits.length() + 1) / 2);
                out[alphaLength + 1] = (byte) (international ? INTERNATIONAL : UNKNOWN_TON);
                System.arraycopy(SwappedBcd.encode(digits, 10), 0, out, alphaLength + 2, 10);
            }
            return out;
        }
    };

    /**
     * An EF.DIR record: {@code 61 L 4F n AID [50 m label]}, FF-padded. Other tags inside the template (path,
     * discretionary data) are skipped; a record that is not a template (an unused one is all FF) is refused.
     */
    static final FileCodec<ApplicationTemplate> APPLICATION_TEMPLATE = new FileCodec<>() {
        private static final int TEMPLATE = 0x61;
        private static final int AID = 0x4F;
        private static final int LABEL = 0x50;

        @Override
        public ApplicationTemplate decode(byte[] record) {
            if (record.length < 2 || (record[0] & 0xFF) != TEMPLATE || (record[1] & 0xFF) > record.length - 2) {
                throw new IllegalArgumentException("not an application template");
            }
            int end = 2 + (record[1] & 0xFF);
            String aid = null;
            String label = "";
            for (int i = 2; i + 1 < end; ) {
                int tag = record[i] & 0xFF;
                int length = record[i + 1] & 0xFF;
                if (i + 2 + length > end) {
                    throw new IllegalArgumentException("application template TLV runs past its end");
                }
                if (tag == AID && aid == null) {
                    aid = Hex.encode(Arrays.copyOfRange(record, i + 2, i + 2 + length));
                } else if (tag == LABEL) {
                    label = new String(record, i + 2, length, StandardCharsets.ISO_8859_1);
                }
                i += 2 + length;
            }
            if (aid == null || aid.isEmpty() || aid.length() > 32) {
                throw new IllegalArgumentException("application template without a valid AID");
            }
            return new ApplicationTemplate(aid, label);
        }

        @Override
        public byte[] encode(ApplicationTemplate value, int size) {
            byte[] aid = Hex.decode(value.aid());
            if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(value.label())) {
                throw new IllegalArgumentException("label is not Latin-1");
            }
            byte[] label = value.label().getBytes(StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream inner = new ByteArrayOutputStream();
            inner.write(AID);
            inner.write(aid.length);
            inner.writeBytes(aid);
            if (label.length > 0) {
                inner.write(LABEL);
                inner.write(label.length);
                inner.writeBytes(label);
            }
            if (inner.size() + 2 > size) {
                throw new IllegalArgumentException("application template does not fit in " + size + " bytes");
            }
            byte[] out = new byte[size];
            Arrays.fill(out, (byte) 0xFF);
            out[0] = (byte) TEMPLATE;
            out[1] = (byte) inner.size();
            System.arraycopy(inner.toByteArray(), 0, out, 2, inner.size());
            return out;
        }
    };
}
