package com.simkiosk.card.fs;

/** Bytes of an EF to a value and back. Decoding rejects what is not this kind of file with IllegalArgumentException. */
public interface FileCodec<T> {
    T decode(byte[] content);

    byte[] encode(T value, int size);
}
