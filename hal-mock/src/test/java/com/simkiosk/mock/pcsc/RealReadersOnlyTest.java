package com.simkiosk.mock.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.pcsc.RealReadersOnly;
import com.simkiosk.mock.reader.DemoCard;
import com.simkiosk.mock.reader.InMemorySimReader;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A kiosk whose config names no reader, on a machine where vpcd still runs: a "SIM" fed over the network to
 * "Virtual PCD 00 00" must not reach the flow; the real reader beside it works as before.
 */
class RealReadersOnlyTest {
    private static final String VIRTUAL = "Virtual PCD 00 00";
    private static final String REAL = "ACS ACR39U ICC Reader 00 00";
    private static final DemoCard NETWORK_FED = DemoCard.sim(Iccid.parse("8981100000000000019"));
    private static final DemoCard CUSTOMERS = DemoCard.sim(Iccid.parse("8981300000000000027"));

    private final InMemorySimReader pcsc = new InMemorySimReader(List.of(VIRTUAL, REAL), Duration.ofSeconds(2));
    private final RealReadersOnly reader = new RealReadersOnly(pcsc);

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void vpcdNamesAreVirtualAndRealReadersAreNot() {
        assertThat(RealReadersOnly.isVirtual("Virtual PCD 00 01")).isTrue();
        assertThat(RealReadersOnly.isVirtual(" virtual pcd 00 00")).isTrue();
        assertThat(RealReadersOnly.isVirtual(REAL)).isFalse();
    }

    @Test
    void aCardFedToTheVirtualReaderIsNeitherListedHeardNorRead() throws Exception {
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        reader.addListener(events::add);

        pcsc.insert(VIRTUAL, NETWORK_FED);
        pcsc.insert(REAL, CUSTOMERS);

        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(REAL));
        assertThat(reader.readers()).containsExactly(new ReaderInfo(REAL, true));
        assertThat(reader.read(VIRTUAL)).isInstanceOfSatisfying(ReadResult.Failed.class,
                f -> assertThat(f.error()).isEqualTo(CardError.NO_READER));
        assertThat(reader.verifyPin(VIRTUAL, "1234")).isInstanceOf(PinResult.Failed.class);
        assertThat(reader.read(REAL)).isInstanceOfSatisfying(ReadResult.Sim.class,
                sim -> assertThat(sim.identity().iccid().digits()).isEqualTo("8981300000000000027"));
        assertThat(reader.awaitAndRead(null, TestTime.bound(Duration.ofSeconds(2)))).isInstanceOf(ReadResult.Sim.class);

        pcsc.remove(VIRTUAL);
        pcsc.remove(REAL);
        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Removed(REAL));
        assertThat(events).isEmpty();
    }

    @Test
    void withOnlyTheVirtualReaderThereIsNoReader() {
        RealReadersOnly alone = new RealReadersOnly(new InMemorySimReader(List.of(VIRTUAL), Duration.ofSeconds(2)));
        try (alone) {
            assertThat(alone.readers()).isEmpty();
            assertThat(alone.awaitAndRead(null, Duration.ofMillis(100))).isInstanceOfSatisfying(ReadResult.Failed.class,
                    f -> assertThat(f.error()).isEqualTo(CardError.NO_READER));
        }
    }
}
