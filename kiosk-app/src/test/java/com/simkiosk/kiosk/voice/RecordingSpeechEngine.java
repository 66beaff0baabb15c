package com.simkiosk.kiosk.voice;

import com.simkiosk.kiosk.flow.Language;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every text it is asked to speak and answers with a short tone (10 ms per character). */
final class RecordingSpeechEngine implements SpeechEngine {
    record Said(String text, Language language) {}

    private final List<Said> said = new CopyOnWriteArrayList<>();

    @Override
    public Speech render(String text, Language language, Duration bound) {
        said.add(new Said(text, language));
        return tone(8000, Math.max(1, text.length()) * 80);
    }

    @Override
    public String id() {
        return "recording";
    }

    List<Said> said() {
        return List.copyOf(said);
    }

    List<String> texts() {
        return said.stream().map(Said::text).toList();
    }

    void clear() {
        said.clear();
    }

    static Speech tone(int rate, int samples) {
        ByteBuffer b = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return new Speech(rate, b.array());
    }
}
