package com.simkiosk.carrier.gba;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * HTTP Digest (RFC 2617 §3.2.2) with MD5, as AKAv1-MD5 uses it (RFC 3310 §3.3): the password is the card's RES as
 * raw bytes, or empty for the synchronisation-failure request that carries AUTS (§3.4).
 *
 * <pre>
 * HA1 = MD5(username ":" realm ":" password)
 * HA2 = MD5(method ":" digest-uri)                       qop=auth or none
 *     = MD5(method ":" digest-uri ":" MD5(entity-body))  qop=auth-int
 * response = MD5(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)   with qop
 *          = MD5(HA1 ":" nonce ":" HA2)                               without (RFC 2069)
 * rspauth  = the same with an empty method (RFC 2617 §3.2.3), the server's body for auth-int
 * </pre>
 */
public final class DigestAka {
    private static final HexFormat HEX = HexFormat.of();

    private DigestAka() {}

    /** What both sides put into the digest. {@code qop} empty: RFC 2069 compatibility (no nc, no cnonce). */
    public record Input(String username, String realm, String nonce, String method, String uri, Optional<String> qop,
                        String nc, String cnonce) {}

    /** The {@code response} directive: lower-case hex of 16 bytes. */
    public static String response(Input in, byte[] password, byte[] body) {
        return digest(in, password, in.method(), body);
    }

    /** The {@code rspauth} of {@code Authentication-Info} (RFC 2617 §3.2.3): A2 without the method. */
    public static String rspauth(Input in, byte[] password, byte[] responseBody) {
        return digest(in, password, "", responseBody);
    }

    private static String digest(Input in, byte[] password, String method, byte[] body) {
        byte[] a1 = concat(ascii(in.username() + ":" + in.realm() + ":"), password);
        String ha1 = md5Hex(a1);
        Arrays.fill(a1, (byte) 0);
        String a2 = method + ":" + in.uri();
        if (in.qop().filter("auth-int"::equalsIgnoreCase).isPresent()) {
            a2 += ":" + md5Hex(body);
        }
        String ha2 = md5Hex(ascii(a2));
        String kd = in.qop().isPresent()
                ? ha1 + ":" + in.nonce() + ":" + in.nc() + ":" + in.cnonce() + ":" + in.qop().get() + ":" + ha2
                : ha1 + ":" + in.nonce() + ":" + ha2;
        return md5Hex(ascii(kd));
    }

    static String md5Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** Digest parameter values are sent as ISO-8859-1 in practice; an IMPI and a realm are ASCII. */
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
