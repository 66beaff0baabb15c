package com.simkiosk.card;

/** How the card answered: a UICC (CLA 00, 3G/4G/5G) or an old GSM SIM (CLA A0). */
public enum CardType {
    UICC("UICC"),
    SIM_2G("2G");

    private final String label;

    CardType(String label) {
        this.label = label;
    }

    /** The name used in JSON output and logs: {@code UICC} or {@code 2G}. */
    public String label() {
        return label;
    }
}
