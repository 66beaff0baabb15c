package com.simkiosk.card.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Carriers' reply templates by name, read from JSON:
 * {@code [{"name": "…", "pattern": "…(?<yen>…)…", "menu": [{"when": "1\\. Balance", "reply": "1"}]}]}.
 * The built-in set ({@code reply-templates.json} next to this class) is what {@code network-balance --template}
 * offers; a kiosk configuration can bring its own.
 */
public final class ReplyTemplates {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, ReplyTemplate> byName;

    private ReplyTemplates(Map<String, ReplyTemplate> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static ReplyTemplates builtIn() {
        try (InputStream in = ReplyTemplates.class.getResourceAsStream("reply-templates.json")) {
            return read(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("built-in reply templates unreadable", e);
        }
    }

    /** Templates from a JSON array; an invalid regular expression is an {@link IllegalArgumentException} naming the template. */
    public static ReplyTemplates read(JsonNode array) {
        Map<String, ReplyTemplate> templates = new LinkedHashMap<>();
        for (JsonNode t : array) {
            String name = t.path("name").asText();
            try {
                List<UssdMenu.Step> steps = new ArrayList<>();
                for (JsonNode step : t.path("menu")) {
                    steps.add(new UssdMenu.Step(Pattern.compile(step.path("when").asText()), step.path("reply").asText()));
                }
                templates.put(name, new ReplyTemplate(name, Pattern.compile(t.path("pattern").asText()), new UssdMenu(steps)));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("reply template " + name + ": " + e.getDescription(), e);
            }
        }
        return new ReplyTemplates(templates);
    }

    public Optional<ReplyTemplate> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}
