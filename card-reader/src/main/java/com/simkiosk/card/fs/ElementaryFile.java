package com.simkiosk.card.fs;

/**
 * One EF, declared once with everything needed to read it and to serve it from a virtual SIM.
 *
 * @param sfi short file identifier, 0 when the file has none
 * @param size the file size (transparent) or the record length (linear fixed)
 */
public record ElementaryFile<T>(String name, int fid, int sfi, Structure structure, int size, FileCodec<T> codec)
        implements SimFile {

    public enum Structure { TRANSPARENT, LINEAR_FIXED }

    public T decode(byte[] content) {
        return codec.decode(content);
    }

    /** The file content (or one record) for this value, padded to {@link #size()}. */
    public byte[] encode(T value) {
        byte[] out = codec.encode(value, size);
        if (out.length != size) {
            throw new IllegalStateException(name + " codec produced " + out.length + " bytes, not " + size);
        }
        return out;
    }
}
