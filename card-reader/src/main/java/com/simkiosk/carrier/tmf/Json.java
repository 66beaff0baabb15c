package com.simkiosk.carrier.tmf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Jackson set up for carrier answers: unknown fields ignored (carriers add their own), required fields checked by
 * {@link #require}, and every failure turned into a {@link CarrierError#BAD_RESPONSE} naming the field, never the value (values are
 * personal data).
 */
final class Json {
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a null inside a list (a product list [null]) is the carrier's mistake, named by path, not a value to use
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .serializationInclusion(JsonInclude.Include.NON_NULL) // optional request fields are left out, not null
            .build();
    /**
     * One reader per answer type, made once: {@code mapper.readValue(bytes, type)} looks the type and its deserializer
     * up again on every call (measured on the lookup + balance path, docs/benchmarks.md).
     */
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    <T> T read(byte[] body, Class<T> type, String what) throws CarrierException {
        try {
            T value = readers.computeIfAbsent(type, mapper::readerFor).readValue(body);
            if (value == null) {
                throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered an empty " + what);
            }
            return value;
        } catch (MismatchedInputException e) {
            throw new CarrierException(CarrierError.BAD_RESPONSE,
                    "carrier answered a " + what + " with a field of the wrong type: " + path(e));
        } catch (JsonProcessingException e) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answered a " + what + " that is not valid JSON");
        } catch (IOException e) {
            throw new CarrierException(CarrierError.BAD_RESPONSE, "carrier answer for " + what + " could not be read");
        }
    }

    byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private static String path(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        if (path.isEmpty()) {
            return "(top level)";
        }
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** A field the kiosk cannot do without; its absence is the carrier's mistake, reported by name. */
    static <T> T require(T value, String what, String field) throws CarrierException {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new CarrierException(CarrierError.BAD_RESPONSE,
                    "carrier answered a " + what + " without the required field " + field);
        }
        return value;
    }
}
