package com.simkiosk.carrier.gba;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The BSF's 200 OK body as TS 24.109 Annex C gives it, and what a hostile or broken BSF could send instead. */
class BootstrappingInfoTest {
    private static byte[] info(String btid) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>" + btid
                + "</btid><lifetime>2026-12-01T09:00:00+09:00</lifetime></BootstrappingInfo>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theBsfsAnswerGivesTheBtidAndItsLifetime() {
        assertThat(BootstrappingInfo.parse(info("cmFuZA==@bsf.example.jp"))).hasValueSatisfying(i -> {
            assertThat(i.btid()).isEqualTo("cmFuZA==@bsf.example.jp");
            assertThat(i.lifetime()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        });
    }

    @Test
    void aDocumentWithADoctypeOrAnExternalEntityIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE b [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>&x;@bsf</btid><lifetime>2026-12-01T09:00:00+09:00</lifetime>"
                + "</BootstrappingInfo>";
        assertThat(BootstrappingInfo.parse(xxe.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void somethingElseThanTheDocumentIsNoAnswer() {
        assertThat(BootstrappingInfo.parse("{\"btid\":\"x@bsf\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(BootstrappingInfo.parse(info("no-at-sign"))).isEmpty();
        assertThat(BootstrappingInfo.parse(new byte[0])).isEmpty();
    }

    /** One parser factory serves every session: kiosks bootstrapping at once each get their own answer. */
    @Test
    void answersParsedAtOnceOnSeveralThreadsStayApart() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> parses = IntStream.range(0, 200)
                    .<Callable<String>>mapToObj(i -> () -> BootstrappingInfo.parse(info("r" + i + "@bsf")).orElseThrow().btid())
                    .toList();
            List<Future<String>> done = pool.invokeAll(parses, 60, TimeUnit.SECONDS); // bounded: a stuck parse is cancelled and fails below
            for (int i = 0; i < done.size(); i++) {
                assertThat(done.get(i).get()).isEqualTo("r" + i + "@bsf");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
