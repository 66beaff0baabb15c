package com.simkiosk.mock.sim;

import com.simkiosk.card.CardError;
import com.simkiosk.card.apdu.ApduChannel;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.card.apdu.ResponseApdu;
import com.simkiosk.card.apdu.StatusWord;
import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.aka.SqnWindow;
import com.simkiosk.card.aka.UsimAlgorithm;
import com.simkiosk.card.fs.AdministrativeData;
import com.simkiosk.card.fs.ApplicationTemplate;
import com.simkiosk.card.fs.DedicatedFile;
import com.simkiosk.card.fs.ElementaryFile;
import com.simkiosk.card.fs.SimFile;
import com.simkiosk.card.fs.SimFiles;
import com.simkiosk.card.sim.PinBlock;
import com.simkiosk.mock.sim.VirtualSimSpec.Kind;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A SIM at APDU level, serving the file system declared in {@link SimFiles}: a UICC (CLA 00, FCP via
 * 61xx, VERIFY status via 63Cx), a 2G SIM (CLA A0, 9Fxx, GSM 11.11 responses) or a bank card (no EF 2FE2).
 * It answers like a raw T=0 card, so the reader's T=0 handling is exercised on every path. The PIN
 * counter survives resets, as on a real card. Thread-safe; one card, one owner.
 *
 * <p>A UICC also carries a USIM application: EF.DIR (2F00) lists it (and an ISIM), ADF.USIM is selected by AID,
 * and AUTHENTICATE (3GPP TS 31.102 §7.1.2, 3G context) runs Milenage with the card's own K/OPc and SQN window
 * ({@link UsimKeys}): {@code 9862} when AUTN's MAC is not made with this card's K, {@code DC} + AUTS when the SQN
 * is not fresh, else {@code DB} + RES, CK, IK, Kc, all through {@code 61xx}. Like a real card, the SQN state
 * survives resets.
 */
public final class VirtualSim implements ApduChannel {
    private static final byte[] UICC_ATR = Hex.decode("3B 06 55 49 43 43 30 31"); // T=0, "UICC01"
    private static final byte[] SIM_2G_ATR = Hex.decode("3B 06 47 53 4D 53 49 4D"); // T=0, "GSMSIM"
    private static final byte[] BANK_ATR = Hex.decode("3B 06 42 41 4E 4B 30 31"); // T=0, "BANK01"

    /** The USIM in EF.DIR record 1 (a full AID: 3GPP RID, USIM code, then country and provider bytes). */
    public static final ApplicationTemplate USIM_APP = new ApplicationTemplate(SimFiles.USIM_AID + "FF44FF128900000100", "USIM");
    private static final ApplicationTemplate ISIM_APP = new ApplicationTemplate("A0000000871004FF44FF128900000100", "ISIM");
    private static final int INS_AUTHENTICATE = 0x88;
    private static final int P2_3G_CONTEXT = 0x81;

    private final VirtualSimSpec spec;
    private final UsimAlgorithm usim;
    private int triesLeft;
    private boolean verified;
    private DedicatedFile currentDf = SimFiles.MF;
    private ElementaryFile<?> currentEf;
    private byte[] pendingResponse;
    private boolean wrongLeAnswered;
    private boolean pulledOut;
    private volatile Consumer<byte[]> commandTap = command -> {};

    public VirtualSim(VirtualSimSpec spec) {
        this.spec = spec;
        this.triesLeft = spec.triesLeft();
        UsimKeys keys = spec.usimKeys();
        byte[] k = keys.kBytes();
        byte[] opc = keys.opcBytes();
        this.usim = new UsimAlgorithm(k, opc, new SqnWindow(keys.lastAccepted()));
        Arrays.fill(k, (byte) 0);
        Arrays.fill(opc, (byte) 0);
    }

    public VirtualSimSpec spec() {
        return spec;
    }

    /**
     * Hands a copy of every command APDU that reaches this card to {@code tap} (replacing the previous one), on the
     * thread that transmits it: tests count the round trips a read costs, and {@code bench card --peer} records the
     * kiosk's sequence for its peer with it.
     */
    public void tapCommands(Consumer<byte[]> tap) {
        this.commandTap = Objects.requireNonNull(tap);
    }

