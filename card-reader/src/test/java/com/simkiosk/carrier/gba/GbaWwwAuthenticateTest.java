package com.simkiosk.carrier.gba;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The WWW-Authenticate parser on what real servers send and on what no server should. */
class GbaWwwAuthenticateTest {

    @Test
    void aTs24109ChallengeIsReadWithItsQuotedNonceAndQopList() {
        List<DigestChallenge> all = DigestChallenge.parse("Digest realm=\"bsf.mnc010.mcc440.pub.3gppnetwork.org\", "
                + "nonce=\"CjPk9mRqNuT25eRkajM09uTl9nM09uTl9nMz5OX25PZz==\", qop=\"auth,auth-int\", "
                + "algorithm=AKAv1-MD5, opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        assertThat(all).hasSize(1);
        DigestChallenge c = all.get(0);
        assertThat(c.isDigestAkaV1Md5()).isTrue();
        assertThat(c.param("nonce")).contains("CjPk9mRqNuT25eRkajM09uTl9nM09uTl9nMz5OX25PZz==");
        assertThat(c.param("REALM")).contains("bsf.mnc010.mcc440.pub.3gppnetwork.org");
        assertThat(c.qopOptions()).containsExactly("auth", "auth-int");
    }

    @Test
    void commasAndEscapedQuotesInsideQuotedStringsAndSeveralChallengesInOneHeader() {
        List<DigestChallenge> all = DigestChallenge.parse("Basic realm=\"a, b\", Digest realm=\"say \\\"hi\\\", ok\","
                + "  nonce=\"x,y\" ,algorithm=\"akav1-md5\" , qop=\" auth-int \"");
        assertThat(all).extracting(DigestChallenge::scheme).containsExactly("Basic", "Digest");
        assertThat(all.get(0).param("realm")).contains("a, b");
        DigestChallenge d = all.get(1);
        assertThat(d.param("realm")).contains("say \"hi\", ok");
        assertThat(d.param("nonce")).contains("x,y");
        assertThat(d.isDigestAkaV1Md5()).as("algorithm quoted and in lower case").isTrue();
        assertThat(d.qopOptions()).containsExactly("auth-int");
    }

    @Test
    void brokenHeadersGiveWhatCanBeReadAndNoException() {
        assertThat(DigestChallenge.parse("")).isEmpty();
        assertThat(DigestChallenge.parse(null)).isEmpty();
        assertThat(DigestChallenge.parse("Digest nonce=\"unterminated")).hasSize(1)
                .allSatisfy(c -> assertThat(c.param("nonce")).isEmpty());
        assertThat(DigestChallenge.parse("Digest realm=")).hasSize(1);
        assertThat(DigestChallenge.parse("=,=,\"\"")).isEmpty();
        assertThat(DigestChallenge.parse("Digest algorithm=MD5").get(0).isDigestAkaV1Md5()).isFalse();
        assertThat(DigestChallenge.parse("Bearer error=\"invalid_token\"").get(0).isDigestAkaV1Md5()).isFalse();
    }

    @Test
    void aNonceThatIsNotBase64OrTooShortIsNoAkaChallenge() {
        assertThat(GbaBootstrap.akaChallenge(DigestChallenge.parse("Digest nonce=\"!!!\"").get(0))).isEmpty();
        assertThat(GbaBootstrap.akaChallenge(DigestChallenge.parse("Digest nonce=\"AAAA\"").get(0))).isEmpty();
        assertThat(GbaBootstrap.akaChallenge(DigestChallenge.parse("Digest nonce=\""
                + java.util.Base64.getEncoder().encodeToString(new byte[40]) + "\"").get(0))).isPresent();
    }

    @Property(tries = 500)
    void anyHeaderParsesWithoutAnUnexpectedException(@ForAll("headers") String header) {
        List<DigestChallenge> all = DigestChallenge.parse(header);
        for (DigestChallenge c : all) {
            assertThat(c.scheme()).isNotEmpty();
            c.qopOptions();
            c.isDigestAkaV1Md5();
            GbaBootstrap.akaChallenge(c);
        }
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("Digest", "Basic", "realm", "nonce", "qop", "algorithm", "AKAv1-MD5", "auth-int", "=",
                        ",", " ", "\"", "\\", "\\\"", "\t", "==", "opaque", "@", "\u00e9", "\r\n"),
                Arbitraries.strings().ofMaxLength(6));
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Test
    void aParameterNamedTwiceKeepsItsFirstValue() {
        assertThat(DigestChallenge.parse("Digest nonce=\"a\", nonce=\"b\"").get(0).param("nonce")).isEqualTo(Optional.of("a"));
    }
}
