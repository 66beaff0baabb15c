package com.simkiosk.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The extension query parameters come out of the one table in docs/carrier-api.md, per list call. */
class ProjectExtensionsTest {

    private final ProjectExtensions extensions = ProjectExtensions.load();

    @Test
    void theOfferingFilterIsAnExtensionOfTheOfferingListOnly() {
        assertThat(extensions.queryParameters(CarrierPaths.OFFERING)).containsExactly("product.id");
        assertThat(extensions.queryParameters(CarrierPaths.USAGE)).isEmpty();
    }

    @Test
    void theTopUpCorrelatorIsAListFilterExtension() {
        assertThat(extensions.queryParameters(CarrierPaths.TOPUP)).containsExactly("externalId");
    }
}
