package com.simkiosk.printer;

/**
 * How a payment code is written for people, on the screen and on the paper alike: groups of four characters
 * separated by a space ({@code KS20 2611 2600 042}), the way store terminals print the numbers a cashier types.
 * A code the carrier already writes with its own separators ({@code 3884-5714-5974}) is kept as it is: the
 * cashier types what the carrier issued. The barcode and QR code carry the code itself.
 */
public final class PaymentReference {
    static final int GROUP = 4;

    private PaymentReference() {}

    public static String grouped(String code) {
        if (!code.chars().allMatch(Character::isLetterOrDigit)) {
            return code;
        }
        StringBuilder out = new StringBuilder(code.length() + code.length() / GROUP);
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % GROUP == 0) {
                out.append(' ');
            }
            out.append(code.charAt(i));
        }
        return out.toString();
    }
}
