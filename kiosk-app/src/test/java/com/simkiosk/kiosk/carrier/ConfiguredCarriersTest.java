package com.simkiosk.kiosk.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.kiosk.config.KioskConfig;
import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLines;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example configuration, pointed at a simulator on loopback, gives a working router. */
class ConfiguredCarriersTest {
    static CarrierSimulator simulator;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        simulator = CarrierSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    KioskConfig exampleAgainstSimulator(boolean withAggregator) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode config = (ObjectNode) mapper.readTree(Path.of("..", "docs", "examples", "kiosk.json").toFile());
        for (var backend : (ArrayNode) config.get("backends")) {
            ((ObjectNode) backend).put("baseUrl", simulator.baseUri().toString())
                    .put("clientId", DemoLines.CLIENT_ID).put("clientSecret", DemoLines.CLIENT_SECRET);
        }
        if (withAggregator) {
            ((ObjectNode) config.get("aggregator")).put("baseUrl", simulator.baseUri().toString())
                    .put("clientId", DemoLines.CLIENT_ID).put("clientSecret", DemoLines.CLIENT_SECRET);
        } else {
            config.remove("aggregator");
        }
        Path file = dir.resolve("kiosk.json");
        Files.writeString(file, mapper.writeValueAsString(config));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return KioskConfig.load(file);
    }

    @Test
    void simsOfTheConfiguredIssuersAreFoundAndOthersGoToTheAggregator() throws Exception {
        DemoLines lines = simulator.demoLines();
        try (ConfiguredCarriers carriers = new ConfiguredCarriers(exampleAgainstSimulator(true))) {
            Line tourist = carriers.backend().findLineByIccid(lines.touristData().iccid());     // 898110: docomo-mvno
            Line rakuten = carriers.backend().findLineByIccid(lines.rakuten().iccid());         // 898109: aggregator
            assertThat(tourist.id()).isEqualTo(lines.touristData().productId());
            assertThat(rakuten.id()).isEqualTo(lines.rakuten().productId());
            assertThat(carriers.backend().balance(rakuten).dataBytes()).isEqualTo(12_500_000_000L);
        }
    }

    @Test
    void withoutAnAggregatorASimOfAnotherIssuerIsNotSupported() throws Exception {
        try (ConfiguredCarriers carriers = new ConfiguredCarriers(exampleAgainstSimulator(false))) {
            assertThatThrownBy(() -> carriers.backend().findLineByIccid(simulator.demoLines().rakuten().iccid()))
                    .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.error()).isEqualTo(CarrierError.NOT_SUPPORTED));
        }
    }
}
