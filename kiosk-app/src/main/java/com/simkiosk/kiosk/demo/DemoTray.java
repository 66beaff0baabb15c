package com.simkiosk.kiosk.demo;

import com.simkiosk.mock.carrier.DemoLine;

/** The demo visitor's hands: put a demo card in the reader, or take it out. In memory, or through pcscd + vpcd. */
public interface DemoTray {
    /** The SIM of a demo line, with its PIN ({@code pinTriesLeft} tries left) when it has one. */
    void insertSim(DemoLine line, int pinTriesLeft);

    /**
     * A demo line's SIM with its USIM (the line's IMSI): {@code genuine} holds the line's key and proves itself to
     * the simulator's BSF; otherwise a forged card with the same ICCID and IMSI but another key (MAC failure).
     * Without PIN, so the check runs at once.
     */
    void insertUsim(DemoLine line, boolean genuine);

    /** A SIM from abroad (not served by any Japanese back end). */
    void insertForeignSim();

    /** A card that answers but is not a SIM (a bank card). */
    void insertBankCard();

    void remove();
}
