package com.simkiosk.carrier.tmf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON examples of {@code docs/carrier-api.md}, by marker name: the contract the client is tested against.
 * The document is found by walking up from the working directory, so tests run from any module.
 */
public final class ContractExamples {
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- example: ([A-Za-z0-9_-]+) -->\\s*```json\\s*\\n(.*?)\\n```", Pattern.DOTALL);

    private final Map<String, String> byName;

    private ContractExamples(Map<String, String> byName) {
        this.byName = byName;
    }

    public static ContractExamples load() {
        Path doc = find();
        try {
            Matcher m = EXAMPLE.matcher(Files.readString(doc));
            Map<String, String> examples = new LinkedHashMap<>();
            while (m.find()) {
                examples.put(m.group(1), m.group(2));
            }
            return new ContractExamples(examples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (int up = 0; dir != null && up < 8; up++, dir = dir.getParent()) {
            Path doc = dir.resolve("docs/carrier-api.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new IllegalStateException("docs/carrier-api.md not found above " + System.getProperty("user.dir"));
    }

    public String json(String name) {
        String json = byName.get(name);
        if (json == null) {
            throw new IllegalArgumentException("docs/carrier-api.md has no example named " + name);
        }
        return json;
    }

    public Map<String, String> all() {
        return Map.copyOf(byName);
    }
}
