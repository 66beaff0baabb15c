package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.Iccid;
import com.simkiosk.carrier.tmf.StubCarrier.Reply;
import com.simkiosk.testing.TestTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A kiosk runs for months: a client it closes must not leave threads behind. */
class ClientThreadsTest {
    private final ContractExamples doc = ContractExamples.load();

    @Test
    void closingTheClientEndsItsHttpThreads() throws Exception {
        Set<String> before = threadNames();
        try (StubCarrier carrier = new StubCarrier()) {
            carrier.replace(TmfCarrierClient.PRODUCT, Reply.json(200, doc.json("product-by-iccid-response")));
            CarrierEndpoint endpoint = CarrierEndpoint.of("threads-check", carrier.uri(), "demo-kiosk", "demo-secret");
            try (TmfCarrierClient client = new TmfCarrierClient(endpoint, Clock.systemUTC(), d -> { })) {
                client.findLineByIccid(Iccid.parse("8981102603110000016"));
                // Over plain HTTP the client has no worker pool, only the JDK's selector thread.
                assertThat(threadNames()).filteredOn(n -> !before.contains(n))
                        .anyMatch(n -> n.startsWith("HttpClient-") && n.endsWith("-SelectorManager"))
                        .noneMatch(n -> n.startsWith("carrier-threads-check-http"));
            }
        }
        // The JDK's HttpClient has its own selector thread; it can be stopped from JDK 21 on (shutdownNow).
        boolean selectorStoppable = Runtime.version().feature() >= 21;
        TestTime.awaitUntil(Duration.ofSeconds(5), () -> threadNames().stream().filter(n -> !before.contains(n))
                .noneMatch(n -> n.startsWith("carrier-threads-check-http")
                        || (selectorStoppable && n.startsWith("HttpClient-") && n.endsWith("-SelectorManager"))),
                "the client's threads end when it is closed");
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
