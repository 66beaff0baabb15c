package com.simkiosk.card.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.simkiosk.card.Iccid;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Every EF decoder takes any bytes a card returns: it gives a value that encodes back to itself, or refuses with
 * {@link IllegalArgumentException} (the {@link FileCodec} contract), never another exception.
 */
class SimFileDecoderProperties {
    private static final List<ElementaryFile<?>> FILES = SimFiles.all().stream()
            .filter(f -> f instanceof ElementaryFile<?>).<ElementaryFile<?>>map(f -> (ElementaryFile<?>) f).distinct().toList();

    @Property(tries = 3000)
    void everyDecoderGivesAValueThatRoundTripsOrRefuses(@ForAll("files") ElementaryFile<?> file, @ForAll("contents") byte[] content) {
        roundTrip(file, content);
    }

    @Property(tries = 2000)
    void aContentOfTheDeclaredSizeDecodesOrIsRefused(@ForAll("files") ElementaryFile<?> file, @ForAll @Size(64) byte[] bytes) {
        roundTrip(file, Arrays.copyOf(bytes, file.size()));
    }

    @Property(tries = 3000)
    void anIccidDecodedFromEfBytesIsTheirLeadingDigits(@ForAll @Size(max = 16) byte[] ef) {
        Iccid iccid;
        try {
            iccid = Iccid.fromEfBytes(ef);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(swappedNibbles(ef)).startsWith(iccid.digits());
        assertThat(swappedNibbles(iccid.toEfBytes())).isEqualTo(padded(iccid.digits()));
        assertThat(Iccid.fromEfBytes(iccid.toEfBytes())).isEqualTo(iccid);
    }

    @Property(tries = 2000)
    void everyIccidReEncodesToTheSameBytes(@ForAll("iccidDigits") String digits) {
        Iccid iccid = new Iccid(digits);
        byte[] ef = iccid.toEfBytes();
        assertThat(Iccid.fromEfBytes(ef)).isEqualTo(iccid);
        assertThat(SimFiles.EF_ICCID.encode(SimFiles.EF_ICCID.decode(ef))).isEqualTo(ef);
    }

    private static <T> void roundTrip(ElementaryFile<T> file, byte[] content) {
        T value;
        try {
            value = file.decode(content);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(value).isNotNull();
        byte[] encoded;
        try {
            encoded = file.encode(value);
        } catch (IllegalArgumentException doesNotFit) {
            // decoded from more bytes than the file declares: that value has no encoding in the declared size
            assertThat(content.length).as("%s decoded from its declared size must encode again", file.name())
                    .isNotEqualTo(file.size());
            return;
        }
        assertThat(file.decode(encoded)).as(file.name()).isEqualTo(value);
        assertThatCode(() -> file.decode(encoded)).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<ElementaryFile<?>> files() {
        return Arbitraries.of(FILES);
    }

    @Provide
    Arbitrary<byte[]> contents() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    }

    @Provide
    Arbitrary<String> iccidDigits() {
        return Arbitraries.strings().numeric().ofMinLength(16).ofMaxLength(18).map(d -> "89" + d);
    }

    /** The digits as a telecom BCD dump reads: each byte's low nibble first. */
    private static String swappedNibbles(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes).replaceAll("(.)(.)", "$2$1");
    }

    private static String padded(String digits) {
        return (digits + "F".repeat(20)).substring(0, 20);
    }
}
