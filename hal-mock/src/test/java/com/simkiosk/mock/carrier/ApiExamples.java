package com.simkiosk.mock.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON examples of {@code docs/carrier-api.md}, by name: each is a {@code ```json} block right after a line
 * {@code <!-- example: NAME -->}. Found by walking up from the working directory to the repository root.
 */
final class ApiExamples {

    static final String DOCUMENT = "docs/carrier-api.md";
    private static final Pattern MARKER = Pattern.compile("^<!-- example: ([a-z0-9-]+) -->\\s*$");

    private final Map<String, String> examples;
    private final ObjectMapper json = new ObjectMapper();

    private ApiExamples(Map<String, String> examples) {
        this.examples = Map.copyOf(examples);
    }

    static ApiExamples load() {
        Path doc = locate(Path.of("").toAbsolutePath());
        try {
            return parse(Files.readAllLines(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path locate(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve(DOCUMENT);
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new IllegalStateException(DOCUMENT + " not found above " + from);
    }

    static ApiExamples parse(List<String> lines) {
        Map<String, String> found = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            if (i + 1 >= lines.size() || !lines.get(i + 1).trim().equals("```json")) {
                throw new IllegalStateException("example " + name + " is not followed by a ```json block");
            }
            StringBuilder body = new StringBuilder();
            int j = i + 2;
            for (; j < lines.size() && !lines.get(j).trim().equals("```"); j++) {
                body.append(lines.get(j)).append('\n');
            }
            if (j == lines.size()) {
                throw new IllegalStateException("example " + name + " has no closing ```");
            }
            if (found.put(name, body.toString()) != null) {
                throw new IllegalStateException("example " + name + " appears twice");
            }
            i = j;
        }
        return new ApiExamples(found);
    }

    Set<String> names() {
        return examples.keySet();
    }

    String text(String name) {
        String text = examples.get(name);
        if (text == null) {
            throw new NoSuchElementException("no example " + name + " in " + DOCUMENT);
        }
        return text;
    }

    JsonNode json(String name) {
        try {
            return json.readTree(text(name));
        } catch (IOException e) {
            throw new IllegalStateException("example " + name + " is not valid JSON", e);
        }
    }
}
