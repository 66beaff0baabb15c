package com.simkiosk.mock.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.mock.vpcd.PcscdProcess;
import com.simkiosk.testing.TestTime;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real pcscd with an empty reader.conf: a kiosk whose reader is unplugged. */
class PcscWithoutReadersTest {

    @Test
    void noReadersIsAnEmptyListAndAWaitSaysNoReader(@TempDir Path dir) throws Exception {
        Path emptyConf = Files.writeString(dir.resolve("reader.conf"), "");
        new File("target").mkdirs();
        try (PcscdProcess pcscd = new PcscdProcess(new File("target/pcscd-no-readers.log"), Optional.of(emptyConf))) {
            pcscd.start();
            try (PcscSimReader reader = new PcscSimReader()) {
                assertThat(reader.listReaders()).isEmpty();
                assertThat(reader.readers()).isEmpty();

                BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
                reader.addListener(events::add);
                CardEvent first = events.poll(TestTime.scaled(5), TimeUnit.SECONDS);
                assertThat(first).isEqualTo(new CardEvent.ReadersChanged(java.util.List.of()));

                assertThat(reader.awaitAndRead(null, Duration.ofSeconds(1))).isInstanceOfSatisfying(ReadResult.Failed.class,
                        f -> assertThat(f.error()).isEqualTo(CardError.NO_READER));
            }
        }
    }
}
