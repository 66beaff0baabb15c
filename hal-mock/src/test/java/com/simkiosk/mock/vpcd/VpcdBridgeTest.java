package com.simkiosk.mock.vpcd;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.apdu.Hex;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The vicc protocol against a stand-in for vpcd on a loopback port (the real one is in PcscThroughPcscdTest). */
class VpcdBridgeTest {

    private static void send(DataOutputStream out, String hex) throws IOException {
        byte[] payload = Hex.decode(hex);
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    private static String receive(DataInputStream in) throws IOException {
        int length = in.readUnsignedShort();
        return Hex.spaced(in.readNBytes(length));
    }

    private static ServerSocket fakeVpcd() throws IOException {
        ServerSocket vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        vpcd.setSoTimeout(5000);
        return vpcd;
    }

    /** A bridge with a card inserted, connecting to the stand-in. */
    private static VpcdBridge bridgeTo(ServerSocket vpcd) {
        VpcdBridge bridge = new VpcdBridge(new InetSocketAddress(vpcd.getInetAddress(), vpcd.getLocalPort()), 0);
        bridge.insert(new VirtualSim(VirtualSimSpec.uicc("8981100000000000905")));
        return bridge;
    }

    @Test
    void answersAtrAndApdusFramedWithATwoByteLength() throws Exception {
        try (ServerSocket vpcd = fakeVpcd(); VpcdBridge bridge = bridgeTo(vpcd)) {
            try (Socket card = vpcd.accept()) {
                card.setSoTimeout(5000);
                DataInputStream in = new DataInputStream(card.getInputStream());
                DataOutputStream out = new DataOutputStream(card.getOutputStream());
                send(out, "01"); // power on: no answer
                send(out, "04");
                assertThat(receive(in)).isEqualTo("3B 06 55 49 43 43 30 31");
                send(out, "00 A4 00 0C 02 2F E2");
                assertThat(receive(in)).isEqualTo("90 00");
                send(out, "00 B0 00 00 0A");
                assertThat(receive(in)).isEqualTo("98 18 01 00 00 00 00 00 09 F5 90 00");
            }
        }
    }

    @Test
    void reconnectsWhenVpcdGoesAwayAndComesBack() throws Exception {
        try (ServerSocket vpcd = fakeVpcd(); VpcdBridge bridge = bridgeTo(vpcd)) {
            vpcd.accept().close(); // pcscd restarting drops the card's connection
            try (Socket again = vpcd.accept()) {
                again.setSoTimeout(5000);
                DataOutputStream out = new DataOutputStream(again.getOutputStream());
                send(out, "04");
                assertThat(receive(new DataInputStream(again.getInputStream()))).startsWith("3B");
            }
        }
    }

    @Test
    void removingTheCardClosesTheConnection() throws Exception {
        try (ServerSocket vpcd = fakeVpcd(); VpcdBridge bridge = bridgeTo(vpcd)) {
            try (Socket card = vpcd.accept()) {
                card.setSoTimeout(5000);
                bridge.remove();
                assertThat(card.getInputStream().read()).isEqualTo(-1);
                assertThat(bridge.connected()).isFalse();
            }
        }
    }
}
