package com.simkiosk.kiosk.app.realx;

import com.simkiosk.testing.TestTime;
import java.awt.Rectangle;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kiosk's top-level window as the X server has it: found by its class, geometry read with xwininfo. */
final class KioskWindow {
    private static final Duration BOUND = TestTime.bound(Duration.ofSeconds(10));
    private static final Pattern FIELD = Pattern.compile("^\\s*(Absolute upper-left X|Absolute upper-left Y|Width|Height|Map State):\\s*(\\S+)",
            Pattern.MULTILINE);

    private KioskWindow() {
    }

    /** The visible window of the JVM (GTK names the class after the program: "java"), if it is mapped yet. */
    static Optional<String> find(String display) {
        try {
            String ids = Commands.run(display, BOUND, "xdotool", "search", "--onlyvisible", "--class", "^java$").strip();
            return ids.isEmpty() ? Optional.empty() : Optional.of(ids.lines().reduce((a, b) -> b).orElseThrow());
        } catch (Commands.CommandFailed e) {
            return Optional.empty(); // xdotool exits 1 while nothing matches
        }
    }

    /** The window's inside (what the application draws, without the window manager's frame), in screen pixels. */
    static Rectangle geometry(String display, String id) {
        String info = Commands.run(display, BOUND, "xwininfo", "-id", id);
        Matcher m = FIELD.matcher(info);
        int x = 0, y = 0, w = 0, h = 0;
        boolean viewable = false;
        while (m.find()) {
            switch (m.group(1)) {
                case "Absolute upper-left X" -> x = Integer.parseInt(m.group(2));
                case "Absolute upper-left Y" -> y = Integer.parseInt(m.group(2));
                case "Width" -> w = Integer.parseInt(m.group(2));
                case "Height" -> h = Integer.parseInt(m.group(2));
                default -> viewable = m.group(2).equals("IsViewable");
            }
        }
        if (!viewable) {
            throw new Commands.CommandFailed("window " + id + " is not viewable");
        }
        return new Rectangle(x, y, w, h);
    }
}
