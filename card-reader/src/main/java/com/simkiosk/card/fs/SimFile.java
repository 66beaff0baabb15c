package com.simkiosk.card.fs;

/** A node of the SIM file system: a directory (MF, DF, ADF) or an elementary file. */
public sealed interface SimFile permits DedicatedFile, ElementaryFile {
    String name();

    /** The two-byte file identifier, e.g. {@code 0x2FE2}. */
    int fid();
}
