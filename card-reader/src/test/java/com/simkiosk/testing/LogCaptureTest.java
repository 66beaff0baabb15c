package com.simkiosk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log-privacy tests read what was logged while a simulator's or a flow's threads may still be logging; reading
 * must then neither throw nor lose a line (CI once failed on a {@code ConcurrentModificationException} there).
 */
class LogCaptureTest {
    private static final Logger LOG = LoggerFactory.getLogger("com.simkiosk.testing.busy");
    private static final int LINES = 20_000;

    @Test
    void readingWhileAnotherThreadLogsSeesAConsistentListAndFinallyEveryLine() throws Exception {
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk.testing")) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < LINES; i++) {
                    LOG.debug("line {}", i);
                }
            });
            int reads = 0;
            int seen = 0;
            while (!writer.isDone() || reads == 0) {
                int now = logs.messages().size();
                assertThat(now).isGreaterThanOrEqualTo(seen);
                seen = now;
                reads++;
            }
            writer.get(60, TimeUnit.SECONDS);
            assertThat(logs.messages()).hasSize(LINES).startsWith("line 0").endsWith("line " + (LINES - 1));
            assertThat(logs.text()).contains("line 12345");
        }
    }

    @Test
    void theLevelIsRestoredOnClose() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LOG;
        ch.qos.logback.classic.Level before = logger.getLevel();
        try (LogCapture logs = LogCapture.at(ch.qos.logback.classic.Level.TRACE, LOG.getName())) {
            LOG.trace("seen at trace");
            assertThat(logs.messages()).containsExactly("seen at trace");
        }
        assertThat(logger.getLevel()).isEqualTo(before);
        LOG.trace("not captured after close");
    }
}
