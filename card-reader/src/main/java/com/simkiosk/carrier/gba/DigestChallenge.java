package com.simkiosk.carrier.gba;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 9110 §11.6.1, RFC 7616 §3.3, RFC 3310 §3.2): its scheme and
 * its parameters, names lower-cased, values unquoted ({@code \"} and {@code \\} unescaped). A header may carry several
 * challenges ({@code Digest …, Basic …}); quoted values may hold commas and spaces. Parsing never throws: what cannot
 * be read ends the list there.
 */
public record DigestChallenge(String scheme, Map<String, String> params) {

    public DigestChallenge {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }

    /** {@code Digest} with {@code algorithm=AKAv1-MD5} (RFC 3310 §3.1), both case-insensitive. */
    public boolean isDigestAkaV1Md5() {
        return scheme.equalsIgnoreCase("Digest") && param("algorithm").filter("AKAv1-MD5"::equalsIgnoreCase).isPresent();
    }

    /** The {@code qop} options offered ({@code qop="auth,auth-int"}), lower-cased; empty for an RFC 2069 challenge. */
    public List<String> qopOptions() {
        List<String> out = new ArrayList<>();
        param("qop").ifPresent(q -> {
            for (String option : q.split(",")) {
                String o = option.trim().toLowerCase(Locale.ROOT);
                if (!o.isEmpty()) {
                    out.add(o);
                }
            }
        });
        return out;
    }

    /** Every challenge of the header values, in order. */
    public static List<DigestChallenge> parseAll(List<String> headerValues) {
        List<DigestChallenge> all = new ArrayList<>();
        for (String value : headerValues) {
            all.addAll(parse(value));
        }
        return all;
    }

    /** The challenges of one header value; a value that makes no sense gives what was read before it. */
    public static List<DigestChallenge> parse(String header) {
        List<DigestChallenge> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        Cursor c = new Cursor(header);
        while (true) {
            c.skipSeparators();
            Optional<String> scheme = c.token();
            if (scheme.isEmpty()) {
                return out;
            }
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                int mark = c.pos;
                c.skipSeparators();
                Optional<String> name = c.token();
                c.skipSpace();
                if (name.isEmpty() || !c.eat('=')) {
                    c.pos = mark; // the next challenge's scheme, or the end
                    break;
                }
                c.skipSpace();
                Optional<String> value = c.peek() == '"' ? c.quoted() : c.token();
                if (value.isEmpty()) {
                    out.add(new DigestChallenge(scheme.get(), params));
                    return out;
                }
                params.putIfAbsent(name.get().toLowerCase(Locale.ROOT), value.get());
                c.skipSpace();
                if (!c.atEnd() && c.peek() != ',') {
                    break;
                }
            }
            out.add(new DigestChallenge(scheme.get(), params));
            if (c.atEnd()) {
                return out;
            }
            int before = c.pos;
            c.skipSeparators();
            if (c.pos == before && !c.atEnd() && c.peek() != ',' && !Character.isWhitespace(c.peek())) {
                return out; // stuck on something that is neither a token nor a separator
            }
        }
    }

    /** RFC 9110 §5.6.2 token characters. */
    private static boolean tchar(char ch) {
        return ch < 127 && ch > 32 && "\"(),/:;<=>?@[\\]{}".indexOf(ch) < 0;
    }

    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(pos);
        }

        boolean eat(char ch) {
            if (peek() == ch && !atEnd()) {
                pos++;
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (!atEnd() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        void skipSeparators() {
            while (!atEnd() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == ',')) {
                pos++;
            }
        }

        Optional<String> token() {
            int start = pos;
            while (!atEnd() && tchar(s.charAt(pos))) {
                pos++;
            }
            // token68 (RFC 9110 §11.2) may end in '=' signs; only as a whole value, never before '=' of a parameter
            return pos == start ? Optional.empty() : Optional.of(s.substring(start, pos));
        }

        Optional<String> quoted() {
            StringBuilder out = new StringBuilder();
            pos++; // opening quote
            while (!atEnd()) {
                char ch = s.charAt(pos++);
                if (ch == '"') {
                    return Optional.of(out.toString());
                }
                if (ch == '\\' && !atEnd()) {
                    ch = s.charAt(pos++);
                }
                out.append(ch);
            }
            return Optional.empty(); // unterminated
        }
    }
}
