package com.simkiosk.carrier.tmf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.yaml.snakeyaml.Yaml;

/** The examples of an official CAMARA document ({@code docs/specs}), by example name, as JSON text. */
final class CamaraExamples {
    private final JsonNode root;

    private CamaraExamples(JsonNode root) {
        this.root = root;
    }

    static CamaraExamples load(String document) {
        try (var in = Files.newBufferedReader(ErrorCodesTest.Specs.path(document))) {
            return new CamaraExamples(new ObjectMapper().valueToTree(new Yaml().load(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document parsed, for readers that walk it. */
    JsonNode root() {
        return root;
    }

    /** The {@code value} of the error example {@code name} under {@code components.responses}. */
    String error(String name) {
        for (JsonNode response : root.path("components").path("responses")) {
            JsonNode value = response.path("content").path("application/json").path("examples").path(name).path("value");
            if (!value.isMissingNode()) {
                return value.toString();
            }
        }
        throw new IllegalArgumentException("no error example " + name);
    }
}
