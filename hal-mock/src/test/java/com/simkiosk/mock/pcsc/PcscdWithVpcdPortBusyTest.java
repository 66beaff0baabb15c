package com.simkiosk.mock.pcsc;

import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.mock.vpcd.PcscdProcess;
import com.simkiosk.mock.vpcd.VpcdBridge;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * vpcd's port lies in Linux's ephemeral range, so on a busy machine another socket can hold it just when pcscd
 * starts, and vpcd's reader would then never appear. The tests' pcscd waits (bounded) for the port instead.
 */
class PcscdWithVpcdPortBusyTest {

    @Test
    void pcscdWaitsForAnotherSocketToLeaveVpcdsPortAndItsReaderAppears() throws Exception {
        new File("target").mkdirs();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vpcd-port-squatter"));
        try (PcscdProcess pcscd = new PcscdProcess(new File("target/pcscd-port-busy.log"));
                ServerSocket squatter = new ServerSocket()) {
            pcscd.reserve(); // the port is squatted only while this build owns the machine's pcscd
            squatter.setReuseAddress(true); // vpcd's own TIME_WAIT leftovers from earlier tests must not stop the scenario
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), VpcdBridge.VPCD_PORT));
            // The scenario: the other socket goes away half a second later, while pcscd is being started.
            later.schedule(() -> {
                try {
                    squatter.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }, 500, TimeUnit.MILLISECONDS);
            pcscd.start();
            try (PcscSimReader reader = new PcscSimReader()) {
                Await.until(Duration.ofSeconds(5),
                        () -> reader.readers().stream().map(ReaderInfo::name).anyMatch("Virtual PCD 00 00"::equals),
                        "vpcd's reader listed");
            }
        } finally {
            later.shutdownNow();
        }
    }
}
