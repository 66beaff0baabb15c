package com.simkiosk.card.fs;

/**
 * One record of EF.DIR (ETSI TS 102 221 §13.1): an application on the UICC, by AID (upper-case hex, 1 to 16
 * bytes) and its label ("" when the card gives none).
 */
public record ApplicationTemplate(String aid, String label) {
    public ApplicationTemplate {
        if (aid == null || !aid.matches("([0-9A-F]{2}){1,16}") || label == null) {
            throw new IllegalArgumentException("an AID is 1 to 16 bytes of upper-case hex");
        }
    }

    /** A USIM: RID A000000087 (3GPP) and application code 1002 (TS 101 220 Annex E). */
    public boolean isUsim() {
        return aid.startsWith(SimFiles.USIM_AID);
    }
}
