package com.simkiosk.kiosk.screen.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.simkiosk.kiosk.screen.maintenance.GuardedSecret.Outcome;
import com.simkiosk.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The hostile tester's run: 15 wrong PINs in 23 s, then the right one - and a restart in between. */
class GuardedSecretTest {
    private static final String PIN = "24681357";
    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-01T00:00:00Z")); // only differences matter
    private final MaintenanceLock lock = PIN::equals;
    private final Logger logger = (Logger) LoggerFactory.getLogger(GuardedSecret.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @TempDir
    Path state;

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private GuardedSecret kiosk() throws Exception {
        return GuardedSecret.persistent("maintenance-pin", "maintenance PIN", lock, state, clock);
    }

    @Test
    void threeFreeTriesThenAWaitThatDoublesUpToACap() throws Exception {
        GuardedSecret pin = kiosk();

        assertThat(pin.attempt("000000")).isEqualTo(new Outcome.Wrong(Optional.empty()));
        assertThat(pin.attempt("000001")).isEqualTo(new Outcome.Wrong(Optional.empty()));
        assertThat(pin.attempt("000002")).isEqualTo(new Outcome.Wrong(Optional.of(Duration.ofSeconds(30))));
        clock.advance(Duration.ofSeconds(30));
        assertThat(pin.attempt("000003")).isEqualTo(new Outcome.Wrong(Optional.of(Duration.ofSeconds(60))));
        clock.advance(Duration.ofSeconds(60));
        assertThat(pin.attempt("000004")).isEqualTo(new Outcome.Wrong(Optional.of(Duration.ofSeconds(120))));
        assertThat(GuardedSecret.waitAfter(30)).isEqualTo(GuardedSecret.LONGEST_WAIT);
    }

    @Test
    void fifteenWrongTriesInTwentyThreeSecondsDoNotLetTheRightOneInAtOnce() throws Exception {
        GuardedSecret pin = kiosk();
        for (int i = 0; i < 15; i++) {
            pin.attempt("1111" + i);
            clock.advance(Duration.ofMillis(1_500));
        }

        Outcome right = pin.attempt(PIN);

        assertThat(right).isInstanceOf(Outcome.TooSoon.class);
        assertThat(((Outcome.TooSoon) right).nextTryIn()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30));
        clock.advance(((Outcome.TooSoon) right).nextTryIn());
        assertThat(pin.attempt(PIN)).isEqualTo(new Outcome.Accepted());
        assertThat(pin.attempt("999999")).isEqualTo(new Outcome.Wrong(Optional.empty())); // the count starts over
    }

    @Test
    void aTryDuringTheWaitIsNotEvenChecked() throws Exception {
        int[] checks = {0};
        GuardedSecret pin = GuardedSecret.persistent("maintenance-pin", "maintenance PIN",
                typed -> ++checks[0] > 0 && PIN.equals(typed), state, clock);
        for (int i = 0; i < 3; i++) {
            pin.attempt("000000");
        }

        assertThat(pin.attempt(PIN)).isEqualTo(new Outcome.TooSoon(Duration.ofSeconds(30)));
        assertThat(checks[0]).isEqualTo(3);
    }

    @Test
    void aRestartKeepsTheCountAndTheWait() throws Exception {
        GuardedSecret before = kiosk();
        for (int i = 0; i < 4; i++) {
            before.attempt("000000");
        }
        clock.advance(Duration.ofSeconds(20));

        GuardedSecret after = kiosk(); // the plug was pulled

        assertThat(after.waitLeft()).contains(Duration.ofSeconds(10));
        assertThat(after.attempt(PIN)).isEqualTo(new Outcome.TooSoon(Duration.ofSeconds(10)));
        clock.advance(Duration.ofSeconds(10));
        assertThat(after.attempt("000000")).isEqualTo(new Outcome.Wrong(Optional.of(Duration.ofSeconds(60))));
    }

    @Test
    void theStateFileHoldsOnlyACountAndATime() throws Exception {
        GuardedSecret pin = kiosk();
        pin.attempt("13579246");
        pin.attempt(PIN);
        pin.attempt("86420000");

        String file = Files.readString(state.resolve("maintenance-pin.attempts"));
        assertThat(file).doesNotContain("13579246", PIN, "86420000")
                .contains("failures=1", "notBefore=" + clock.instant());
        try (var files = Files.list(state)) {
            assertThat(files).containsExactly(state.resolve("maintenance-pin.attempts"));
        }
    }

    @Test
    void aDamagedStateFileCostsTheLongestWaitNotFreeTries() throws Exception {
        Files.writeString(state.resolve("maintenance-pin.attempts"), "failures=banana\n");

        assertThat(kiosk().waitLeft()).contains(GuardedSecret.LONGEST_WAIT);
    }

    @Test
    void aWaitFarInTheFutureIsCappedSoAClockSetBackCannotLockTheOperatorOutForDays() throws Exception {
        Files.writeString(state.resolve("maintenance-pin.attempts"),
                "failures=9\nnotBefore=" + clock.instant().plus(Duration.ofDays(30)) + "\n");

        assertThat(kiosk().waitLeft()).contains(GuardedSecret.LONGEST_WAIT);
    }

    @Test
    void everyWrongTryIsAWarningWithoutThePin() throws Exception {
        GuardedSecret pin = kiosk();
        for (int i = 0; i < 3; i++) {
            pin.attempt("55555" + i);
        }
        pin.attempt(PIN);

        assertThat(logs.list).hasSize(4).allMatch(e -> e.getLevel() == Level.WARN);
        assertThat(logs.list.get(2).getFormattedMessage())
                .isEqualTo("maintenance PIN: wrong (3 in a row); the next try is checked in 30 s");
        assertThat(logs.list.get(3).getFormattedMessage()).contains("refused unchecked");
        assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains("55555") || e.getFormattedMessage().contains(PIN));
    }
}
