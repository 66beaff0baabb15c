package com.simkiosk.card.fs;

import com.simkiosk.card.Iccid;
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
}
