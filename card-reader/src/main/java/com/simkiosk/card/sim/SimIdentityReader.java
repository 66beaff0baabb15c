package com.simkiosk.card.sim;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardType;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.apdu.ApduChannel;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.apdu.CommandApdu;
import com.simkiosk.card.apdu.ResponseApdu;
import com.simkiosk.card.apdu.StatusWord;
import com.simkiosk.card.apdu.T0;
import com.simkiosk.card.fs.SimFiles;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads who a SIM is over any {@link ApduChannel} (PC/SC, AT+CSIM, the virtual SIM): UICC commands first,
 * the 2G (CLA A0) dialect when the card does not know CLA 00. Owns T=0, so the channel may be raw.
 * Never spends a PIN try it cannot afford: see {@link #verifyPin}.
 */
public final class SimIdentityReader {
    private static final Logger log = LoggerFactory.getLogger(SimIdentityReader.class);

    private static final byte UICC_CLA = 0x00;
    private static final byte GSM_CLA = (byte) 0xA0;
    private static final byte INS_SELECT = (byte) 0xA4;
    private static final byte INS_READ_BINARY = (byte) 0xB0;
    private static final byte INS_VERIFY = 0x20;
    /** TS 102 221 11.1.1.2: SELECT P2 = 0C, no data returned; 04 returns the FCP. */
    private static final int P2_NO_DATA = 0x0C;
    private static final int P2_FCP = 0x04;
    private static final byte CHV1 = 0x01;
    /** GSM 11.11 9.2.1: in the MF's SELECT response, file characteristics and CHV1 status. */
    private static final int GSM_FILE_CHARACTERISTICS = 13;
    private static final int GSM_CHV1_STATUS = 18;
    private static final int GSM_CHV1_DISABLED = 0x80;

    private final ApduChannel card;
    /** For commands whose response data nobody reads: a 61xx or 9Fxx answer is not fetched (one round trip less). */
    private final ApduChannel statusOnly;

    public SimIdentityReader(ApduChannel channel) {
        this.card = T0.over(channel);
        this.statusOnly = T0.statusOnly(channel);
    }

    /**
     * Card type, ICCID and PIN status, or a {@link CardIoException} with {@link CardError#NOT_A_SIM}
     * when the card has no EF.ICCID or its content is not an ICCID (bank cards, transport cards).
     */
    public SimIdentity read() throws CardIoException {
        CardType type = selectIccid();
        Iccid iccid = readIccid(type);
        PinStatus pin = (type == CardType.UICC ? uiccPinState() : gsmPinState()).status().orElse(PinStatus.DISABLED);
        log.debug("read {} SIM {}", type.label(), iccid);
        return new SimIdentity(type, iccid, pin);
    }

    /** The PIN state without spending a try. */
    public PinStatus pinStatus() throws CardIoException {
        return pinState().status().orElse(PinStatus.DISABLED);
    }

    /**
     * Verifies the SIM PIN, but only when at least two tries are left: a kiosk must never be the one that
     * blocks a customer's SIM. The PIN never reaches a log.
     */
    public PinResult verifyPin(String pin) {
        byte[] block = PinBlock.of(pin);
        try {
            PinState state = pinState();
            CardType type = state.type();
            Optional<PinStatus> status = state.status();
            if (status.isEmpty()) {
                return new PinResult.Failed(CardError.CARD_MUTE, "the card does not tell its PIN tries; not trying");
            }
            if (!status.get().enabled()) {
                return new PinResult.NotEnabled();
            }
            if (status.get().triesLeft() <= 1) {
                log.info("PIN not tried: {} tries left", status.get().triesLeft());
                return new PinResult.Refused(status.get().triesLeft());
            }
            ResponseApdu answer = send(command(cla(type), INS_VERIFY, 0x00, CHV1, block));
            Arrays.fill(block, (byte) 0);
            return pinAnswer(answer);
        } catch (CardIoException e) {
            return new PinResult.Failed(e.error(), e.getMessage());
        }
    }

    private PinResult pinAnswer(ResponseApdu answer) throws CardIoException {
        int sw = answer.sw();
        if (StatusWord.OK.matches(sw)) {
            return new PinResult.Verified();
        }
        if (StatusWord.isTriesLeft(sw)) {
            return new PinResult.Wrong(sw & 0x0F);
        }
        if (StatusWord.AUTHENTICATION_METHOD_BLOCKED.matches(sw) || StatusWord.GSM_CHV_BLOCKED.matches(sw)) {
            return new PinResult.Wrong(0);
        }
        if (StatusWord.GSM_CHV_WRONG.matches(sw)) {
            return new PinResult.Wrong(gsmPinState().status().map(PinStatus::triesLeft).orElse(0));
        }
        return new PinResult.Failed(CardError.NOT_A_SIM, "VERIFY answered " + StatusWord.format(sw));
    }

    /**
     * Selects EF.ICCID the UICC way without asking for its FCP (nobody reads it), falling back to the 2G way on a
     * class-not-supported answer; a 2G SIM's 9Fxx is not fetched either. Every APDU is a round trip through pcscd
     * (or the modem), so the read sends only what it uses: UICC {@code SELECT 0C, READ BINARY, VERIFY}; 2G
     * {@code SELECT (6E00), A0 SELECT (9Fxx), A0 READ BINARY, A0 SELECT MF, A0 GET RESPONSE}.
     */
    private CardType selectIccid() throws CardIoException {
        byte[] fid = fid(SimFiles.EF_ICCID.fid());
        int uicc = selected(command(UICC_CLA, INS_SELECT, 0x00, P2_NO_DATA, fid));
        if (StatusWord.INCORRECT_P1_P2.matches(uicc) || StatusWord.WRONG_P1_P2.matches(uicc)) {
            // a card that only answers with its FCP: ask for it, but still do not fetch it
            uicc = selected(command(UICC_CLA, INS_SELECT, 0x00, P2_FCP, fid));
        }
        if (StatusWord.OK.matches(uicc)) {
            return CardType.UICC;
        }
        if (!speaksOnlyGsm(uicc)) {
            throw notASim("SELECT EF.ICCID answered " + StatusWord.format(uicc));
        }
        int gsm = selected(command(GSM_CLA, INS_SELECT, 0x00, 0x00, fid));
        if (StatusWord.OK.matches(gsm)) {
            return CardType.SIM_2G;
        }
        throw notASim("2G SELECT EF.ICCID answered " + StatusWord.format(gsm));
    }

    /** A SELECT whose response nobody reads: 61xx and 9Fxx mean "selected", reported as {@code 9000}. */
    private int selected(byte[] select) throws CardIoException {
        int sw = ResponseApdu.of(statusOnly.transmit(select)).sw();
        return StatusWord.isMoreDataAvailable(sw) || StatusWord.isGsmResponseAvailable(sw) ? StatusWord.OK.value() : sw;
    }

    private Iccid readIccid(CardType type) throws CardIoException {
        int size = SimFiles.EF_ICCID.size();
        ResponseApdu answer = send(new byte[] {cla(type), INS_READ_BINARY, 0x00, 0x00, (byte) size});
        if (!answer.is(StatusWord.OK)) {
            throw notASim("READ BINARY EF.ICCID answered " + StatusWord.format(answer.sw()));
        }
        try {
            return SimFiles.EF_ICCID.decode(answer.data());
        } catch (IllegalArgumentException e) {
            throw notASim("EF 2FE2 does not hold an ICCID");
        }
    }

    /** The card's dialect and its PIN state; {@code status} is empty when the card answers outside the standards. */
    private record PinState(CardType type, Optional<PinStatus> status) {}

    /** Asks the UICC way first; a class-not-supported answer means a 2G SIM. */
    private PinState pinState() throws CardIoException {
        int sw = send(new byte[] {UICC_CLA, INS_VERIFY, 0x00, CHV1}).sw();
        return speaksOnlyGsm(sw) ? gsmPinState() : uiccPinState(sw);
    }

    private PinState uiccPinState() throws CardIoException {
        return uiccPinState(send(new byte[] {UICC_CLA, INS_VERIFY, 0x00, CHV1}).sw());
    }

    /**
     * TS 102 221 11.1.9: VERIFY without data tells the state and spends nothing. {@code 9000} means "no PIN"
     * or "PIN already given in this card session": reported as disabled, so {@link #verifyPin} never sends a
     * PIN then; callers that may have left the card verified reset it (PC/SC) or ask the module (AT).
     */
    private static PinState uiccPinState(int sw) {
        Optional<PinStatus> status = Optional.empty();
        if (StatusWord.isTriesLeft(sw)) {
            status = Optional.of(new PinStatus(true, sw & 0x0F));
        } else if (StatusWord.OK.matches(sw) || StatusWord.REFERENCE_DATA_NOT_USABLE.matches(sw)) {
            status = Optional.of(PinStatus.DISABLED);
        } else if (StatusWord.AUTHENTICATION_METHOD_BLOCKED.matches(sw)) {
            status = Optional.of(new PinStatus(true, 0));
        } else {
            log.debug("VERIFY without data answered {}", StatusWord.format(sw));
        }
        return new PinState(CardType.UICC, status);
    }

    /** GSM 11.11 has no status VERIFY; the MF's SELECT response carries the CHV1 state instead. */
    private PinState gsmPinState() throws CardIoException {
        ResponseApdu mf = send(command(GSM_CLA, INS_SELECT, 0x00, 0x00, fid(SimFiles.MF.fid())));
        byte[] info = mf.data();
        if (!mf.is(StatusWord.OK) || info.length <= GSM_CHV1_STATUS) {
            log.debug("2G SELECT MF answered {} with {} bytes", StatusWord.format(mf.sw()), info.length);
            return new PinState(CardType.SIM_2G, Optional.empty());
        }
        boolean enabled = (info[GSM_FILE_CHARACTERISTICS] & GSM_CHV1_DISABLED) == 0;
        int tries = info[GSM_CHV1_STATUS] & 0x0F;
        return new PinState(CardType.SIM_2G, Optional.of(enabled ? new PinStatus(true, tries) : PinStatus.DISABLED));
    }

    /** A 2G SIM rejects CLA 00 with 6Exx (class not supported), some with 6D00. */
    private static boolean speaksOnlyGsm(int sw) {
        return StatusWord.isClassNotSupported(sw) || StatusWord.INS_NOT_SUPPORTED.matches(sw);
    }

    private ResponseApdu send(byte[] command) throws CardIoException {
        return ResponseApdu.of(card.transmit(command));
    }

    private static byte cla(CardType type) {
        return type == CardType.UICC ? UICC_CLA : GSM_CLA;
    }

    private static byte[] fid(int fid) {
        return CommandApdu.fid(fid);
    }

    private static byte[] command(byte cla, byte ins, int p1, int p2, byte[] data) {
        return CommandApdu.withData(cla, ins, p1, p2, data);
    }

    private static CardIoException notASim(String detail) {
        return new CardIoException(CardError.NOT_A_SIM, detail);
    }

}
