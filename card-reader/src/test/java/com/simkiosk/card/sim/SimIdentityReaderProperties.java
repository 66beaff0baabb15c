package com.simkiosk.card.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.apdu.ApduChannel;
import com.simkiosk.card.apdu.CardIoException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever a card in the reader answers (a SIM, a bank card, a broken card, garbage), reading it gives a SIM
 * identity with a valid ICCID and sane PIN state, or a classified {@link CardIoException}; checking a PIN gives a
 * {@link PinResult}. Nothing else escapes.
 */
class SimIdentityReaderProperties {

    @Property(tries = 1500)
    void readingAnyCardGivesAnIdentityOrAClassifiedError(@ForAll("cards") List<byte[]> answers) {
        try {
            SimIdentity sim = new SimIdentityReader(new CyclingCard(answers)).read();
            assertThat(Iccid.fromEfBytes(sim.iccid().toEfBytes())).isEqualTo(sim.iccid());
            assertThat(sim.pin().triesLeft()).isBetween(0, 15);
        } catch (CardIoException e) {
            assertThat(e.error()).isNotNull();
        }
    }

    @Property(tries = 1500)
    void checkingAPinOnAnyCardGivesAResult(@ForAll("cards") List<byte[]> answers) {
        PinResult result = new SimIdentityReader(new CyclingCard(answers)).verifyPin("1234");
        assertThat(result).isNotNull();
        if (result instanceof PinResult.Wrong wrong) {
            assertThat(wrong.triesLeft()).isBetween(0, 15);
        }
        if (result instanceof PinResult.Failed failed) {
            assertThat(failed.error()).isNotNull();
        }
    }

    /** Answers biased to what SIMs say: OK, 2G class refusals, PIN states, T=0 chaining, and ICCID-like data. */
    @Provide
    Arbitrary<List<byte[]>> cards() {
        Arbitrary<Integer> sw = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(0x9000)),
                Tuple.of(2, Arbitraries.integers().between(0x6E00, 0x6EFF)),
                Tuple.of(1, Arbitraries.just(0x6D00)),
                Tuple.of(2, Arbitraries.integers().between(0x63C0, 0x63CF)),
                Tuple.of(1, Arbitraries.of(0x6983, 0x6984, 0x9804, 0x9840, 0x6A82)),
                Tuple.of(1, Arbitraries.integers().between(0x6100, 0x61FF)),
                Tuple.of(1, Arbitraries.integers().between(0x6C00, 0x6CFF)),
                Tuple.of(1, Arbitraries.integers().between(0x9F00, 0x9FFF)),
                Tuple.of(1, Arbitraries.integers().between(0, 0xFFFF)));
        Arbitrary<byte[]> iccidLike = Arbitraries.strings().numeric().ofMinLength(16).ofMaxLength(22)
                .map(d -> "89" + d).map(SimIdentityReaderProperties::swappedBcd);
        Arbitrary<byte[]> data = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)),
                Tuple.of(3, iccidLike),
                Tuple.of(2, Arbitraries.just(new byte[0])));
        Arbitrary<byte[]> answer = Combinators.combine(data, sw).as((d, s) -> {
            byte[] out = Arrays.copyOf(d, d.length + 2);
            out[d.length] = (byte) (s >> 8);
            out[d.length + 1] = (byte) (int) s;
            return out;
        });
        return Arbitraries.frequencyOf(Tuple.of(30, answer), Tuple.of(1, Arbitraries.just(new byte[] {0x6F})))
                .list().ofMinSize(1).ofMaxSize(10);
    }

    private static byte[] swappedBcd(String digits) {
        byte[] out = new byte[(digits.length() + 1) / 2];
        Arrays.fill(out, (byte) 0xFF);
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            out[i / 2] = (byte) (i % 2 == 0 ? (out[i / 2] & 0xF0) | d : (out[i / 2] & 0x0F) | (d << 4));
        }
        return out;
    }

    private static final class CyclingCard implements ApduChannel {
        private final List<byte[]> answers;
        private int next;

        CyclingCard(List<byte[]> answers) {
            this.answers = List.copyOf(answers);
        }

        @Override
        public byte[] transmit(byte[] command) {
            return answers.get(next++ % answers.size()).clone();
        }
    }
}
