package com.simkiosk.kiosk.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The maintenance PIN as stored in the config: PBKDF2-HMAC-SHA256 with a random salt, never the PIN itself.
 * {@code salt} and {@code hash} are Base64. {@link #toString()} shows neither.
 */
public record MaintenancePin(String algorithm, int iterations, String salt, String hash) {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int MIN_ITERATIONS = 10_000;
    public static final int MIN_PIN_DIGITS = 6;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    public MaintenancePin {
        if (!ALGORITHM.equals(algorithm)) {
            throw new IllegalArgumentException("algorithm must be " + ALGORITHM);
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be at least " + MIN_ITERATIONS);
        }
        decode(salt, "salt");
        decode(hash, "hash");
    }

    /** Hashes a new PIN (at least {@value #MIN_PIN_DIGITS} digits) with a fresh salt. */
    public static MaintenancePin hash(char[] pin, int iterations, SecureRandom random) {
        if (pin.length < MIN_PIN_DIGITS || !new String(pin).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a maintenance PIN has at least " + MIN_PIN_DIGITS + " digits");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return new MaintenancePin(ALGORITHM, iterations, b64.encodeToString(salt),
                b64.encodeToString(derive(pin, salt, iterations)));
    }

    /** Whether {@code pin} is the maintenance PIN; compares in constant time. */
    public boolean matches(char[] pin) {
        byte[] expected = decode(hash, "hash");
        byte[] actual = derive(pin, decode(salt, "salt"), iterations);
        try {
            return MessageDigest.isEqual(expected, actual);
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] decode(String base64, String what) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length < 8) {
                throw new IllegalArgumentException(what + " is too short");
            }
            return bytes;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(what + " must be Base64 of at least 8 bytes");
        }
    }

    @Override
    public String toString() {
        return "MaintenancePin[" + algorithm + ", " + iterations + " iterations]";
    }
}
