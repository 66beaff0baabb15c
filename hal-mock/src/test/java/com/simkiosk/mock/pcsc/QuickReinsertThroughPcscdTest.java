package com.simkiosk.mock.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.CardEvent;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.mock.vpcd.VpcdBridge;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Customer after customer, as fast as they come: a good SIM goes in as soon as pcscd has seen the previous one
 * leave, is read when its insertion is reported, and is pulled out again, while other monitors in the same process
 * watch the reader states too (each re-arms its wait for a change as the card goes in).
 * Every read must say "SIM": the soak found ≈ 0.5 % of good SIMs called "not a SIM" (CARD_MUTE after
 * SCARD_E_PROTO_MISMATCH on the first APDU, the connection having come back with protocol 0).
 */
@ExtendWith(PcscdExtension.class)
class QuickReinsertThroughPcscdTest {
    private static final String SLOT0 = "Virtual PCD 00 00";
    private static final String ICCID = "8981100000000000905";
    private static final int CYCLES = Integer.getInteger("quickReinsert.cycles", 45);
    /** More watchers of the reader states (as the telemetry's): more state answers in flight as a card goes in. */
    private static final int WATCHERS = 3;
    private static final Duration CARD_SEEN = TestTime.bound(Duration.ofSeconds(5));

    @Test
    void everyGoodSimInsertedRightAfterThePreviousOneIsReadAsASim() throws Exception {
        List<String> misread = new ArrayList<>();
        List<PcscSimReader> watchers = new ArrayList<>();
        try (VpcdBridge slot0 = new VpcdBridge(0); PcscSimReader reader = new PcscSimReader()) {
            for (int w = 0; w < WATCHERS; w++) {
                PcscSimReader watcher = new PcscSimReader();
                watcher.addListener(event -> { });
                watchers.add(watcher);
            }
            BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            reader.addListener(events::add);
            for (int i = 0; i < CYCLES; i++) {
                slot0.insert(new VirtualSim(VirtualSimSpec.uicc(ICCID)));
                awaitInserted(events);
                ReadResult result = reader.read(SLOT0);
                if (!(result instanceof ReadResult.Sim)) {
                    misread.add("cycle " + i + ": " + result);
                }
                slot0.remove();
                Await.until(CARD_SEEN, () -> reader.readers().contains(new ReaderInfo(SLOT0, false)), "card gone");
            }
        } finally {
            watchers.forEach(PcscSimReader::close);
        }
        System.out.println("quick reinsert: " + misread.size() + " of " + CYCLES + " misread " + misread);
        assertThat(misread).as("good SIMs not read as SIMs out of " + CYCLES).isEmpty();
    }

    private static void awaitInserted(BlockingQueue<CardEvent> events) throws InterruptedException {
        long deadline = System.nanoTime() + CARD_SEEN.toNanos();
        while (true) {
            CardEvent event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(event).as("card inserted event").isNotNull();
            if (event.equals(new CardEvent.Inserted(SLOT0))) {
                return;
            }
        }
    }
}
