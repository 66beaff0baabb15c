package com.simkiosk.mock.serial;

import java.util.List;

/** How a family of cellular modules spells the ICCID and PIN-counter commands, and what it chatters unasked. */
public enum ModemDialect {
    /** Quectel (EC2x, BG9x): {@code AT+QCCID → +QCCID: 89…F}, {@code AT+QPINC}. */
    QUECTEL("AT+QCCID", "+QCCID: ", true, "AT+QPINC=\"SC\"", List.of("+QIND: \"csq\",24,99", "+CEREG: 1")),
    /** SIMCom (SIM800/SIM7600): {@code AT+CCID} answers bare digits, {@code AT+CICCID → +ICCID:}, {@code AT+SPIC}. */
    SIMCOM("AT+CCID", "", false, "AT+SPIC", List.of("SMS Ready", "+CREG: 1", "RING")),
    /** u-blox (SARA, LARA): {@code AT+CCID → +CCID: 89…}, {@code AT+UPINCNT}. */
    UBLOX("AT+CCID", "+CCID: ", false, "AT+UPINCNT", List.of("+CEREG: 5", "+UUPSDA: 0,\"10.0.0.2\""));

    final String iccidCommand;
    final String iccidPrefix;
    final boolean padsWithF;
    final String triesCommand;
    final List<String> chatter;

    ModemDialect(String iccidCommand, String iccidPrefix, boolean padsWithF, String triesCommand, List<String> chatter) {
        this.iccidCommand = iccidCommand;
        this.iccidPrefix = iccidPrefix;
        this.padsWithF = padsWithF;
        this.triesCommand = triesCommand;
        this.chatter = chatter;
    }

    String triesAnswer(int tries) {
        return switch (this) {
            case QUECTEL -> "+QPINC: \"SC\"," + tries + ",10";
            case SIMCOM -> "+SPIC: " + tries + ",10,3,10";
            case UBLOX -> "+UPINCNT: " + tries + ",10,3,10";
        };
    }
}
