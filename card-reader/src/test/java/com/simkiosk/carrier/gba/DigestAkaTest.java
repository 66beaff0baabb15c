package com.simkiosk.carrier.gba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.fs.Imsi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Digest computation of RFC 2617 §3.2.2 as RFC 3310 §3.3 uses it (password = RES as raw bytes), against the
 * published RFC 2617 §3.5 example and against values this test computes step by step on its own. RFC 3310's
 * examples (§5) print placeholders, not digests, so they cannot serve as test vectors.
 */
class DigestAkaTest {

    @Test
    void theRfc2617WorkedExampleGivesItsPublishedResponse() {
        // RFC 2617 §3.5: Mufasa / "Circle Of Life", qop=auth
        DigestAka.Input in = new DigestAka.Input("Mufasa", "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "GET", "/dir/index.html", Optional.of("auth"), "00000001", "0a4f113b");
        assertThat(DigestAka.response(in, "Circle Of Life".getBytes(StandardCharsets.US_ASCII), new byte[0]))
                .isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void akaV1Md5UsesTheRawResBytesAsPasswordAndHashesTheEmptyBodyForAuthInt() throws Exception {
        byte[] res = HexFormat.of().parseHex("a54211d5e3ba50bf"); // TS 35.208 test set 1 RES: not valid text
        String impi = "440100311000016@ims.mnc010.mcc440.3gppnetwork.org";
        String realm = "bsf.example.net";
        String nonce = "CjPk9mRqNuT25eRkajM09uTl9nM09uTl9nMz5OX25PZz==";
        DigestAka.Input in = new DigestAka.Input(impi, realm, nonce, "GET", "/", Optional.of("auth-int"),
                "00000001", "0a4f113b");

        // independently: every step written out
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update((impi + ":" + realm + ":").getBytes(StandardCharsets.US_ASCII));
        md5.update(res);
        String ha1 = hex(md5.digest());
        String bodyHash = hex(MessageDigest.getInstance("MD5").digest(new byte[0]));
        assertThat(bodyHash).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        String ha2 = hex(MessageDigest.getInstance("MD5").digest(("GET:/:" + bodyHash).getBytes(StandardCharsets.US_ASCII)));
        String expected = hex(MessageDigest.getInstance("MD5").digest((ha1 + ":" + nonce + ":00000001:0a4f113b:auth-int:" + ha2)
                .getBytes(StandardCharsets.US_ASCII)));

        assertThat(DigestAka.response(in, res, new byte[0])).isEqualTo(expected);
        // the UTF-8 decoding of RES would give another answer: the bytes themselves are the password
        assertThat(DigestAka.response(in, new String(res, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), new byte[0]))
                .isNotEqualTo(expected);
    }

    @Test
    void theSynchronisationFailureRequestUsesAnEmptyPassword() throws Exception {
        DigestAka.Input in = new DigestAka.Input("u@d", "r", "n", "GET", "/b", Optional.empty(), "", "");
        String ha1 = hex(MessageDigest.getInstance("MD5").digest("u@d:r:".getBytes(StandardCharsets.US_ASCII)));
        String ha2 = hex(MessageDigest.getInstance("MD5").digest("GET:/b".getBytes(StandardCharsets.US_ASCII)));
        assertThat(DigestAka.response(in, new byte[0], new byte[0]))
                .as("RFC 2069 form without qop").isEqualTo(hex(MessageDigest.getInstance("MD5")
                        .digest((ha1 + ":n:" + ha2).getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void rspauthLeavesTheMethodOutAndHashesTheServersBody() throws Exception {
        byte[] body = "<BootstrappingInfo/>".getBytes(StandardCharsets.UTF_8);
        DigestAka.Input in = new DigestAka.Input("u@d", "r", "n", "GET", "/b", Optional.of("auth-int"), "00000001", "c");
        DigestAka.Input noMethod = new DigestAka.Input("u@d", "r", "n", "", "/b", Optional.of("auth-int"), "00000001", "c");
        assertThat(DigestAka.rspauth(in, new byte[] {1, 2}, body)).isEqualTo(DigestAka.response(noMethod, new byte[] {1, 2}, body));
        assertThat(DigestAka.rspauth(in, new byte[] {1, 2}, body)).isNotEqualTo(DigestAka.rspauth(in, new byte[] {1, 2}, new byte[0]));
    }

    @Test
    void theImpiComesFromTheImsiAsTs23003Section13_3Says() {
        // TS 23.003 §13.3's own example
        assertThat(Impi.fromImsi(new Imsi("234150999999999"), 2).value())
                .isEqualTo("234150999999999@ims.mnc015.mcc234.3gppnetwork.org");
        assertThat(Impi.fromImsi(new Imsi("440100311000016"), 2).value())
                .isEqualTo("440100311000016@ims.mnc010.mcc440.3gppnetwork.org");
        assertThat(Impi.fromImsi(new Imsi("310150123456789"), 3).value())
                .isEqualTo("310150123456789@ims.mnc150.mcc310.3gppnetwork.org");
        assertThat(Impi.fromImsi(new Imsi("440100311000016"), 2).domain()).isEqualTo("ims.mnc010.mcc440.3gppnetwork.org");
        assertThat(Impi.fromImsi(new Imsi("440100311000016"), 2).toString()).doesNotContain("0311000016");
        assertThatThrownBy(() -> Impi.fromImsi(new Imsi("440100311000016"), 4)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
