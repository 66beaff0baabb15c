package com.simkiosk.kiosk.voice;

/**
 * One sentence to speak. {@code key} names its script; {@code cacheable} is false when the text carries figures
 * (a balance, a price, the last digits of a number): those are rendered when needed and never written to disk.
 * {@code lead} is the fixed words of the script before its first figure ("Data left:"), empty when the sentence
 * starts with a figure or has none: the lead is a piece that may be pre-rendered and starts the sentence while its
 * figures are still being synthesised ({@link SpeechRenderer}).
 */
public record Utterance(String key, String text, boolean cacheable, String lead) {

    public Utterance {
        if (!text.startsWith(lead)) {
            throw new IllegalArgumentException("the lead of " + key + " is not the start of its text");
        }
    }

    /** A sentence without a separate lead. */
    public Utterance(String key, String text, boolean cacheable) {
        this(key, text, cacheable, "");
    }

    /** The words after the lead: the figures and what follows them (the whole text when there is no lead). */
    public String rest() {
        return text.substring(lead.length()).strip();
    }

    /** The lead as a fixed piece of its own (not personal: it holds no figure), or empty. */
    public java.util.Optional<Utterance> leadPiece() {
        return cacheable || lead.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(new Utterance(key, lead.strip(), true));
    }

    /** The text can be personal (figures): it stays off logs. */
    @Override
    public String toString() {
        return "Utterance[" + key + (cacheable ? ", " + text : ", with figures") + "]";
    }
}
