package com.simkiosk.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every message logged under a logger (and its children) at DEBUG and above while open; the level restored on close. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level before;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        this.before = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    /** Captures {@code name} (e.g. {@code "com.simkiosk"}) at DEBUG. */
    public static LogCapture atDebug(String name) {
        return new LogCapture(name);
    }

    /** The formatted messages so far. */
    public List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /**
     * The messages so far as one text, without the names of the test's own pseudo-terminals ({@code PtyPair}'s
     * random {@code kiosk-pty…} directory) and socat's process id: their digits are not the customer's, and a run
     * whose temporary directory happens to hold "777" must not look like a leak in a log-privacy test.
     */
    public String textWithoutPtyNames() {
        return String.join("\n", messages()).replaceAll("kiosk-pty\\d+", "kiosk-pty").replaceAll("pid \\d+", "pid");
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(before);
    }
}
