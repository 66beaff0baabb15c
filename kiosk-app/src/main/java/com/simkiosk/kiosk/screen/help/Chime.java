package com.simkiosk.kiosk.screen.help;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A short two-note chime that calls the clerk, made with javax.sound (no sound file). A kiosk without a sound device
 * (or a headless test machine) plays nothing and says so once in the log: the on-screen notice still calls staff.
 */
public final class Chime {
    private static final Logger log = LoggerFactory.getLogger(Chime.class);
    static final float RATE = 22_050f;

    private boolean warned;

    /** Plays the chime if a sound device can; returns whether it was started. Never throws. Not on the FX thread. */
    public synchronized boolean play() {
        try {
            byte[] pcm = tone();
            Clip clip = AudioSystem.getClip();
            clip.open(new AudioFormat(RATE, 16, 1, true, false), pcm, 0, pcm.length);
            clip.addLineListener(e -> {
                if (e.getType() == LineEvent.Type.STOP) {
                    clip.close();
                }
            });
            clip.start();
            return true;
        } catch (Exception | LinkageError e) {
            if (!warned) {
                log.warn("call staff: no sound device ({}); the notice on screen is shown alone", e.toString());
                warned = true;
            }
            return false;
        }
    }

    /** Two notes (E6 then C6), 0.18 s each, with soft edges so they do not click: 16-bit signed little-endian mono. */
    static byte[] tone() {
        double[] notes = {1318.5, 1046.5};
        int perNote = (int) (RATE * 0.18);
        byte[] pcm = new byte[notes.length * perNote * 2];
        int i = 0;
        for (double f : notes) {
            for (int n = 0; n < perNote; n++) {
                double edge = Math.min(1.0, Math.min(n, perNote - n) / (RATE * 0.01));
                short v = (short) (Math.sin(2 * Math.PI * f * n / RATE) * 0.4 * edge * Short.MAX_VALUE);
                pcm[i++] = (byte) v;
                pcm[i++] = (byte) (v >> 8);
            }
        }
        return pcm;
    }
}