    /** The ATR, or empty for a card with the {@link SimFault#NO_ATR} fault. */
    public Optional<byte[]> atr() {
        if (spec.has(SimFault.NO_ATR)) {
            return Optional.empty();
        }
        return Optional.of((switch (spec.kind()) {
            case UICC -> UICC_ATR;
            case SIM_2G -> SIM_2G_ATR;
            case BANK_CARD -> BANK_ATR;
        }).clone());
    }

    /** Power-on or reset: back to MF, PIN no longer verified; the try counter stays. */
    public synchronized void reset() {
        verified = false;
        currentDf = SimFiles.MF;
        currentEf = null;
        pendingResponse = null;
    }

    public synchronized int triesLeft() {
        return triesLeft;
    }

    @Override
    public byte[] transmit(byte[] command) throws CardIoException {
        commandTap.accept(command.clone());
        if (!spec.answerDelay().isZero()) {
            sleep();
        }
        synchronized (this) {
            if (pulledOut) {
                throw new CardIoException(CardError.CARD_REMOVED, "virtual card was pulled out");
            }
            if (command.length < 4) {
                return sw(StatusWord.WRONG_LENGTH);
            }
            return answer(command).toBytes();
        }
    }

    private void sleep() throws CardIoException {
        try {
            Thread.sleep(spec.answerDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardIoException(CardError.CARD_MUTE, "interrupted while the card was slow");
        }
    }

    private ResponseApdu answer(byte[] c) throws CardIoException {
        int cla = c[0] & 0xFF;
        int ins = c[1] & 0xFF;
        if (cla != expectedCla()) {
            return ResponseApdu.of(StatusWord.CLA_NOT_SUPPORTED);
        }
        if (spec.kind() == Kind.BANK_CARD) {
            return ResponseApdu.of(ins == 0xA4 ? StatusWord.FILE_NOT_FOUND : StatusWord.INS_NOT_SUPPORTED);
        }
        return switch (ins) {
            case 0xA4 -> select(c);
            case 0xC0 -> getResponse(c);
            case 0xB0 -> readBinary(c);
            case 0xB2 -> readRecord(c);
            case 0x20 -> verify(c);
            case INS_AUTHENTICATE -> authenticate(c);
            default -> ResponseApdu.of(StatusWord.INS_NOT_SUPPORTED);
        };
    }

    private boolean gsm() {
        return spec.kind() == Kind.SIM_2G;
    }

    private int expectedCla() {
        return gsm() ? 0xA0 : 0x00;
    }

    private ResponseApdu select(byte[] c) {
        int p1 = c[2] & 0xFF;
        int p2 = c[3] & 0xFF;
        byte[] data = body(c);
        Optional<SimFile> target;
        if (p1 == 0x04 && !gsm()) {
            target = Hex.encode(data).startsWith(SimFiles.USIM_AID) ? Optional.of(SimFiles.ADF_USIM) : Optional.empty();
        } else if (p1 == 0x00 && data.length == 2) {
            target = findByFid(((data[0] & 0xFF) << 8) | (data[1] & 0xFF));
        } else {
            return ResponseApdu.of(gsm() ? StatusWord.WRONG_P1_P2 : StatusWord.INCORRECT_P1_P2);
        }
        if (target.isEmpty()) {
            return ResponseApdu.of(gsm() ? StatusWord.GSM_FILE_NOT_FOUND : StatusWord.FILE_NOT_FOUND);
        }
        SimFile file = target.get();
        if (file instanceof DedicatedFile df) {
            currentDf = df;
            currentEf = null;
        } else {
            currentEf = (ElementaryFile<?>) file;
        }
        if (gsm()) {
            pendingResponse = gsmResponse(file);
            return new ResponseApdu(new byte[0], 0x9F00 | pendingResponse.length);
        }
        if (p2 == 0x0C) {
            pendingResponse = null;
            return ResponseApdu.of(StatusWord.OK);
        }
        if (p2 != 0x04) {
            return ResponseApdu.of(StatusWord.INCORRECT_P1_P2);
        }
        pendingResponse = fcp(file);
        return new ResponseApdu(new byte[0], 0x6100 | pendingResponse.length);
    }

    /** Lenient on purpose: MF, the current DF's children, MF's children, and 7FFF for the current ADF. */
    private Optional<SimFile> findByFid(int fid) {
        if (fid == SimFiles.MF.fid()) {
            return Optional.of(SimFiles.MF);
        }
        if (fid == SimFiles.ADF_USIM.fid() && !gsm()) {
            return Optional.of(SimFiles.ADF_USIM);
        }
        Optional<SimFile> here = currentDf.child(fid);
        return here.isPresent() ? here : SimFiles.MF.child(fid).filter(f -> !(gsm() && (f == SimFiles.ADF_USIM || f == SimFiles.EF_DIR)));
    }

    private ResponseApdu getResponse(byte[] c) {
        if (pendingResponse == null) {
            return ResponseApdu.of(StatusWord.CONDITIONS_OF_USE_NOT_SATISFIED);
        }
        int le = le(c);
        if (le != pendingResponse.length) {
            return new ResponseApdu(new byte[0], 0x6C00 | pendingResponse.length);
        }
        byte[] out = pendingResponse;
        pendingResponse = null;
        ResponseApdu answer = new ResponseApdu(out, StatusWord.OK.value());
        Arrays.fill(out, (byte) 0); // RES, CK, IK after AUTHENTICATE: the answer holds its own copy
        return answer;
    }

    private ResponseApdu readBinary(byte[] c) throws CardIoException {
        int p1 = c[2] & 0xFF;
        int offset;
        if ((p1 & 0x80) != 0 && !gsm()) {
            Optional<ElementaryFile<?>> bySfi = currentDf.childBySfi(p1 & 0x1F);
            if (bySfi.isEmpty()) {
                return ResponseApdu.of(StatusWord.FILE_NOT_FOUND);
            }
            currentEf = bySfi.get();
            offset = c[3] & 0xFF;
        } else {
            offset = (p1 << 8) | (c[3] & 0xFF);
        }
        if (currentEf == null || currentEf.structure() != ElementaryFile.Structure.TRANSPARENT) {
            return ResponseApdu.of(gsm() ? StatusWord.GSM_FILE_INCONSISTENT : StatusWord.COMMAND_NOT_ALLOWED_NO_EF);
        }
        if (needsPin(currentEf)) {
            return ResponseApdu.of(gsm() ? StatusWord.GSM_CHV_WRONG : StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        }
        if (currentEf == SimFiles.EF_ICCID && spec.has(SimFault.REMOVED_MID_READ)) {
            pulledOut = true;
            throw new CardIoException(CardError.CARD_REMOVED, "virtual card pulled out during READ BINARY");
        }
        byte[] content = content(currentEf);
        int available = Math.max(0, content.length - offset);
        int le = le(c);
        if (le > available || (spec.has(SimFault.WRONG_LE_ONCE) && !wrongLeAnswered)) {
            wrongLeAnswered = true;
            return new ResponseApdu(new byte[0], 0x6C00 | Math.min(available, 0xFF));
        }
        return new ResponseApdu(Arrays.copyOfRange(content, offset, offset + le), StatusWord.OK.value());
    }

    private ResponseApdu readRecord(byte[] c) {
        if (currentEf == null || currentEf.structure() != ElementaryFile.Structure.LINEAR_FIXED) {
            return ResponseApdu.of(gsm() ? StatusWord.GSM_FILE_INCONSISTENT : StatusWord.COMMAND_NOT_ALLOWED_NO_EF);
        }
        if (needsPin(currentEf)) {
            return ResponseApdu.of(gsm() ? StatusWord.GSM_CHV_WRONG : StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        }
        List<byte[]> records = records(currentEf);
        int number = c[2] & 0xFF;
        if (number < 1 || number > records.size() || (c[3] & 0xFF) != 0x04) {
            return ResponseApdu.of(StatusWord.RECORD_NOT_FOUND);
        }
        byte[] record = records.get(number - 1);
        if (le(c) != record.length) {
            return new ResponseApdu(new byte[0], 0x6C00 | record.length);
        }
        return new ResponseApdu(record, StatusWord.OK.value());
    }

    private ResponseApdu verify(byte[] c) {
        if ((c[3] & 0xFF) != 0x01) {
            return ResponseApdu.of(gsm() ? StatusWord.WRONG_P1_P2 : StatusWord.INCORRECT_P1_P2);
        }
        boolean statusOnly = c.length == 4;
        if (gsm() && statusOnly) {
            return ResponseApdu.of(StatusWord.WRONG_LENGTH);
        }
        if (!spec.pinEnabled()) {
            return ResponseApdu.of(gsm() ? StatusWord.GSM_CHV_CONTRADICTION : StatusWord.REFERENCE_DATA_NOT_USABLE);
        }
        if (triesLeft == 0) {
            return ResponseApdu.of(gsm() ? StatusWord.GSM_CHV_BLOCKED : StatusWord.AUTHENTICATION_METHOD_BLOCKED);
        }
        if (statusOnly) {
            return verified ? ResponseApdu.of(StatusWord.OK) : new ResponseApdu(new byte[0], 0x63C0 | triesLeft);
        }
        if (Arrays.equals(body(c), PinBlock.of(spec.pin()))) {
            triesLeft = VirtualSimSpec.MAX_TRIES;
            verified = true;
            return ResponseApdu.of(StatusWord.OK);
        }
        triesLeft--;
        verified = false;
        if (triesLeft == 0) {
            return ResponseApdu.of(gsm() ? StatusWord.GSM_CHV_BLOCKED : StatusWord.AUTHENTICATION_METHOD_BLOCKED);
        }
        return gsm() ? ResponseApdu.of(StatusWord.GSM_CHV_WRONG) : new ResponseApdu(new byte[0], 0x63C0 | triesLeft);
    }

    private boolean needsPin(ElementaryFile<?> ef) {
        // EF.ICCID and EF.DIR are readable always (TS 102 221 13.1, 13.2); the subscriber files need PIN1.
        return ef != SimFiles.EF_ICCID && ef != SimFiles.EF_DIR && spec.pinEnabled() && !verified;
    }

    /**
     * AUTHENTICATE, 3G context, on the selected ADF.USIM: data {@code 10 RAND 10 AUTN}; the answer waits for GET
     * RESPONSE ({@code 61xx}) unless it is the MAC failure {@code 9862}.
     */
    private ResponseApdu authenticate(byte[] c) throws CardIoException {
        if (currentDf != SimFiles.ADF_USIM) {
            return ResponseApdu.of(StatusWord.CONDITIONS_OF_USE_NOT_SATISFIED);
        }
        if ((c[2] & 0xFF) != 0x00 || (c[3] & 0xFF) != P2_3G_CONTEXT) {
            return ResponseApdu.of(StatusWord.INCORRECT_P1_P2);
        }
        if (spec.pinEnabled() && !verified) {
            return ResponseApdu.of(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        }
        byte[] data = body(c);
        if (data.length != 34 || data[0] != 16 || data[17] != 16) {
            return ResponseApdu.of(StatusWord.WRONG_LENGTH);
        }
        if (spec.has(SimFault.REMOVED_MID_AUTHENTICATE)) {
            pulledOut = true;
            throw new CardIoException(CardError.CARD_REMOVED, "virtual card pulled out during AUTHENTICATE");
        }
        AkaResult result = usim.authenticate(new AkaChallenge(Arrays.copyOfRange(data, 1, 17), Arrays.copyOfRange(data, 18, 34)));
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        if (result instanceof AkaResult.Success ok) {
            answer.write(0xDB);
            for (byte[] field : List.of(ok.res(), ok.ck(), ok.ik(), ok.kc().orElseThrow())) {
                answer.write(field.length);
                answer.writeBytes(field);
                Arrays.fill(field, (byte) 0);
            }
            ok.close();
        } else if (result instanceof AkaResult.SyncFailure sync) {
            byte[] auts = sync.auts();
            answer.write(0xDC);
            answer.write(auts.length);
            answer.writeBytes(auts);
        } else {
            return ResponseApdu.of(StatusWord.AUTHENTICATION_ERROR_INCORRECT_MAC);
        }
        pendingResponse = answer.toByteArray();
        return new ResponseApdu(new byte[0], 0x6100 | pendingResponse.length);
    }

    /** The records of a linear fixed file. */
    private List<byte[]> records(ElementaryFile<?> ef) {
        if (ef == SimFiles.EF_DIR) {
            return List.of(SimFiles.EF_DIR.encode(USIM_APP), SimFiles.EF_DIR.encode(ISIM_APP));
        }
        return List.of(content(ef));
    }

    /** File contents come from the shared declarations' encoders. */
    private byte[] content(ElementaryFile<?> ef) {
        if (ef == SimFiles.EF_ICCID) {
            return SimFiles.EF_ICCID.encode(spec.iccid());
        }
        if (ef == SimFiles.EF_IMSI) {
            return SimFiles.EF_IMSI.encode(spec.imsi());
        }
        if (ef == SimFiles.EF_AD) {
            return SimFiles.EF_AD.encode(new AdministrativeData(0x00, spec.mncLength()));
        }
        if (ef == SimFiles.EF_SPN) {
            return SimFiles.EF_SPN.encode(spec.spn());
        }
        if (ef == SimFiles.EF_MSISDN) {
            return SimFiles.EF_MSISDN.encode(spec.msisdn());
        }
        throw new IllegalStateException("no content declared for " + ef.name());
    }

    /** ETSI TS 102 221 11.1.1.3: a minimal FCP template (descriptor, identifier, size or AID). */
    private byte[] fcp(SimFile file) {
        ByteArrayOutputStream tlv = new ByteArrayOutputStream();
        if (file instanceof ElementaryFile<?> ef) {
            if (ef.structure() == ElementaryFile.Structure.TRANSPARENT) {
                tlv.writeBytes(new byte[] {(byte) 0x82, 0x02, 0x41, 0x21});
            } else {
                tlv.writeBytes(new byte[] {(byte) 0x82, 0x05, 0x42, 0x21, 0x00, (byte) ef.size(), (byte) records(ef).size()});
            }
            tlv.writeBytes(new byte[] {(byte) 0x83, 0x02, (byte) (ef.fid() >> 8), (byte) ef.fid()});
            tlv.writeBytes(new byte[] {(byte) 0x80, 0x02, (byte) (ef.size() >> 8), (byte) ef.size()});
        } else {
            DedicatedFile df = (DedicatedFile) file;
            tlv.writeBytes(new byte[] {(byte) 0x82, 0x02, 0x78, 0x21});
            tlv.writeBytes(new byte[] {(byte) 0x83, 0x02, (byte) (df.fid() >> 8), (byte) df.fid()});
            df.aid().ifPresent(aid -> {
                byte[] bytes = Hex.decode(aid);
                tlv.write(0x84);
                tlv.write(bytes.length);
                tlv.writeBytes(bytes);
            });
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x62);
        out.write(tlv.size());
        out.writeBytes(tlv.toByteArray());
        return out.toByteArray();
    }

    /** GSM 11.11 9.2.1: 15 bytes for an EF, 22 for MF/DF with the CHV1 state in bytes 14 and 19. */
    private byte[] gsmResponse(SimFile file) {
        if (file instanceof ElementaryFile<?> ef) {
            boolean linear = ef.structure() == ElementaryFile.Structure.LINEAR_FIXED;
            return new byte[] {0, 0, (byte) (ef.size() >> 8), (byte) ef.size(), (byte) (ef.fid() >> 8), (byte) ef.fid(),
                0x04, 0x00, 0x04, (byte) 0xFF, 0x44, 0x01, 0x02, (byte) (linear ? 0x01 : 0x00), (byte) (linear ? ef.size() : 0)};
        }
        int characteristics = spec.pinEnabled() ? 0x00 : 0x80;
        int chv1 = 0x80 | triesLeft;
        return new byte[] {0, 0, 0, 0, (byte) (file.fid() >> 8), (byte) file.fid(), (byte) (file == SimFiles.MF ? 0x01 : 0x02),
            0, 0, 0, 0, 0, 0x0A, (byte) characteristics, 0x01, 0x01, 0x04, 0x00, (byte) chv1, (byte) 0x8A, (byte) 0x83, (byte) 0x8A};
    }

    private static byte[] body(byte[] c) {
        if (c.length <= 5) {
            return new byte[0];
        }
        int lc = c[4] & 0xFF;
        return Arrays.copyOfRange(c, 5, Math.min(c.length, 5 + lc));
    }

    /** Le of a case-2 command; 00 means 256. */
    private static int le(byte[] c) {
        if (c.length != 5) {
            return 0;
        }
        int le = c[4] & 0xFF;
        return le == 0 ? 256 : le;
    }

    private static byte[] sw(StatusWord sw) {
        return ResponseApdu.of(sw).toBytes();
    }

    @Override
    public String toString() {
        return "VirtualSim[" + spec + "]";
    }
}
