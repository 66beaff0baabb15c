package com.simkiosk.printer;

/** The printer's state from a real-time status request. */
public enum PrinterStatus { READY, PAPER_OUT, COVER_OPEN, OFFLINE, NOT_CONNECTED }
