package com.simkiosk.card.usim;

import com.simkiosk.card.CardError;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.apdu.ApduChannel;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.apdu.CommandApdu;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.card.apdu.ResponseApdu;
import com.simkiosk.card.apdu.StatusWord;
import com.simkiosk.card.apdu.T0;
import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.fs.ApplicationTemplate;
import com.simkiosk.card.fs.Imsi;
import com.simkiosk.card.fs.SimFiles;
import com.simkiosk.card.sim.SimIdentityReader;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The USIM application of a UICC over any {@link ApduChannel} (PC/SC, AT+CSIM, a virtual SIM), through the HAL's
 * T=0 stack: EF.DIR (2F00) names the USIM's AID, ADF.USIM is selected by it, EF.IMSI (6F07) is read under it, and
 * AUTHENTICATE (3GPP TS 31.102 §7.1.2, INS 88, P2 81 = 3G context) answers a network challenge.
 *
 * <p>APDUs: {@code 00 A4 00 04 02 2F00} → FCP (its record shape is used); {@code 00 B2 nn 04 len} per record;
 * {@code 00 A4 04 0C Lc AID}; {@code 00 A4 00 0C 02 6F07}, {@code 00 B0 00 00 09}. Every APDU is a round trip (pcscd,
 * the modem), so a SELECT whose FCP nobody reads asks for none (P2 = 0C) and a 61xx it gets anyway is not fetched; {@code 00 88 00 81 22 10 RAND 10 AUTN} → {@code 61xx} → GET
 * RESPONSE → {@code DB L RES L CK L IK [L Kc]} (success), {@code DC 0E AUTS} (resynchronisation) or SW {@code 9862}
 * (MAC failure). A 2G SIM (CLA 00 refused) or a UICC without a USIM is {@link AkaResult.NotSupported}. The PIN rule
 * of {@link SimIdentityReader#verifyPin} applies: when PIN1 is enabled the PIN is verified first, never with the
 * last try. Nothing here logs RAND, AUTN, RES, CK, IK or the IMSI.
 */
public final class UsimSession {
    private static final Logger log = LoggerFactory.getLogger(UsimSession.class);

    private static final byte CLA = 0x00;
    private static final byte INS_SELECT = (byte) 0xA4;
    private static final byte INS_READ_RECORD = (byte) 0xB2;
    private static final byte INS_READ_BINARY = (byte) 0xB0;
    private static final byte INS_AUTHENTICATE = (byte) 0x88;
    /** P2 of AUTHENTICATE: bit 8 set = specific reference data, '01' = 3G security context (TS 31.102 §7.1.2). */
    private static final int P2_3G_CONTEXT = 0x81;
    /** TS 102 221 11.1.1.2: SELECT P2 = 0C, no data returned; 04 returns the FCP. */
    private static final int P2_NO_DATA = 0x0C;
    private static final int P2_FCP = 0x04;
    private static final int TAG_SUCCESS = 0xDB;
    private static final int TAG_SYNC_FAILURE = 0xDC;
    /** TS 102 221 §11.1.5: READ RECORD, P2 = 04 absolute/current. */
    private static final int RECORD_ABSOLUTE = 0x04;
    /** A linear fixed file has at most 254 records; real EF.DIRs have a handful. */
    private static final int MAX_RECORDS = 254;

    private final ApduChannel card;
    /** For SELECTs whose response nobody reads: 61xx is not fetched. */
    private final ApduChannel statusOnly;
    private final SimIdentityReader pins;

    /** {@code channel} may be raw: this class stacks the T=0 wrappers itself. */
    public UsimSession(ApduChannel channel) {
        this.card = T0.over(channel);
        this.statusOnly = T0.statusOnly(channel);
        this.pins = new SimIdentityReader(channel);
    }

    /** Finds and selects the USIM, applies the PIN rule, then runs AUTHENTICATE. Never throws for card trouble. */
    public AkaResult authenticate(AkaChallenge challenge, Optional<String> pin) {
        try {
            Optional<AkaResult> blocked = open(pin);
            if (blocked.isPresent()) {
                return blocked.get();
            }
            return authenticate(challenge);
        } catch (CardIoException e) {
            log.info("AUTHENTICATE failed: {} ({})", e.error(), e.getMessage());
            return new AkaResult.Failed(e.error(), e.getMessage());
        }
    }

    /** Finds and selects the USIM, applies the PIN rule, then reads EF.IMSI. */
    public ImsiResult readImsi(Optional<String> pin) {
        try {
            Optional<AkaResult> blocked = open(pin);
            if (blocked.isPresent()) {
                return new ImsiResult.Unavailable(blocked.get());
            }
            return readImsi();
        } catch (CardIoException e) {
            return new ImsiResult.Unavailable(new AkaResult.Failed(e.error(), e.getMessage()));
        }
    }

    /**
     * {@link #readImsi(Optional)}, then {@code use} with it and this session's AUTHENTICATE: the USIM stays selected and
     * unlocked, so the challenge costs the one AUTHENTICATE (and its GET RESPONSE). Card trouble during AUTHENTICATE is
     * answered as {@link #authenticate(AkaChallenge, Optional)} answers it; a USIM that could not be opened is not asked.
     */
    public <T> T withImsi(Optional<String> pin, UsimAccess.ImsiUse<T> use) {
        ImsiResult imsi = readImsi(pin);
        boolean open = imsi instanceof ImsiResult.Read;
        return use.apply(imsi, challenge -> {
            if (!open) {
                return ((ImsiResult.Unavailable) imsi).why();
            }
            try {
                return authenticate(challenge);
            } catch (CardIoException e) {
                log.info("AUTHENTICATE failed: {} ({})", e.error(), e.getMessage());
                return new AkaResult.Failed(e.error(), e.getMessage());
            }
        });
    }

    /** EF.DIR's USIM record, or empty for a 2G SIM, a UICC without EF.DIR, or one without a USIM. */
    public Optional<ApplicationTemplate> findUsim() throws CardIoException {
        ResponseApdu select = send(command(INS_SELECT, 0x00, 0x04, fid(SimFiles.EF_DIR.fid())));
        if (StatusWord.isClassNotSupported(select.sw()) || StatusWord.INS_NOT_SUPPORTED.matches(select.sw())) {
            return Optional.empty(); // a 2G SIM: it does not even know CLA 00
        }
        if (!select.is(StatusWord.OK)) {
            log.debug("SELECT EF.DIR answered {}", StatusWord.format(select.sw()));
            return Optional.empty();
        }
        int[] shape = recordShape(select.data());
        for (int record = 1; record <= shape[1]; record++) {
            ResponseApdu answer = send(new byte[] {CLA, INS_READ_RECORD, (byte) record, RECORD_ABSOLUTE, (byte) shape[0]});
            if (StatusWord.RECORD_NOT_FOUND.matches(answer.sw())) {
                break;
            }
            if (!answer.is(StatusWord.OK)) {
                log.debug("READ RECORD {} of EF.DIR answered {}", record, StatusWord.format(answer.sw()));
                break;
            }
            try {
                ApplicationTemplate app = SimFiles.EF_DIR.decode(answer.data());
                if (app.isUsim()) {
                    return Optional.of(app);
                }
            } catch (IllegalArgumentException unusedRecord) {
                // an empty (FF) record: keep looking
            }
        }
        return Optional.empty();
    }

    /** SELECT ADF.USIM by its full AID (P1 = 04), no FCP. */
    public void select(ApplicationTemplate usim) throws CardIoException {
        int sw = select(0x04, Hex.decode(usim.aid()));
        if (!StatusWord.OK.matches(sw)) {
            throw new CardIoException(CardError.NOT_A_SIM, "SELECT ADF.USIM answered " + StatusWord.format(sw));
        }
    }

    /**
     * A SELECT that only makes a file current: no FCP asked for, a 61xx answer (a card that sends it anyway) reported as
     * {@code 9000} without GET RESPONSE; a card that refuses P2 = 0C is asked once more for its FCP, which is not fetched.
     */
    private int select(int p1, byte[] target) throws CardIoException {
        int sw = selected(command(INS_SELECT, p1, P2_NO_DATA, target));
        if (StatusWord.INCORRECT_P1_P2.matches(sw) || StatusWord.WRONG_P1_P2.matches(sw)) {
            sw = selected(command(INS_SELECT, p1, P2_FCP, target));
        }
        return sw;
    }

    private int selected(byte[] select) throws CardIoException {
        int sw = ResponseApdu.of(statusOnly.transmit(select)).sw();
        return StatusWord.isMoreDataAvailable(sw) ? StatusWord.OK.value() : sw;
    }

    /** EF.IMSI under the selected ADF.USIM. */
    public ImsiResult readImsi() throws CardIoException {
        int select = select(0x00, fid(SimFiles.EF_IMSI.fid()));
        if (!StatusWord.OK.matches(select)) {
            throw new CardIoException(CardError.NOT_A_SIM, "SELECT EF.IMSI answered " + StatusWord.format(select));
        }
        ResponseApdu read = send(new byte[] {CLA, INS_READ_BINARY, 0x00, 0x00, (byte) SimFiles.EF_IMSI.size()});
        if (StatusWord.SECURITY_STATUS_NOT_SATISFIED.matches(read.sw())) {
            return new ImsiResult.Unavailable(AkaResult.PinNotVerified.noPinGiven());
        }
        if (!read.is(StatusWord.OK)) {
            throw new CardIoException(CardError.NOT_A_SIM, "READ BINARY EF.IMSI answered " + StatusWord.format(read.sw()));
        }
        Imsi imsi;
        try {
            imsi = SimFiles.EF_IMSI.decode(read.data());
        } catch (IllegalArgumentException e) {
            throw new CardIoException(CardError.NOT_A_SIM, "EF.IMSI does not hold an IMSI");
        }
        return new ImsiResult.Read(imsi, mncLength());
    }

    /**
     * EF.AD byte 4: how many digits of the IMSI are the MNC. Empty when the card has no EF.AD, a shorter one, or a
     * reserved value: the caller guesses then ({@code Impi.guessMncLength}).
     */
    public OptionalInt mncLength() throws CardIoException {
        if (!StatusWord.OK.matches(select(0x00, fid(SimFiles.EF_AD.fid())))) {
            return OptionalInt.empty();
        }
        ResponseApdu read = send(new byte[] {CLA, INS_READ_BINARY, 0x00, 0x00, (byte) SimFiles.EF_AD.size()});
        if (!read.is(StatusWord.OK) || read.data().length < 3) {
            return OptionalInt.empty();
        }
        return SimFiles.EF_AD.decode(read.data()).mncLength();
    }

    /** AUTHENTICATE in the 3G context on the selected ADF.USIM. */
    public AkaResult authenticate(AkaChallenge challenge) throws CardIoException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] rand = challenge.rand();
        byte[] autn = challenge.autn();
        data.write(rand.length);
        data.writeBytes(rand);
        data.write(autn.length);
        data.writeBytes(autn);
        ResponseApdu answer = send(command(INS_AUTHENTICATE, 0x00, P2_3G_CONTEXT, data.toByteArray()));
        int sw = answer.sw();
        if (StatusWord.AUTHENTICATION_ERROR_INCORRECT_MAC.matches(sw)) {
            log.info("AUTHENTICATE: the card refused the network's MAC (9862)");
            return new AkaResult.MacFailure();
        }
        if (StatusWord.SECURITY_STATUS_NOT_SATISFIED.matches(sw)) {
            return AkaResult.PinNotVerified.noPinGiven();
        }
        if (StatusWord.SECURITY_CONTEXT_NOT_SUPPORTED.matches(sw) || StatusWord.INCORRECT_P1_P2.matches(sw)
                || StatusWord.INS_NOT_SUPPORTED.matches(sw)) {
            return new AkaResult.NotSupported("the USIM does not run AUTHENTICATE in the 3G context (" + StatusWord.format(sw) + ")");
        }
        if (!answer.is(StatusWord.OK)) {
            throw new CardIoException(CardError.CARD_MUTE, "AUTHENTICATE answered " + StatusWord.format(sw));
        }
        byte[] body = answer.data();
        try {
            return parse(body);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** {@code DB L RES L CK L IK [L Kc]} or {@code DC L AUTS} (TS 31.102 §7.1.2.1). */
    static AkaResult parse(byte[] body) throws CardIoException {
        if (body.length < 2) {
            throw new CardIoException(CardError.CARD_MUTE, "AUTHENTICATE answered " + body.length + " data bytes");
        }
        int tag = body[0] & 0xFF;
        if (tag == TAG_SYNC_FAILURE) {
            byte[] auts = field(body, 1);
            if (auts.length != 14) {
                throw new CardIoException(CardError.CARD_MUTE, "AUTS of " + auts.length + " bytes");
            }
            log.info("AUTHENTICATE: the card asks for resynchronisation (AUTS)");
            return new AkaResult.SyncFailure(auts);
        }
        if (tag != TAG_SUCCESS) {
            throw new CardIoException(CardError.CARD_MUTE, String.format("AUTHENTICATE answered tag %02X", tag));
        }
        int at = 1;
        byte[] res = field(body, at);
        at += 1 + res.length;
        byte[] ck = field(body, at);
        at += 1 + ck.length;
        byte[] ik = field(body, at);
        at += 1 + ik.length;
        Optional<byte[]> kc = at < body.length ? Optional.of(field(body, at)) : Optional.empty();
        if (res.length < 4 || res.length > 16 || ck.length != 16 || ik.length != 16 || kc.map(k -> k.length != 8).orElse(false)) {
            throw new CardIoException(CardError.CARD_MUTE, "AUTHENTICATE answered malformed RES/CK/IK lengths");
        }
        return new AkaResult.Success(res, ck, ik, kc);
    }

    private static byte[] field(byte[] body, int at) throws CardIoException {
        if (at >= body.length || at + 1 + (body[at] & 0xFF) > body.length) {
            throw new CardIoException(CardError.CARD_MUTE, "AUTHENTICATE answer cut short");
        }
        return Arrays.copyOfRange(body, at + 1, at + 1 + (body[at] & 0xFF));
    }

    /**
     * Finds and selects the USIM and applies the PIN rule; empty when AUTHENTICATE may go ahead, else the reason.
     * The PIN state is read before the PIN is sent, and a PIN is never sent with one try left.
     */
    private Optional<AkaResult> open(Optional<String> pin) throws CardIoException {
        Optional<ApplicationTemplate> usim = findUsim();
        if (usim.isEmpty()) {
            return Optional.of(new AkaResult.NotSupported("no USIM application (a 2G SIM, or a UICC without USIM)"));
        }
        select(usim.get());
        PinStatus status = pins.pinStatus();
        if (!status.enabled()) {
            return Optional.empty(); // no PIN, or already verified in this card session
        }
        if (pin.isEmpty()) {
            return Optional.of(AkaResult.PinNotVerified.noPinGiven());
        }
        PinResult verified = pins.verifyPin(pin.get());
        if (verified instanceof PinResult.Verified || verified instanceof PinResult.NotEnabled) {
            return Optional.empty();
        }
        if (verified instanceof PinResult.Failed failed) {
            throw new CardIoException(failed.error(), failed.detail());
        }
        return Optional.of(new AkaResult.PinNotVerified(Optional.of(verified)));
    }

    /** Record length and count from an FCP's file descriptor (tag 82: descriptor, coding, length(2), count). */
    private static int[] recordShape(byte[] fcp) {
        int defaultLength = SimFiles.EF_DIR.size();
        if (fcp.length > 2 && (fcp[0] & 0xFF) == 0x62) {
            for (int i = 2; i + 1 < fcp.length; i += 2 + (fcp[i + 1] & 0xFF)) {
                int length = fcp[i + 1] & 0xFF;
                if ((fcp[i] & 0xFF) == 0x82 && length >= 5 && i + 2 + length <= fcp.length) {
                    int recordLength = ((fcp[i + 4] & 0xFF) << 8) | (fcp[i + 5] & 0xFF);
                    int count = fcp[i + 6] & 0xFF;
                    return new int[] {recordLength == 0 || recordLength > 255 ? defaultLength : recordLength,
                        Math.min(Math.max(count, 1), MAX_RECORDS)};
                }
            }
        }
        return new int[] {defaultLength, MAX_RECORDS}; // unknown shape: read until 6A83, bounded
    }

    private ResponseApdu send(byte[] command) throws CardIoException {
        return ResponseApdu.of(card.transmit(command));
    }

    private static byte[] fid(int fid) {
        return CommandApdu.fid(fid);
    }

    private static byte[] command(byte ins, int p1, int p2, byte[] data) {
        return CommandApdu.withData(CLA, ins, p1, p2, data);
    }
}
