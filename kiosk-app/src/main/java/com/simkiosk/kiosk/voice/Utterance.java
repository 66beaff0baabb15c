package com.simkiosk.kiosk.voice;

/**
 * One sentence to speak. {@code key} names its script; {@code cacheable} is false when the text carries figures
 * (a balance, a price, the last digits of a number): those are rendered when needed and never written to disk.
 */
public record Utterance(String key, String text, boolean cacheable) {

    /** The text can be personal (figures): it stays off logs. */
    @Override
    public String toString() {
        return "Utterance[" + key + (cacheable ? ", " + text : ", with figures") + "]";
    }
}
