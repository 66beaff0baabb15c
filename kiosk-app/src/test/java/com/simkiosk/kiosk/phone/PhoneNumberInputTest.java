package com.simkiosk.kiosk.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.carrier.Msisdn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberInputTest {

    private final PhoneNumberInput input = new PhoneNumberInput();

    private void type(String digits) {
        for (char c : digits.toCharArray()) {
            input.type(c - '0');
        }
    }

    @Test
    void startsEmptyAndInvalid() {
        assertThat(input.digits()).isEmpty();
        assertThat(input.formatted()).isEmpty();
        assertThat(input.valid()).isFalse();
        assertThat(input.msisdn()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "090, 090",
        "0901, 090-1",
        "0901234, 090-1234",
        "09012345, 090-1234-5",
        "09012345678, 090-1234-5678",
    })
    void formatsAsTyped(String typed, String shown) {
        type(typed);

        assertThat(input.formatted()).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({
        "09012345678, +819012345678",
        "08098765432, +818098765432",
        "07011112222, +817011112222",
    })
    void acceptsJapaneseMobileNumbersAsE164(String typed, String e164) {
        type(typed);

        assertThat(input.valid()).isTrue();
        assertThat(input.msisdn()).contains(new Msisdn(e164));
    }

    @Test
    void acceptsDataOnlyNumbersOn020() {
        type("02012345678");

        assertThat(input.msisdn()).contains(new Msisdn("+812012345678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0312345678", // Tokyo landline
        "0120123456", // toll free
        "05012345678", // IP phone
        "0901234567", // one digit short
        "19012345678", // no trunk zero
    })
    void rejectsNumbersThatAreNotMobileOrData(String typed) {
        type(typed);

        assertThat(input.valid()).isFalse();
        assertThat(input.msisdn()).isEmpty();
    }

    @Test
    void stopsTakingDigitsAtElevenAndBackspaceReformats() {
        type("09012345678");
        assertThat(input.type(9)).isFalse();
        assertThat(input.digits()).isEqualTo("09012345678");

        input.backspace();

        assertThat(input.digits()).isEqualTo("0901234567");
        assertThat(input.formatted()).isEqualTo("090-1234-567");
        assertThat(input.valid()).isFalse();
    }

    @Test
    void backspaceOnEmptyAndClearLeaveNothing() {
        input.backspace();
        type("090123");
        input.clear();

        assertThat(input.digits()).isEmpty();
        assertThat(input.formatted()).isEmpty();
    }

    @Test
    void refusesAnythingButADigit() {
        assertThatThrownBy(() -> input.type(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
