package com.simkiosk.kiosk.phone;

import com.google.i18n.phonenumbers.AsYouTypeFormatter;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.simkiosk.carrier.Msisdn;
import java.util.Optional;
import java.util.Set;

/**
 * The phone-number keypad's model: digits as typed in national form ({@code 09012345678}), formatted as typed
 * ({@code 090-1234-5678}), and accepted only when libphonenumber says it is a valid Japanese number on one of the
 * mobile/data ranges 070, 080, 090 or 020.
 */
public final class PhoneNumberInput {

    /** The longest Japanese national number with its trunk 0 (mobile and data numbers have 11 digits). */
    public static final int MAX_DIGITS = 11;

    private static final String REGION = "JP";
    private static final Set<String> MOBILE_PREFIXES = Set.of("070", "080", "090", "020");
    /** 020 in E.164: Japan's data-only (M2M) numbers. */
    private static final String DATA_ONLY_E164 = "+8120";

    private final PhoneNumberUtil util;
    private final StringBuilder digits = new StringBuilder(MAX_DIGITS);
    private String formatted = "";

    public PhoneNumberInput(PhoneNumberUtil util) {
        this.util = util;
    }

    public PhoneNumberInput() {
        this(PhoneNumberUtil.getInstance());
    }

    /** Appends one digit; ignored once {@link #MAX_DIGITS} are typed. Returns whether it was taken. */
    public boolean type(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("a keypad digit is 0 to 9");
        }
        if (digits.length() >= MAX_DIGITS) {
            return false;
        }
        digits.append((char) ('0' + digit));
        reformat();
        return true;
    }

    public void backspace() {
        if (digits.length() > 0) {
            digits.setLength(digits.length() - 1);
            reformat();
        }
    }

    public void clear() {
        digits.setLength(0);
        formatted = "";
    }

    public String digits() {
        return digits.toString();
    }

    /** As typed, grouped the Japanese way ({@code 090-1234-5678}); the formatter has no backspace, so it is re-fed. */
    public String formatted() {
        return formatted;
    }

    public boolean valid() {
        return msisdn().isPresent();
    }

    /** The number in E.164, when the digits form a valid Japanese mobile or data number. */
    public Optional<Msisdn> msisdn() {
        String typed = digits.toString();
        if (typed.length() < 3 || !MOBILE_PREFIXES.contains(typed.substring(0, 3))) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(typed, REGION);
            if (!util.isValidNumberForRegion(number, REGION)) {
                return Optional.empty();
            }
            return Optional.of(new Msisdn(util.format(number, PhoneNumberFormat.E164)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code number} is a Japanese data-only number (020: M2M and data plans), which cannot receive an SMS
     * code. The keypad accepts it (it names a line), but the code path is not for it.
     */
    public static boolean dataOnly(Msisdn number) {
        return number.e164().startsWith(DATA_ONLY_E164);
    }

    private void reformat() {
        AsYouTypeFormatter formatter = util.getAsYouTypeFormatter(REGION);
        String out = "";
        for (int i = 0; i < digits.length(); i++) {
            out = formatter.inputDigit(digits.charAt(i));
        }
        formatted = out;
    }
}
