package com.simkiosk.card.fs;

import com.simkiosk.card.Iccid;
import com.simkiosk.card.fs.ElementaryFile.Structure;
import java.util.List;
import java.util.Optional;

/**
 * The SIM file system, declared once as data. The reader walks it to know what to select and how to
 * decode; the virtual SIM walks it to know what to serve. Adding a file is one declaration here.
 */
public final class SimFiles {
    private SimFiles() {}

    /** ETSI TS 102 221 13.2: EF.ICCID, under MF, SFI 02. */
    public static final ElementaryFile<Iccid> EF_ICCID =
            new ElementaryFile<>("EF.ICCID", 0x2FE2, 0x02, Structure.TRANSPARENT, 10, SimCodecs.ICCID);

    /** ETSI TS 102 221 13.1: EF.DIR, under MF, SFI 1E, one application template per record (UICC only). */
    public static final ElementaryFile<ApplicationTemplate> EF_DIR =
            new ElementaryFile<>("EF.DIR", 0x2F00, 0x1E, Structure.LINEAR_FIXED, 38, SimCodecs.APPLICATION_TEMPLATE);

    /** TS 31.102 4.2.2 / GSM 11.11 10.3.2: EF.IMSI. */
    public static final ElementaryFile<Imsi> EF_IMSI =
            new ElementaryFile<>("EF.IMSI", 0x6F07, 0x07, Structure.TRANSPARENT, 9, SimCodecs.IMSI);

    /** TS 31.102 4.2.18 / GSM 11.11 10.3.18: EF.AD, byte 4 the MNC length of the IMSI (needed for the IMPI). */
    public static final ElementaryFile<AdministrativeData> EF_AD =
            new ElementaryFile<>("EF.AD", 0x6FAD, 0x03, Structure.TRANSPARENT, 4, SimCodecs.AD);

    /** TS 31.102 4.2.12 / GSM 11.11 10.3.11: EF.SPN. */
    public static final ElementaryFile<ServiceProviderName> EF_SPN =
            new ElementaryFile<>("EF.SPN", 0x6F46, 0, Structure.TRANSPARENT, 17, SimCodecs.SPN);

    /** TS 31.102 4.2.26 / GSM 11.11 10.5.5: EF.MSISDN, records of 14 bytes plus a 14-byte label. */
    public static final ElementaryFile<DialingNumber> EF_MSISDN =
            new ElementaryFile<>("EF.MSISDN", 0x6F40, 0, Structure.LINEAR_FIXED, 28, SimCodecs.MSISDN);

    /** The USIM application (RID A000000087, application 1002); partial AID selection is enough. */
    public static final String USIM_AID = "A0000000871002";

    /** The same subscriber files live in ADF.USIM on a UICC and in DF.GSM on a 2G SIM. */
    private static final List<SimFile> SUBSCRIBER_FILES = List.of(EF_IMSI, EF_AD, EF_SPN, EF_MSISDN);

    public static final DedicatedFile ADF_USIM = new DedicatedFile("ADF.USIM", 0x7FFF, Optional.of(USIM_AID), SUBSCRIBER_FILES);

    public static final DedicatedFile DF_GSM = new DedicatedFile("DF.GSM", 0x7F20, Optional.empty(), SUBSCRIBER_FILES);

    public static final DedicatedFile MF = new DedicatedFile("MF", 0x3F00, Optional.empty(), List.of(EF_ICCID, EF_DIR, DF_GSM, ADF_USIM));

    /** Every file under MF, depth first (MF itself first). */
    public static List<SimFile> all() {
        List<SimFile> out = new java.util.ArrayList<>();
        collect(MF, out);
        return List.copyOf(out);
    }

    private static void collect(SimFile file, List<SimFile> out) {
        out.add(file);
        if (file instanceof DedicatedFile df) {
            df.children().forEach(child -> collect(child, out));
        }
    }
}
