package com.simkiosk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * JSON gone wrong, for property tests of parsers: a known-good document with fields dropped, values of the wrong type, numbers too large
 * for anything, deep nesting, long strings, nulls in lists; or the document cut short, or not JSON at all.
 */
public final class MutatedJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PLACEHOLDER = "@@raw@@";

    /** Replacement values as raw JSON, so numbers beyond any Java type reach the client's parser as written. */
    private static final List<String> RAW_VALUES = List.of(
            "null", "\"\"", "\" \"", "true", "0", "-1", "-0.5", "0.0001", "1e400", "-1e400", "1E+999999999",
            "1E-999999999", "123456789012345678901234567890", "9223372036854775807", "9223372036854775808",
            "[]", "{}", "[null]", "[{}]", "[1,\"a\",null,{}]", "\"data\"", "\"JPY\"", "\"GB\"", "\"days\"", "\"oneTime\"",
            "\"true\"", "\"active\"", "\"2026-02-30T25:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"",
            "\"-999999999-01-01T00:00:00Z\"", "\"not a date\"", "\"+81\"", "\"+8190123400020000000000\"",
            nested("[", "]", 40), nested("[", "]", 1500), nested("{\"a\":", "}", 1500), "\"" + "x".repeat(20_000) + "\"");

    private MutatedJson() {}

    /** Mutations of {@code example}, among them the example itself. */
    public static Arbitrary<String> of(String example) {
        JsonNode original = read(example);
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(Op.values()), Arbitraries.of(RAW_VALUES)).as(Edit::new);
        Arbitrary<String> edited = edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> apply(original, edits));
        Arbitrary<String> cut = Arbitraries.integers().between(0, example.length()).map(n -> example.substring(0, n));
        Arbitrary<String> whole = Arbitraries.oneOf(Arbitraries.of(RAW_VALUES), Arbitraries.strings().ofMaxLength(200));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(example)), Tuple.of(16, edited),
                Tuple.of(2, cut), Tuple.of(1, whole));
    }

    enum Op { DROP, REPLACE, DUPLICATE }

    private record Edit(int where, Op op, String raw) {}

    private record Slot(JsonNode container, String field, int index) {}

    private static String apply(JsonNode original, List<Edit> edits) {
        JsonNode root = original.deepCopy();
        List<String> raws = new ArrayList<>();
        for (Edit e : edits) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            if (slots.isEmpty()) {
                break;
            }
            Slot s = slots.get(e.where() % slots.size());
            switch (e.op()) {
                case DROP -> {
                    if (s.container() instanceof ObjectNode o) {
                        o.remove(s.field());
                    } else {
                        ((ArrayNode) s.container()).remove(s.index());
                    }
                }
                case REPLACE -> {
                    TextNode marker = TextNode.valueOf(PLACEHOLDER + raws.size());
                    raws.add(e.raw());
                    if (s.container() instanceof ObjectNode o) {
                        o.set(s.field(), marker);
                    } else {
                        ((ArrayNode) s.container()).set(s.index(), marker);
                    }
                }
                case DUPLICATE -> {
                    if (s.container() instanceof ArrayNode a) {
                        a.add(a.get(s.index()).deepCopy());
                    }
                }
            }
        }
        String json = root.toString();
        for (int i = raws.size() - 1; i >= 0; i--) {
            json = json.replace("\"" + PLACEHOLDER + i + "\"", raws.get(i));
        }
        return json;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(f -> {
                slots.add(new Slot(o, f, -1));
                collect(o.get(f), slots);
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Slot(a, null, i));
                collect(a.get(i), slots);
            }
        }
    }

    private static String nested(String open, String close, int depth) {
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an example: " + json, e);
        }
    }
}
