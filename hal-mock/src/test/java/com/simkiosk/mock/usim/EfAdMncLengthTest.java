package com.simkiosk.mock.usim;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.fs.Imsi;
import com.simkiosk.card.usim.ImsiResult;
import com.simkiosk.card.usim.UsimSession;
import com.simkiosk.carrier.gba.Impi;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The IMPI's MNC length comes from the card's EF.AD (TS 31.102 §4.2.18 byte 4), the MCC guess only without it. */
class EfAdMncLengthTest {
    private static final String ICCID = "8944100000000000012";

    private static ImsiResult.Read read(VirtualSimSpec spec) {
        return (ImsiResult.Read) new UsimSession(new VirtualSim(spec)).readImsi(Optional.empty());
    }

    @Test
    void aBritishImsiWithATwoDigitMncGetsItsRealHomeDomainFromEfAd() {
        // MCC 234, MNC 15 (two digits): the guess for a non-Japanese MCC would say three (mnc151).
        VirtualSimSpec spec = VirtualSimSpec.uicc(ICCID).withImsi(new Imsi("234150999999999")).withMncLength(OptionalInt.of(2));

        ImsiResult.Read read = read(spec);

        assertThat(read.mncLength()).hasValue(2);
        assertThat(Impi.fromImsi(read.imsi(), read.mncLength()).domain()).isEqualTo("ims.mnc015.mcc234.3gppnetwork.org");
    }

    @Test
    void aJapaneseCardWhoseEfAdSaysThreeIsBelieved() {
        VirtualSimSpec spec = VirtualSimSpec.uicc(ICCID).withImsi(new Imsi("440123456789012")).withMncLength(OptionalInt.of(3));

        ImsiResult.Read read = read(spec);

        assertThat(Impi.fromImsi(read.imsi(), read.mncLength()).domain()).isEqualTo("ims.mnc123.mcc440.3gppnetwork.org");
    }

    @Test
    void withoutByte4TheGuessDecides() {
        VirtualSimSpec spec = VirtualSimSpec.uicc(ICCID).withImsi(new Imsi("440100311000016")).withMncLength(OptionalInt.empty());

        ImsiResult.Read read = read(spec);

        assertThat(read.mncLength()).isEmpty();
        assertThat(Impi.fromImsi(read.imsi(), read.mncLength()).domain()).isEqualTo("ims.mnc010.mcc440.3gppnetwork.org");
    }
}
