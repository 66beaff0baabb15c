package com.simkiosk.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The copies in docs/specs (what the conformance tests read, so a clone anywhere has them) are the unedited official
 * documents: each matches the SHA-256 recorded in {@code docs/specs/SHA256SUMS} when they were copied from the
 * project's shared/specs, and, where that folder is beside the checkout (developers' machines), it byte for byte.
 */
class SpecsCopyTest {

    @Test
    void docsSpecsHoldsTheUneditedOfficialDocuments() throws Exception {
        Path copies = OfficialApis.shared().directory();
        List<String> sums = Files.readAllLines(copies.resolve("SHA256SUMS"));
        assertThat(sums).hasSizeGreaterThanOrEqualTo(9);
        for (String line : sums) {
            String expected = line.substring(0, 64);
            String name = line.substring(64).trim();
            Path copy = copies.resolve(name);
            assertThat(copy).as("docs/specs/%s", name).exists();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(copy))))
                    .as("docs/specs/%s is the document as published", name).isEqualTo(expected);
        }

        Optional<Path> shared = sharedSpecs().filter(dir -> !dir.equals(copies));
        if (shared.isPresent()) {
            List<Path> originals;
            try (Stream<Path> files = Files.list(shared.get())) {
                originals = files.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path original : originals) {
                Path copy = copies.resolve(original.getFileName().toString());
                assertThat(copy).as("docs/specs copy of %s", original.getFileName()).exists();
                assertThat(Files.readAllBytes(copy)).as("docs/specs/%s is the unedited %s", copy.getFileName(), original)
                        .isEqualTo(Files.readAllBytes(original));
            }
        }
    }

    private static Optional<Path> sharedSpecs() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/specs");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
