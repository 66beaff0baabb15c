package com.simkiosk.card;

/** The outcome of reading the card in a reader. */
public sealed interface ReadResult {
    record Sim(CardIdentity identity) implements ReadResult {}

    /** {@code detail} is for logs and operators: it never carries personal data. */
    record Failed(CardError error, String detail) implements ReadResult {}
}
