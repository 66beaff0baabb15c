package com.simkiosk.kiosk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The kiosk's logging set up in code, as the launcher's logback.xml did it. */
class LogSetupTest {

    @Test
    void warnToStandardErrorUnlessAskedOtherwise() {
        LoggerContext context = new LoggerContext();
        LogSetup.apply(context, null);

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<ILoggingEvent> err = (ConsoleAppender<ILoggingEvent>) root.getAppender("ERR");
        assertThat(err.getTarget()).isEqualTo("System.err");
        assertThat(err.isStarted()).isTrue();
    }

    @Test
    void theOperatorChoosesTheLevelWithKioskLogLevel() {
        LoggerContext debug = new LoggerContext();
        LogSetup.apply(debug, "DEBUG");
        assertThat(debug.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);

        LoggerContext typo = new LoggerContext();
        LogSetup.apply(typo, "LOUD");
        assertThat(typo.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void logbackFindsItAndItStepsAsideForTheTestsOwnFile() {
        assertThat(ServiceLoader.load(Configurator.class)).anyMatch(c -> c instanceof LogSetup);
        // The test class path holds logback-test.xml: logback goes on to read it.
        assertThat(new LogSetup().configure(new LoggerContext())).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }
}
