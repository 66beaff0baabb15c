package com.simkiosk.testing.conformance;

/** JSON pointer tokens (RFC 6901): {@code ~} → {@code ~0}, {@code /} → {@code ~1}. */
final class Pointers {
    private Pointers() {}

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String join(String... tokens) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            sb.append('/').append(escape(t));
        }
        return sb.toString();
    }
}
