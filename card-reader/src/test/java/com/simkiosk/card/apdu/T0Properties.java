package com.simkiosk.card.apdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever a card answers, the T=0 stack returns a final answer (never 61xx, 6Cxx or 9Fxx) or a classified
 * {@link CardIoException}: every loop is bounded, so a card that chains forever costs a bounded number of
 * exchanges and bytes.
 */
class T0Properties {
    /** Three nested loops of at most 32 rounds each, plus the first exchange of each. */
    private static final int MOST_EXCHANGES = 33 * 33 * 33;

    @Property(tries = 1000)
    void anyCardGetsAFinalAnswerOrAClassifiedError(@ForAll("cards") List<byte[]> answers,
            @ForAll("commands") byte[] command) {
        ScriptedCard card = new ScriptedCard(answers);
        try {
            byte[] out = T0.over(card).transmit(command);
            int sw = ResponseApdu.of(out).sw();
            assertThat(StatusWord.isMoreDataAvailable(sw) || StatusWord.isWrongLe(sw) || StatusWord.isGsmResponseAvailable(sw))
                    .as("final status word %s", StatusWord.format(sw)).isFalse();
            // 61xx chains are collected at most 33 times, each answer at most 256 data bytes
            assertThat(out.length).isLessThanOrEqualTo(33 * 258);
        } catch (CardIoException e) {
            assertThat(e.error()).isNotNull();
        }
        assertThat(card.exchanges).isLessThanOrEqualTo(MOST_EXCHANGES);
    }

    @Property(tries = 1000)
    void a61xxChainReturnsAllTheDataInOrder(@ForAll @Size(max = 600) byte[] data, @ForAll @IntRange(min = 1, max = 255) int chunk) {
        // a card may chain at most 32 GET RESPONSEs before the wrapper calls it mute
        ChunkingCard card = new ChunkingCard(data, Math.max(chunk, (data.length + 31) / 32));
        byte[] out = transmitQuietly(T0.over(card), new byte[] {0x00, (byte) 0xB0, 0x00, 0x00, 0x00});
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(data);
        expected.write(0x90);
        expected.write(0x00);
        assertThat(out).isEqualTo(expected.toByteArray());
    }

    private static byte[] transmitQuietly(ApduChannel channel, byte[] command) {
        try {
            return channel.transmit(command);
        } catch (CardIoException e) {
            throw new AssertionError("a well-behaved card failed: " + e.error(), e);
        }
    }

    @Provide
    Arbitrary<byte[]> commands() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(4).ofMaxSize(40);
    }

    /** Answers a card might give, biased to the T=0 families that make the wrappers loop. */
    @Provide
    Arbitrary<List<byte[]>> cards() {
        Arbitrary<Integer> sw1 = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(0x61)),
                Tuple.of(4, Arbitraries.just(0x6C)),
                Tuple.of(4, Arbitraries.just(0x9F)),
                Tuple.of(3, Arbitraries.just(0x90)),
                Tuple.of(2, Arbitraries.integers().between(0, 255)));
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(256);
        Arbitrary<byte[]> wellFormed = Combinators.combine(data, sw1, Arbitraries.integers().between(0, 255))
                .as((d, s1, s2) -> {
                    byte[] out = Arrays.copyOf(d, d.length + 2);
                    out[d.length] = (byte) (int) s1;
                    out[d.length + 1] = (byte) (int) s2;
                    return out;
                });
        Arbitrary<byte[]> tooShort = Arbitraries.bytes().array(byte[].class).ofMaxSize(1);
        return Arbitraries.frequencyOf(Tuple.of(20, wellFormed), Tuple.of(1, tooShort))
                .list().ofMinSize(1).ofMaxSize(8);
    }

    /** Gives its answers in turn, then starts again: a card stuck in a loop never stops answering. */
    private static final class ScriptedCard implements ApduChannel {
        private final List<byte[]> answers;
        int exchanges;

        ScriptedCard(List<byte[]> answers) {
            this.answers = new ArrayList<>(answers);
        }

        @Override
        public byte[] transmit(byte[] command) {
            return answers.get(exchanges++ % answers.size()).clone();
        }
    }

    /** A well-behaved T=0 card: {@code 61xx} announces the rest, GET RESPONSE hands out at most {@code chunk} bytes. */
    private static final class ChunkingCard implements ApduChannel {
        private final byte[] data;
        private final int chunk;
        private int sent;

        ChunkingCard(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public byte[] transmit(byte[] command) {
            int n = Math.min(chunk, data.length - sent);
            if (command[1] == (byte) 0xC0) {
                n = Math.min(n, (command[4] & 0xFF) == 0 ? 256 : command[4] & 0xFF);
            } else {
                n = 0; // the first answer only announces
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(data, sent, n);
            sent += n;
            int left = data.length - sent;
            if (left > 0) {
                out.write(0x61);
                out.write(Math.min(left, chunk));
            } else {
                out.write(0x90);
                out.write(0x00);
            }
            return out.toByteArray();
        }
    }
}
