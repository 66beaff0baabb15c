package com.simkiosk.kiosk.screen.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.screen.common.Pictures.Problem;
import com.simkiosk.kiosk.screen.error.ErrorScreen.WayForward;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorScreenTest {
    @ParameterizedTest(name = "{0}: a {1} problem, forward by {2} (with retry: {3})")
    @CsvSource({
        "NOT_A_SIM,               CARD,    USE_NUMBER, USE_NUMBER",
        "FOREIGN_SIM,             CARD,    TAKE_SIM,   TAKE_SIM",
        "CARD_REMOVED,            CARD,    START_OVER, START_OVER",
        "READER_PROBLEM,          CARD,    USE_NUMBER, RETRY",
        "CARD_TIMEOUT,            CARD,    USE_NUMBER, RETRY",
        "WRONG_PIN,               CARD,    START_OVER, START_OVER",
        "SIM_NOT_CONFIRMED,       CARD,    USE_NUMBER, USE_NUMBER",
        "BACKEND_DOWN,            SERVICE, START_OVER, RETRY",
        "PRINTER_UNAVAILABLE,     SERVICE, START_OVER, START_OVER",
        "LINE_SUSPENDED,          LINE,    START_OVER, START_OVER",
        "LINE_EXPIRED,            LINE,    START_OVER, START_OVER",
        "LINE_TERMINATED,         LINE,    START_OVER, START_OVER",
        "CANNOT_VERIFY,           LINE,    START_OVER, START_OVER",
        "NUMBER_CANNOT_GET_CODES, LINE,    START_OVER, START_OVER",
        "DATA_ONLY_NUMBER,        LINE,    START_OVER, START_OVER",
        "WRONG_CODE,              LINE,    START_OVER, START_OVER",
        "CODE_EXPIRED,            LINE,    START_OVER, START_OVER",
        "WRONG_DETAIL,            LINE,    START_OVER, START_OVER",
        "TOO_MANY_TRIES,          LINE,    START_OVER, START_OVER",
        "NOT_FOUND,               LINE,    START_OVER, START_OVER",
    })
    void eachKindHasItsIconGroupAndItsWayForward(ErrorKind kind, Problem problem, WayForward withoutRetry, WayForward retryable) {
        assertThat(ErrorScreen.problem(kind)).isEqualTo(problem);
        assertThat(ErrorScreen.wayForward(kind, false)).isEqualTo(withoutRetry);
        // The flow offers Retry only for retryable kinds; where it does, Retry leads.
        assertThat(ErrorScreen.wayForward(kind, kind.retryable())).isEqualTo(kind.retryable() ? WayForward.RETRY : withoutRetry);
        assertThat(kind.retryable() ? WayForward.RETRY : withoutRetry).isEqualTo(retryable);
    }
}
