package com.simkiosk.carrier.tmf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.tmf.TmfDocuments.Bucket;
import com.simkiosk.carrier.tmf.TmfDocuments.Characteristic;
import com.simkiosk.carrier.tmf.TmfDocuments.Product;
import com.simkiosk.carrier.tmf.TmfDocuments.Quantity;
import com.simkiosk.carrier.tmf.TmfDocuments.Ref;
import com.simkiosk.carrier.tmf.TmfDocuments.TimePeriod;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The two answers read on every inserted SIM — the product list (lookup) and the bucket list (balance) — read with
 * Jackson's streaming parser into the same {@link TmfDocuments} records, the fields the records do not hold skipped
 * unread. Jackson's data binding of records (the creator path, a buffer per record) was the largest part of the
 * client's own CPU per lookup + balance (docs/benchmarks.md, issue 17).
 *
 * <p>Only the plain shape is read here: each of the record's fields at most once, strings as JSON
 * strings or {@code null}, amounts as JSON numbers or {@code null}, objects and arrays where the record has them, no
 * {@code null} in a list. Anything else — not JSON, a value of another type, a repeated field, a {@code null} answer,
 * a bucket's {@code product} as one object — goes to {@link Json#read}, which binds the whole answer as before: the same records, the same
 * coercions, and the same {@code BAD_RESPONSE} naming the field's path (HotAnswersProperties compares the two on the
 * contract's examples and their mutations).
 */
final class HotAnswers {
    private final Json json;

    HotAnswers(Json json) {
        this.json = json;
    }

    /** A TMF637 product list. */
    Product[] products(byte[] body) throws CarrierException {
        return list(body, HotAnswers::product, Product[]::new, Product[].class, "product list");
    }

    /** A TMF654 bucket list. */
    Bucket[] buckets(byte[] body) throws CarrierException {
        return list(body, HotAnswers::bucket, Bucket[]::new, Bucket[].class, "bucket list");
    }

    private <T> T[] list(byte[] body, Value<T> element, IntFunction<T[]> array, Class<T[]> type, String what)
            throws CarrierException {
        try (JsonParser p = json.mapper().createParser(body)) {
            List<T> all = list(p, p.nextToken(), element);
            if (all != null) {
                return all.toArray(array.apply(all.size()));
            }
        } catch (IOException | RuntimeException notPlain) { // OffShape among them
            // the data binding below reads it, or names what is wrong with it
        }
        return json.read(body, type, what);
    }

    /** How one JSON value becomes a record's field; the parser stands on the value's first token. */
    @FunctionalInterface
    private interface Value<T> {
        T read(JsonParser p, JsonToken token) throws IOException;
    }

    /** A JSON string or null; a number or a boolean (which the binding turns into text) or a structure: not plain. */
    private static final Value<String> TEXT = (p, token) -> switch (token) {
        case VALUE_STRING -> p.getText();
        case VALUE_NULL -> null;
        default -> throw OffShape.INSTANCE;
    };

