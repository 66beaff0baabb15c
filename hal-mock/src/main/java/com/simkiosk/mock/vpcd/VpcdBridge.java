package com.simkiosk.mock.vpcd;

import com.simkiosk.card.CardError;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.mock.sim.VirtualSim;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs a {@link VirtualSim} into a real pcscd through the vpcd driver (vsmartcard's vicc protocol):
 * connected = card inserted, closed = card removed. Each message is a 2-byte big-endian length and a
 * payload, written in one write; TCP_QUICKACK is re-armed before every read, which takes a full read
 * through pcscd from ~260 ms (Nagle + delayed ACK) to under a millisecond.
 *
 * <p>While a card is inserted, one named thread keeps it connected: if pcscd restarts (vpcd goes away),
 * it reconnects every {@link #RECONNECT_PAUSE} until the card is removed or the bridge closed.
 */
public final class VpcdBridge implements AutoCloseable {
    public static final int VPCD_PORT = 35963;
    static final Duration RECONNECT_PAUSE = Duration.ofMillis(50);
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(VpcdBridge.class);

    private static final int POWER_OFF = 0x00;
    private static final int POWER_ON = 0x01;
    private static final int RESET = 0x02;
    private static final int GET_ATR = 0x04;

    /**
     * What a mute card "answers": vpcd treats an empty ATR as an empty slot, so a card that is there but
     * gives no valid ATR is one byte that is not TS (3B/3F).
     */
    private static final byte[] NOT_AN_ATR = {0x00};

    private final InetSocketAddress vpcd;
    private final int slot;
    private final boolean quickAck;
    private final Object lock = new Object();
    private Thread worker;
    private Socket socket;
    private volatile boolean inserted;
    private volatile boolean connected;
    private final AtomicLong powerOffs = new AtomicLong();

    /** The vpcd reader {@code slot} (0 = "Virtual PCD 00 00", port 35963; 1 = port 35964) on loopback. */
    public VpcdBridge(int slot) {
        this(new InetSocketAddress("127.0.0.1", VPCD_PORT + slot), slot, true);
    }

    public VpcdBridge(InetSocketAddress vpcd, int slot) {
        this(vpcd, slot, true);
    }

    /** {@code quickAck = false} only to measure what TCP_QUICKACK saves ({@code ./kiosk bench card}). */
    public VpcdBridge(InetSocketAddress vpcd, int slot, boolean quickAck) {
        this.vpcd = vpcd;
        this.slot = slot;
        this.quickAck = quickAck;
    }

    /** Inserts the card: returns at once; the bridge connects (and reconnects) in the background. */
    public void insert(VirtualSim card) {
        remove();
        synchronized (lock) {
            inserted = true;
            worker = new Thread(() -> serveWhileInserted(card), "vpcd-bridge-slot" + slot);
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** Pulls the card out: closes the connection and waits (bounded) for the bridge thread. */
    public void remove() {
        Thread stopping;
        synchronized (lock) {
            inserted = false;
            closeSocket();
            stopping = worker;
            worker = null;
        }
        if (stopping != null && stopping != Thread.currentThread()) {
            stopping.interrupt();
            try {
                stopping.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True while vpcd holds the connection (pcscd sees a card). */
    /**
     * How often pcscd has powered the card off since the bridge was made (a client's disconnect with
     * {@code SCARD_UNPOWER_CARD}): the next connect pays the power-up ({@code bench card --peer} checks its turns are
     * fair with it).
     */
    public long powerOffs() {
        return powerOffs.get();
    }

    public boolean connected() {
        return connected;
    }

    @Override
    public void close() {
        remove();
    }

    private void serveWhileInserted(VirtualSim card) {
        while (inserted) {
            try (Socket s = new Socket()) {
                s.setTcpNoDelay(true);
                s.connect(vpcd, (int) CONNECT_TIMEOUT.toMillis());
                synchronized (lock) {
                    if (!inserted) {
                        return;
                    }
                    socket = s;
                }
                connected = true;
                log.debug("virtual card connected to vpcd slot {}", slot);
                if (serve(s, card)) {
                    return; // the card itself left (pulled out mid-read): stay removed
                }
            } catch (IOException e) {
                log.trace("vpcd slot {} not reachable: {}", slot, e.getMessage());
            } finally {
                connected = false;
            }
            if (!pause()) {
                return;
            }
        }
    }

    /** Serves one connection; true when the card was pulled out (the connection must stay closed). */
    private boolean serve(Socket s, VirtualSim card) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        boolean rearm = quickAck && s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        while (inserted) {
            if (rearm) {
                s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            }
            int length;
            byte[] message;
            try {
                length = in.readUnsignedShort();
                message = in.readNBytes(length);
            } catch (EOFException | SocketException e) {
                log.debug("vpcd slot {} closed the connection", slot);
                return false;
            }
            if (message.length < length) {
                return false;
            }
            if (length == 1) {
                int control = message[0] & 0xFF;
                if (control == GET_ATR) {
                    send(out, card.atr().orElse(NOT_AN_ATR));
                } else if (control == POWER_ON || control == RESET || control == POWER_OFF) {
                    if (control == POWER_OFF) {
                        powerOffs.incrementAndGet();
                    }
                    card.reset();
                }
                continue;
            }
            try {
                send(out, card.transmit(message));
            } catch (CardIoException e) {
                if (e.error() == CardError.CARD_REMOVED) {
                    log.debug("virtual card in slot {} pulled out mid-read", slot);
                    synchronized (lock) {
                        inserted = false;
                        closeSocket();
                    }
                    return true;
                }
                return false;
            }
        }
        return false;
    }

    /** Length and payload in one write: two writes cost a delayed-ACK round trip (~40 ms). */
    private static void send(OutputStream out, byte[] payload) throws IOException {
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }

    private boolean pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
            return inserted;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                log.trace("closing vpcd socket: {}", e.getMessage());
            }
            socket = null;
        }
    }
}
