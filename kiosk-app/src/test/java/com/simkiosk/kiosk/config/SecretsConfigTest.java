package com.simkiosk.kiosk.config;

import static com.simkiosk.kiosk.config.KioskConfigTest.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets out of the configuration: a systemd credential ({@code LoadCredential=} → {@code $CREDENTIALS_DIRECTORY})
 * or a private file, referenced from it; then the configuration itself may be readable by others, and a secret
 * file that others may read is refused with one line that says how to mend it.
 */
class SecretsConfigTest {
    @TempDir
    Path dir;

    private Path credentials() throws Exception {
        return Files.createDirectories(dir.resolve("credentials"));
    }

    private static Path write(Path file, String text, String mode) throws Exception {
        Files.writeString(file, text);
        return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }

    /** The minimal configuration with its client secret given as {@code secret} (JSON), readable by everyone. */
    private Path config(String secret) throws Exception {
        return write(dir.resolve("kiosk.json"), minimal("").replace("\"s3cret\"", secret), "rw-r--r--");
    }

    private static List<String> problems(Path file, Map<String, String> env) {
        try {
            KioskConfig.load(file, env);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected " + file + " to be refused");
    }

    @Test
    void aClientSecretComesFromASystemdCredentialAndTheConfigMayThenBeReadableByAll() throws Exception {
        Path creds = credentials();
        write(creds.resolve("carrier-a-secret"), "from-systemd\n", "r--------");
        Path file = config("{\"credential\": \"carrier-a-secret\"}");

        KioskConfig config = KioskConfig.load(file, Map.of("CREDENTIALS_DIRECTORY", creds.toString()));

        assertThat(config.backends().get(0).clientSecret()).isEqualTo("from-systemd");
        assertThat(config.toString()).doesNotContain("from-systemd");
    }

    @Test
    void aCredentialOutsideSystemdOrNotLoadedSaysWhichLineTheUnitNeeds() throws Exception {
        Path file = config("{\"credential\": \"carrier-a-secret\"}");

        assertThat(problems(file, Map.of())).containsExactly("backends[0].clientSecret.credential: 'carrier-a-secret' is "
                + "a systemd credential, but CREDENTIALS_DIRECTORY is not set (LoadCredential=carrier-a-secret:/etc/simkiosk/"
                + "carrier-a-secret in the unit)");
        assertThat(problems(file, Map.of("CREDENTIALS_DIRECTORY", credentials().toString()))).containsExactly(
                "backends[0].clientSecret.credential: the systemd credential 'carrier-a-secret' is not there "
                        + "(LoadCredential=carrier-a-secret:/etc/simkiosk/carrier-a-secret in the unit)");
    }

    @Test
    void aSecretFileIsReadWhenOnlyTheKiosksUserMayReadIt() throws Exception {
        Path secret = write(dir.resolve("carrier-a.secret"), "from-a-file\r\n", "rw-------");
        Path file = config("{\"file\": \"carrier-a.secret\"}"); // relative to the configuration's folder

        assertThat(KioskConfig.load(file, Map.of()).backends().get(0).clientSecret()).isEqualTo("from-a-file");

        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(problems(file, Map.of())).containsExactly("backends[0].clientSecret.file: " + secret
                + " holds a secret but group or others may read it (rw-r-----): chmod 600 " + secret);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw----r--"));
        assertThat(problems(file, Map.of())).singleElement().asString().contains("(rw----r--): chmod 600 " + secret);
    }

    @Test
    void keyStorePasswordsComeFromCredentialsToo() throws Exception {
        Path creds = credentials();
        write(creds.resolve("trust-password"), "trust-pw", "r--------");
        write(creds.resolve("key-password"), "key-pw", "r--------");
        Files.write(dir.resolve("ca.p12"), new byte[] {1});
        Files.write(dir.resolve("kiosk.p12"), new byte[] {1});
        Path file = write(dir.resolve("kiosk.json"), minimal("").replace("\"iccidPrefixes\"",
                "\"trustStore\": \"ca.p12\", \"trustStorePassword\": {\"credential\": \"trust-password\"}, "
                        + "\"clientKeyStore\": \"kiosk.p12\", \"clientKeyStorePassword\": {\"credential\": \"key-password\"}, "
                        + "\"iccidPrefixes\"").replace("\"s3cret\"", "{\"credential\": \"trust-password\"}"), "rw-r--r--");

        KioskConfig.Backend backend = KioskConfig.load(file, Map.of("CREDENTIALS_DIRECTORY", creds.toString())).backends().get(0);

        assertThat(backend.trustStorePassword()).contains("trust-pw");
        assertThat(backend.clientKeyStorePassword()).contains("key-pw");
    }

    @Test
    void aReferenceNamesOneSourceAndAnEmptyOrMultiLineFileIsNoSecret() throws Exception {
        Path both = config("{\"credential\": \"a\", \"file\": \"/etc/simkiosk/a\"}");
        assertThat(problems(both, Map.of())).containsExactly(
                "backends[0].clientSecret: give either \"credential\": NAME (a systemd credential) or \"file\": PATH");

        Path empty = write(dir.resolve("empty.secret"), "\n", "rw-------");
        assertThat(problems(config("{\"file\": \"empty.secret\"}"), Map.of()))
                .containsExactly("backends[0].clientSecret.file: " + empty + " is empty");

        Path twoLines = write(dir.resolve("two.secret"), "one\ntwo\n", "rw-------");
        assertThat(problems(config("{\"file\": \"two.secret\"}"), Map.of()))
                .containsExactly("backends[0].clientSecret.file: " + twoLines + " must hold the secret alone, on one line");

        assertThat(problems(config("{\"vault\": \"x\"}"), Map.of())).contains(
                "backends[0].clientSecret.vault: unknown field (known: credential, file)");
    }
}
