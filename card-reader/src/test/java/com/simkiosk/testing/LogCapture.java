package com.simkiosk.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every event logged under a logger (and its children) at a chosen level and above while open; the level restored on
 * close.
 *
 * <p>Safe to read while other threads still log (a simulator's server threads, a flow's worker, a reader's monitor):
 * logback appends to a {@link ListAppender} under the appender's own lock, and the readers here copy under the same
 * lock. Reading {@code ListAppender.list} directly while something else logs can throw
 * {@code ConcurrentModificationException}.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level before;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Logger logger, Level level) {
        this.logger = logger;
        this.before = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(level);
    }

    /** Captures {@code name} (e.g. {@code "com.simkiosk"}) at DEBUG. */
    public static LogCapture atDebug(String name) {
        return at(Level.DEBUG, name);
    }

    /** Captures {@code type}'s logger at DEBUG. */
    public static LogCapture atDebug(Class<?> type) {
        return at(Level.DEBUG, type.getName());
    }

    /** Captures {@code name} at {@code level}, whatever the test's logback configuration sets. */
    public static LogCapture at(Level level, String name) {
        return new LogCapture((Logger) LoggerFactory.getLogger(name), level);
    }

    /** The events so far, copied. */
    public List<ILoggingEvent> events() {
        synchronized (appender) { // AppenderBase.doAppend holds this lock while it adds
            return List.copyOf(appender.list);
        }
    }

    /** The formatted messages so far. */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The formatted messages so far as one text, a line each. */
    public String text() {
        return String.join("\n", messages());
    }

    /**
     * The messages so far as one text, without the names of the test's own pseudo-terminals ({@code PtyPair}'s
     * random {@code kiosk-pty…} directory) and socat's process id: their digits are not the customer's, and a run
     * whose temporary directory happens to hold "777" must not look like a leak in a log-privacy test.
     */
    public String textWithoutPtyNames() {
        return text().replaceAll("kiosk-pty\\d+", "kiosk-pty").replaceAll("pid \\d+", "pid");
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(before);
    }
}
