package com.simkiosk.carrier.tmf;

import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.CarrierException;
import java.net.URI;
import java.util.Locale;

/**
 * Run in a fresh JVM: builds a {@link TmfCarrierClient} and makes its first call, and prints how long each took.
 * {@code http} (default): a plain-http client against a {@link StubCarrier} on 127.0.0.1, first call a look-up (token
 * fetch, then the product query, answered 404: NOT_FOUND). {@code https}: only builds an https client without a TLS
 * store of its own (to 127.0.0.1, never called), which sets up the JDK's default TLS context at build.
 * Used by {@link PlainHttpWithoutTlsTest} and for docs/benchmarks.md.
 */
public final class ColdCarrierClient {
    private ColdCarrierClient() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "http";
        try (StubCarrier carrier = new StubCarrier()) {
            URI base = mode.equals("https") ? URI.create("https://127.0.0.1:1") : carrier.uri();
            long t0 = System.nanoTime();
            try (TmfCarrierClient client = new TmfCarrierClient(CarrierEndpoint.of("cold", base, "kiosk", "secret"))) {
                long t1 = System.nanoTime();
                String answer = "-";
                long t2 = t1;
                if (mode.equals("http")) {
                    try {
                        client.findLineByIccid(Iccid.parse("8981102603110000016"));
                        answer = "found";
                    } catch (CarrierException e) {
                        answer = e.error().toString();
                    }
                    t2 = System.nanoTime();
                }
                System.out.printf(Locale.ROOT, "mode=%s build_ms=%.1f first_call_ms=%.1f answer=%s%n",
                        mode, (t1 - t0) / 1e6, (t2 - t1) / 1e6, answer);
            }
        }
    }
}
