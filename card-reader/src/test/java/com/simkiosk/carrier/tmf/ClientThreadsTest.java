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
                // The exchange is done on the calling thread: no selector thread, no worker pool of the client's own.
                assertThat(threadNames()).filteredOn(n -> !before.contains(n))
                        .noneMatch(n -> n.startsWith("HttpClient-") || n.startsWith("carrier-threads-check-http"));
            }
        }
        TestTime.awaitUntil(Duration.ofSeconds(5), () -> threadNames().stream().filter(n -> !before.contains(n))
                .noneMatch(n -> n.startsWith("carrier-threads-check-http") || n.startsWith("HttpClient-")),
                "the client leaves no threads of its own when it is closed");
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