    /** A JSON number (read as the binding reads it, {@code getDecimalValue}) or null; a string is the binding's to coerce. */
    private static final Value<BigDecimal> DECIMAL = (p, token) -> switch (token) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
        case VALUE_NULL -> null;
        default -> throw OffShape.INSTANCE;
    };

    /**
     * Any JSON value but null (which the binding makes a NullNode): a string, the usual value, as the binding makes it;
     * anything else through the mapper.
     */
    private static final Value<JsonNode> NODE = (p, token) -> switch (token) {
        case VALUE_STRING -> JsonNodeFactory.instance.textNode(p.getText());
        case VALUE_NULL -> throw OffShape.INSTANCE;
        default -> p.readValueAsTree();
    };

    private static final Shape REF_FIELDS = new Shape(List.of("id", "href", "name", "@referredType"), TEXT, TEXT, TEXT, TEXT);

    private static final Value<Ref> REF = (p, token) -> {
        Object[] f = fields(p, token, REF_FIELDS);
        return f == null ? null : new Ref((String) f[0], (String) f[1], (String) f[2], (String) f[3]);
    };

    /** A list of references; one object (which the bucket's {@code product} accepts as a list) is the binding's. */
    private static final Value<List<Ref>> REFS = (p, token) -> list(p, token, REF);

    private static final Shape QUANTITY_FIELDS = new Shape(List.of("amount", "units"), DECIMAL, TEXT);

    private static final Value<Quantity> QUANTITY = (p, token) -> {
        Object[] f = fields(p, token, QUANTITY_FIELDS);
        return f == null ? null : new Quantity((BigDecimal) f[0], (String) f[1]);
    };

    private static final Shape PERIOD_FIELDS = new Shape(List.of("startDateTime", "endDateTime"), TEXT, TEXT);

    private static final Value<TimePeriod> PERIOD = (p, token) -> {
        Object[] f = fields(p, token, PERIOD_FIELDS);
        return f == null ? null : new TimePeriod((String) f[0], (String) f[1]);
    };

    private static final Shape CHARACTERISTIC_FIELDS = new Shape(List.of("name", "valueType", "value"), TEXT, TEXT, NODE);

    private static final Value<Characteristic> CHARACTERISTIC = (p, token) -> {
        Object[] f = fields(p, token, CHARACTERISTIC_FIELDS);
        return f == null ? null : new Characteristic((String) f[0], (String) f[1], (JsonNode) f[2]);
    };

    private static final Value<List<Characteristic>> CHARACTERISTICS = (p, token) -> list(p, token, CHARACTERISTIC);

    private static final Shape PRODUCT_FIELDS = new Shape(List.of("id", "name", "status", "productOffering",
            "productCharacteristic", "realizingResource"), TEXT, TEXT, TEXT, REF, CHARACTERISTICS, REFS);

    @SuppressWarnings("unchecked")
    private static Product product(JsonParser p, JsonToken token) throws IOException {
        Object[] f = fields(p, token, PRODUCT_FIELDS);
        return new Product((String) f[0], (String) f[1], (String) f[2], (Ref) f[3], (List<Characteristic>) f[4],
                (List<Ref>) f[5]);
    }

    private static final Shape BUCKET_FIELDS = new Shape(List.of("id", "name", "usageType", "status", "remainingValue",
            "initialValue", "validFor", "product", "partyAccount"), TEXT, TEXT, TEXT, TEXT, QUANTITY, QUANTITY, PERIOD, REFS, REF);

    @SuppressWarnings("unchecked")
    private static Bucket bucket(JsonParser p, JsonToken token) throws IOException {
        Object[] f = fields(p, token, BUCKET_FIELDS);
        return new Bucket((String) f[0], (String) f[1], (String) f[2], (String) f[3], (Quantity) f[4], (Quantity) f[5],
                (TimePeriod) f[6], (List<Ref>) f[7], (Ref) f[8]);
    }

    /** A record's fields: their JSON names, in the record's order, and how each is read. */
    private static final class Shape {
        private final Map<String, Integer> index = new HashMap<>();
        private final Value<?>[] values;

        Shape(List<String> names, Value<?>... values) {
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
            this.values = values;
        }
    }

    /**
     * An object's fields by name (in the shape's order), the others skipped unread; {@code null} for JSON null.
     * Missing fields are null, as the binding leaves them.
     */
    private static Object[] fields(JsonParser p, JsonToken token, Shape shape) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.START_OBJECT);
        Object[] read = new Object[shape.values.length];
        int seen = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            Integer field = shape.index.get(p.currentName());
            JsonToken value = p.nextToken();
            int i = field == null ? -1 : field;
            if (i < 0) {
                p.skipChildren(); // not the record's: ignored, as the binding ignores it (repeated or not)
            } else if ((seen & 1 << i) != 0) {
                throw OffShape.INSTANCE; // a field repeated: the binding's (the last one wins)
            } else {
                seen |= 1 << i;
                read[i] = shape.values[i].read(p, value);
            }
        }
        return read;
    }

    /** An array of objects, or {@code null} for JSON null; a null in the array is the binding's to name. */
    private static <T> List<T> list(JsonParser p, JsonToken token, Value<T> element) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.START_ARRAY);
        List<T> all = new ArrayList<>(2);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t, JsonToken.START_OBJECT);
            all.add(element.read(p, t));
        }
        return all;
    }

    private static void expect(JsonToken actual, JsonToken wanted) {
        if (actual != wanted) {
            throw OffShape.INSTANCE;
        }
    }

    /** Not the plain shape: the answer goes to the data binding. Shared and without a stack trace (not an error). */
    private static final class OffShape extends RuntimeException {
        static final OffShape INSTANCE = new OffShape();

        private OffShape() {
            super("not the plain shape", null, false, false);
        }
    }
}
