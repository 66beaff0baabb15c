package com.simkiosk.kiosk.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.testing.TestTime;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./kiosk fleet} after a lost connection, against a broker that takes the next connection and never answers
 * (what Debian's mosquitto 2.0.11 now and then does, see {@link MuteBrokerTest}). A scripted MQTT 3.1.1 broker on a
 * real loopback socket: the first connection is answered (CONNACK, SUBACK, one kiosk's retained state) and then
 * closed; the second is taken and never answered; the third is answered again with a second kiosk's state.
 */
class FleetWatchReconnectTest {
    private final List<Throwable> brokerFailures = new CopyOnWriteArrayList<>();
    private LoopbackListener server;
    private FleetWatch watch;

    @AfterEach
    void stop() throws Exception {
        if (watch != null) {
            watch.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void afterALostConnectionAnAttemptTheBrokerNeverAnswersIsDroppedAndTheWatchComesBack() throws Exception {
        server = new LoopbackListener();
        FleetTable table = new FleetTable(Clock.systemUTC());
        Thread broker = new Thread(() -> script(table), "scripted-broker");
        broker.setDaemon(true);
        broker.start();

        watch = FleetWatch.start(server.settings(), Map.of(), table);
        TestTime.awaitUntil(Duration.ofSeconds(10), () -> online(table, "kiosk-01"), "the first kiosk in the table");

        Duration bound = Duration.ofSeconds(BrokerOptions.CONNECT_TIMEOUT_SECONDS + 20);
        TestTime.awaitUntil(bound, () -> online(table, "kiosk-02"),
                "the second kiosk, heard after the unanswered attempt was given up");
        // The broker's SUBACK and the second kiosk's message come back to back: the watch counts its subscription on
        // another thread than the one that fills the table.
        TestTime.awaitUntil(Duration.ofSeconds(10), () -> watch.timesSubscribed() >= 2, "the second subscription counted");
        assertThat(server.taken()).as("the lost connection, the unanswered one, the one that answered").hasSize(3);
        assertThat(watch.timesSubscribed()).isEqualTo(2);
        assertThat(LoopbackListener.hungUp(server.taken().get(1))).as("the watch hung up the unanswered connection").isTrue();
        assertThat(brokerFailures).isEmpty();
    }

    private static boolean online(FleetTable table, String kiosk) {
        return table.rows().stream().anyMatch(r -> r.kiosk().equals(kiosk) && r.online());
    }

    /** The broker's side: the three connections, in order. */
    private void script(FleetTable table) {
        try {
            Socket first = accept();
            answer(first, "kiosk-01");
            // closed once the message is in the table (Paho drops what it has not yet handed over when a connection ends)
            TestTime.awaitUntil(Duration.ofSeconds(10), () -> online(table, "kiosk-01"), "the first kiosk in the table");
            first.close(); // the watch loses its connection

            Socket mute = accept();
            assertPacket(new DataInputStream(mute.getInputStream()), 0x10); // CONNECT, and no answer ever

            answer(accept(), "kiosk-02");
        } catch (IOException | AssertionError e) {
            if (!server.isClosed()) {
                brokerFailures.add(e);
            }
        }
    }

    private Socket accept() throws IOException {
        return server.accept(Duration.ofSeconds(30));
    }

    /** CONNECT → CONNACK (accepted), SUBSCRIBE → SUBACK (QoS 1), then one kiosk's state, QoS 0. */
    private static void answer(Socket s, String kiosk) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        assertPacket(in, 0x10);
        out.write(new byte[] {0x20, 0x02, 0x00, 0x00});
        byte[] subscribe = assertPacket(in, 0x82);
        out.write(new byte[] {(byte) 0x90, 0x03, subscribe[0], subscribe[1], 0x01});
        byte[] topic = new Topics("store-1042", kiosk).topic(Topics.Kind.STATE).getBytes(StandardCharsets.UTF_8);
        byte[] payload = "{\"status\":\"online\",\"version\":\"0.1.0\",\"startedAt\":\"2026-01-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        int remaining = 2 + topic.length + payload.length;
        out.write(new byte[] {0x30, (byte) remaining, 0x00, (byte) topic.length});
        out.write(topic);
        out.write(payload);
        out.flush();
    }

    /** Reads one packet of the given type (first byte) and returns what follows its fixed header. */
    private static byte[] assertPacket(DataInputStream in, int type) throws IOException {
        int first = in.readUnsignedByte();
        if (first != type) {
            throw new AssertionError("expected packet 0x" + Integer.toHexString(type) + ", got 0x" + Integer.toHexString(first));
        }
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            length |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        byte[] rest = new byte[length];
        in.readFully(rest);
        return rest;
    }
}
