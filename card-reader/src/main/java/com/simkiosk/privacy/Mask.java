package com.simkiosk.privacy;

/** The one place that decides how personal data looks in logs and on shared screens. */
public final class Mask {
    private Mask() {}

    /** {@code 8981100000000000901} → {@code 8981 10** **** **** 901}: issuer kept, serial hidden. */
    public static String iccid(String digits) {
        if (digits == null || digits.length() < 9) {
            return "****";
        }
        StringBuilder out = new StringBuilder();
        int keepTail = digits.length() - 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(i < 6 || i >= keepTail ? digits.charAt(i) : '*');
        }
        return out.toString();
    }

    /** {@code +819012345678} → {@code 090-****-5678}; foreign numbers keep only the last 4 digits. */
    public static String msisdn(String e164) {
        if (e164 == null) {
            return "****";
        }
        String digits = e164.replaceAll("\\D", "");
        if (digits.length() < 4) {
            return "****";
        }
        String last4 = digits.substring(digits.length() - 4);
        if (e164.startsWith("+81") && digits.length() == 12) {
            return "0" + digits.substring(2, 4) + "-****-" + last4;
        }
        return "****" + last4;
    }

    /** Codes, PINs and other secrets never appear, not even in part. */
    public static String secret(String any) {
        return "******";
    }
}
