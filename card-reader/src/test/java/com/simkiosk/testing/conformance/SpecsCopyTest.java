package com.simkiosk.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The copies in docs/specs (what the conformance tests read, so a clone anywhere has them) are the unedited documents
 * of the project's shared/specs, when that folder is beside the repository (developers' machines and CI).
 */
class SpecsCopyTest {

    @Test
    void docsSpecsHoldsUneditedCopiesOfSharedSpecs() throws IOException {
        Path copies = OfficialApis.shared().directory();
        Optional<Path> shared = sharedSpecs();
        assumeTrue(shared.isPresent(), "no shared/specs beside this checkout");
        assumeTrue(!shared.get().equals(copies), "the documents are read from shared/specs itself");

        List<Path> originals;
        try (Stream<Path> files = Files.list(shared.get())) {
            originals = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(originals).isNotEmpty();
        for (Path original : originals) {
            Path copy = copies.resolve(original.getFileName().toString());
            assertThat(copy).as("docs/specs copy of %s", original.getFileName()).exists();
            assertThat(Files.readAllBytes(copy)).as("docs/specs/%s is the unedited %s", copy.getFileName(), original)
                    .isEqualTo(Files.readAllBytes(original));
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
