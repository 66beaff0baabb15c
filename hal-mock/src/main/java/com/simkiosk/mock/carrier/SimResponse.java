package com.simkiosk.mock.carrier;

import java.util.LinkedHashMap;
import java.util.Map;

/** One answer: status, headers and the body's bytes. */
record SimResponse(int status, Map<String, String> headers, byte[] body) {

    SimResponse {
        headers = Map.copyOf(headers);
    }

    static SimResponse noContent() {
        return new SimResponse(204, Map.of(), new byte[0]);
    }

    SimResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SimResponse(status, more, body);
    }
}
