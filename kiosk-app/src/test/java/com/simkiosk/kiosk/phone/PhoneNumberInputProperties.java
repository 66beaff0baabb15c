package com.simkiosk.kiosk.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.simkiosk.carrier.Msisdn;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever a customer presses on the keypad, the input holds at most 11 digits, shows exactly those digits, and offers
 * a number only when it is a valid Japanese mobile or data number in E.164.
 */
class PhoneNumberInputProperties {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** A key press: 0-9 types a digit, -1 is backspace, -2 is clear. */
    private static final int BACKSPACE = -1;
    private static final int CLEAR = -2;

    @Property(tries = 2000)
    void anyKeySequenceLeavesAnInputThatTellsTheTruth(@ForAll("presses") List<Integer> presses) throws NumberParseException {
        PhoneNumberInput input = new PhoneNumberInput(UTIL);
        StringBuilder expected = new StringBuilder();
        for (int key : presses) {
            switch (key) {
                case BACKSPACE -> {
                    input.backspace();
                    expected.setLength(Math.max(0, expected.length() - 1));
                }
                case CLEAR -> {
                    input.clear();
                    expected.setLength(0);
                }
                default -> {
                    boolean taken = input.type(key);
                    assertThat(taken).isEqualTo(expected.length() < PhoneNumberInput.MAX_DIGITS);
                    if (taken) {
                        expected.append(key);
                    }
                }
            }
        }
        assertThat(input.digits()).isEqualTo(expected.toString());
        assertThat(input.formatted().replaceAll("\\D", "")).isEqualTo(expected.toString());
        Optional<Msisdn> number = input.msisdn();
        assertThat(input.valid()).isEqualTo(number.isPresent());
        if (number.isPresent()) {
            String e164 = number.get().e164();
            assertThat(e164).isEqualTo("+81" + expected.substring(1)).matches("\\+81[2789]0\\d{8}");
            assertThat(UTIL.isValidNumberForRegion(UTIL.parse(e164, "ZZ"), "JP")).isTrue();
        }
    }

    @Property(tries = 1000)
    void aValidMobileNumberTypedInFullIsOffered(@ForAll("mobilePrefixes") String prefix,
            @ForAll @IntRange(min = 0, max = 99_999_999) int subscriber) {
        PhoneNumberInput input = new PhoneNumberInput(UTIL);
        String typed = prefix + "%08d".formatted(subscriber);
        typed.chars().forEach(c -> input.type(c - '0'));
        boolean validByLibrary;
        try {
            validByLibrary = UTIL.isValidNumberForRegion(UTIL.parse(typed, "JP"), "JP");
        } catch (NumberParseException e) {
            validByLibrary = false;
        }
        assertThat(input.msisdn().map(Msisdn::e164)).isEqualTo(validByLibrary ? Optional.of("+81" + typed.substring(1)) : Optional.empty());
    }

    @Property(tries = 1000)
    void aKeyThatIsNotADigitIsRefused(@ForAll int key) {
        PhoneNumberInput input = new PhoneNumberInput(UTIL);
        if (key >= 0 && key <= 9) {
            assertThat(input.type(key)).isTrue();
        } else {
            assertThatThrownBy(() -> input.type(key)).isInstanceOf(IllegalArgumentException.class);
            assertThat(input.digits()).isEmpty();
        }
    }

    @Provide
    Arbitrary<List<Integer>> presses() {
        Arbitrary<Integer> key = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.integers().between(0, 9)),
                Tuple.of(2, Arbitraries.just(BACKSPACE)),
                Tuple.of(1, Arbitraries.just(CLEAR)));
        Arbitrary<List<Integer>> mobileStart = Arbitraries.of("070", "080", "090", "020")
                .map(p -> p.chars().map(c -> c - '0').boxed().toList());
        return Arbitraries.oneOf(
                key.list().ofMaxSize(30),
                mobileStart.flatMap(start -> key.list().ofMinSize(6).ofMaxSize(12).map(rest -> concat(start, rest))));
    }

    @Provide
    Arbitrary<String> mobilePrefixes() {
        return Arbitraries.of("070", "080", "090", "020");
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
