package com.simkiosk.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.testing.MutatedJson;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever file an operator (or an intruder) puts where the configuration goes, loading it gives a configuration whose
 * values are in their documented ranges, or a {@link ConfigException} with problems to show; nothing else escapes,
 * and a huge file is refused without being read whole.
 */
class KioskConfigProperties {
    private static final Path DOCUMENTED_EXAMPLE = Path.of("..", "docs", "examples", "kiosk.json");
    private static final String MINIMAL = """
            {"storeId": "s1", "kioskId": "k1", "reader": {"type": "serial", "device": "/dev/ttyUSB0", "baud": 115200},
             "printer": {"type": "memory"}, "timeouts": {"carrierCallSeconds": 5},
             "backends": [{"name": "sim", "baseUrl": "http://127.0.0.1:8080", "clientId": "c",
                           "clientSecret": "s3cret", "iccidPrefixes": ["8981"]}],
             "maintenancePin": {"iterations": 600000, "salt": "KKB47rpw22rW4LuR/8JxUA==",
                                "hash": "6fqbDaU2vfPH30VV873oFEJ4Y7vUQbcm3eTdgjVqrHI="}}""";

    private static Path dir;

    @BeforeContainer
    static void makeDirectory() throws IOException {
        dir = Files.createTempDirectory("kiosk-config-properties",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    @AfterContainer
    static void removeDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 1000)
    void anyFileLoadsAsASensibleConfigurationOrIsRefused(@ForAll("configs") String json) throws IOException {
        Path file = privateFile(json.getBytes(StandardCharsets.UTF_8));
        try {
            KioskConfig config = KioskConfig.load(file);
            assertThat(List.of(config.storeId(), config.kioskId())).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"));
            assertThat(config.backends().size() + (config.aggregator().isPresent() ? 1 : 0)).isPositive();
            assertThat(new HashSet<>(config.backends().stream().map(KioskConfig.Backend::name).toList())).hasSize(config.backends().size());
            assertThat(config.languages()).isNotEmpty().contains(config.defaultLanguage());
            assertThat(config.timeouts().idleWarning().toSeconds()).isBetween(10L, 3_600L);
            assertThat(config.timeouts().idleCountdown().toSeconds()).isBetween(3L, 120L);
            assertThat(config.timeouts().carrierCall().toSeconds()).isBetween(1L, 60L);
            assertThat(config.timeouts().cardRead().toSeconds()).isBetween(1L, 30L);
            if (config.reader() instanceof KioskConfig.ReaderChoice.Serial serial) {
                assertThat(serial.baud()).isBetween(1_200, 921_600);
            }
        } catch (ConfigException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank());
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 500)
    void aNumberIsTakenExactlyOrRefused(@ForAll("wholeNumbers") BigInteger seconds) throws IOException {
        Path file = privateFile(MINIMAL.replace("\"carrierCallSeconds\": 5", "\"carrierCallSeconds\": " + seconds)
                .getBytes(StandardCharsets.UTF_8));
        try {
            long taken = KioskConfig.load(file).timeouts().carrierCall().toSeconds();
            assertThat(BigInteger.valueOf(taken)).isEqualTo(seconds);
        } catch (ConfigException e) {
            assertThat(seconds).matches(s -> s.compareTo(BigInteger.ONE) < 0 || s.compareTo(BigInteger.valueOf(60)) > 0,
                    "outside 1..60");
        } finally {
            Files.delete(file);
        }
    }

    @Example
    void aHugeFileIsRefusedWithoutBeingReadWhole() throws IOException {
        Path file = privateFile(new byte[0]);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(Integer.MAX_VALUE + 1L); // more than any byte array could hold
        }
        assertThatThrownBy(() -> KioskConfig.load(file)).isInstanceOf(ConfigException.class);
        Files.delete(file);
    }

    private static Path privateFile(byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "kiosk", ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.write(file, content);
    }

    @Provide
    Arbitrary<String> configs() throws IOException {
        return Arbitraries.oneOf(MutatedJson.of(Files.readString(DOCUMENTED_EXAMPLE)), MutatedJson.of(MINIMAL));
    }

    @Provide
    Arbitrary<BigInteger> wholeNumbers() {
        BigInteger twoTo64 = BigInteger.TWO.pow(64);
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-100), BigInteger.valueOf(100)),
                Arbitraries.bigIntegers().between(twoTo64.negate().shiftLeft(8), twoTo64.shiftLeft(8)),
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(60)).map(twoTo64::add),
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(60)).map(n -> n.add(BigInteger.TWO.pow(32))));
    }
}
