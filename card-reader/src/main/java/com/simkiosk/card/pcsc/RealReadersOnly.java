package com.simkiosk.card.pcsc;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.SimReader;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * PC/SC without vsmartcard's virtual readers: "Virtual PCD 00 00" takes its card from whoever connects to TCP
 * port 35963 (on every interface, as Debian configures it), so outside a test rig the kiosk neither lists, hears
 * nor reads it, even when the configuration names no reader and a stray vpcd is running.
 */
public final class RealReadersOnly implements SimReader {
    private final SimReader pcsc;
    private final Map<Consumer<CardEvent>, Consumer<CardEvent>> wrapped = new ConcurrentHashMap<>();

    public RealReadersOnly(SimReader pcsc) {
        this.pcsc = pcsc;
    }

    /** Whether {@code readerName} is one of vpcd's virtual readers ("Virtual PCD 00 00", "Virtual PCD 00 01"). */
    public static boolean isVirtual(String readerName) {
        return readerName.strip().toLowerCase(Locale.ROOT).startsWith("virtual pcd");
    }

    @Override
    public List<ReaderInfo> readers() {
        return real(pcsc.readers());
    }

    @Override
    public void addListener(Consumer<CardEvent> listener) {
        Consumer<CardEvent> filter = event -> {
            if (event instanceof CardEvent.ReadersChanged changed) {
                listener.accept(new CardEvent.ReadersChanged(real(changed.readers())));
            } else if (!(event instanceof CardEvent.Inserted in && isVirtual(in.reader()))
                    && !(event instanceof CardEvent.Removed out && isVirtual(out.reader()))) {
                listener.accept(event);
            }
        };
        wrapped.put(listener, filter);
        pcsc.addListener(filter);
    }

    @Override
    public void removeListener(Consumer<CardEvent> listener) {
        Consumer<CardEvent> filter = wrapped.remove(listener);
        if (filter != null) {
            pcsc.removeListener(filter);
        }
    }

    @Override
    public ReadResult read(String reader) {
        return isVirtual(reader) ? refused(reader) : pcsc.read(reader);
    }

    /** Without a name: the first real reader (a kiosk has one). */
    @Override
    public ReadResult awaitAndRead(String readerOrNull, Duration timeout) {
        if (readerOrNull != null) {
            return isVirtual(readerOrNull) ? refused(readerOrNull) : pcsc.awaitAndRead(readerOrNull, timeout);
        }
        Optional<ReaderInfo> first = readers().stream().findFirst();
        if (first.isEmpty()) {
            return new ReadResult.Failed(CardError.NO_READER,
                    "no smart card reader other than vsmartcard's virtual ones (those need \"testRig\": true)");
        }
        return pcsc.awaitAndRead(first.get().name(), timeout);
    }

    @Override
    public PinResult verifyPin(String reader, String pin) {
        if (isVirtual(reader)) {
            ReadResult.Failed no = refused(reader);
            return new PinResult.Failed(no.error(), no.detail());
        }
        return pcsc.verifyPin(reader, pin);
    }

    @Override
    public Optional<ReadResult.Failed> fault() {
        return pcsc.fault();
    }

    @Override
    public void close() {
        pcsc.close();
    }

    private static List<ReaderInfo> real(List<ReaderInfo> readers) {
        return readers.stream().filter(r -> !isVirtual(r.name())).toList();
    }

    private static ReadResult.Failed refused(String reader) {
        return new ReadResult.Failed(CardError.NO_READER, reader + " is a virtual reader, used on test rigs only");
    }
}
