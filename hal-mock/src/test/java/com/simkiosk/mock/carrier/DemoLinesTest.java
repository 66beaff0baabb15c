package com.simkiosk.mock.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLinesTest {

    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-26T03:00:00Z"));
    private final DemoLines demo = DemoLines.builtIn(clock);

    @Test
    void shipsAtLeastEightJapaneseLinesWithLuhnValidIccids() {
        assertThat(demo.all()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(demo.all()).allSatisfy(line -> {
            assertThat(line.iccid().luhnValid()).as(line.key()).isTrue();
            assertThat(line.iccid().digits()).as(line.key()).startsWith("8981");
            assertThat(line.idDocument()).hasSizeGreaterThan(4).endsWith(line.idDocumentLast4());
            assertThat(line.idDocumentLast4()).hasSize(4);
            assertThat(line.partyAccountId()).startsWith("acc-");
            assertThat(line.orderNumber()).isNotBlank();
        });
        assertThat(demo.all()).extracting(l -> l.iccid().digits()).doesNotHaveDuplicates();
        assertThat(demo.all()).extracting(DemoLine::partyAccountId).doesNotHaveDuplicates();
    }

    @Test
    void theSimulatorsOwnLineRecordsPrintMasked() {
        CarrierData data = CarrierData.parse(CarrierData.readBuiltIn(new com.fasterxml.jackson.databind.ObjectMapper()),
                java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(data.lines).isNotEmpty().allSatisfy(line -> {
            String printed = line.toString();
            assertThat(printed).as(line.key()).doesNotContain(line.iccid()).doesNotContain(line.idDocument())
                    .doesNotContain(line.orderNumber());
            line.msisdn().ifPresent(n -> assertThat(printed).doesNotContain(n.substring(n.length() - 8)));
        });
    }

    @Test
    void touristDataSimIsTheBuiltInLineVerifiedByItsSimPin() {
        DemoLine tourist = demo.touristData();
        assertThat(tourist.verificationMethods()).startsWith(VerificationMethod.SIM_PIN);
        assertThat(tourist.simPin()).matches("\\d{4,8}");
        assertThat(demo.all()).filteredOn(l -> l.verificationMethods().contains(VerificationMethod.SIM_PIN))
                .extracting(DemoLine::key).containsExactly("tourist-data");
    }

    @Test
    void touristDataSimHasNoNumberAndCannotBeVerifiedBySms() {
        DemoLine tourist = demo.touristData();
        assertThat(tourist.msisdn()).isEmpty();
        assertThat(tourist.verificationMethods()).doesNotContain(VerificationMethod.SMS_CODE)
                .contains(VerificationMethod.ID_DOCUMENT, VerificationMethod.ORDER_NUMBER);
        assertThat(tourist.iccid().japaneseIssuer()).contains("NTT DOCOMO");
    }

    @Test
    void coversEveryCarrierAndEveryLineState() {
        assertThat(demo.auPrepaid().iccid().japaneseIssuer()).contains("KDDI");
        assertThat(demo.softbankPrepaid().iccid().japaneseIssuer()).contains("SoftBank");
        assertThat(demo.rakuten().iccid().japaneseIssuer()).contains("Rakuten Mobile");
        assertThat(demo.iijMvno().iccid().japaneseIssuer()).contains("IIJ");
        assertThat(demo.suspended().status()).isEqualTo(LineStatus.SUSPENDED);
        assertThat(demo.terminated().status()).isEqualTo(LineStatus.TERMINATED);
        assertThat(demo.expiredTourist().status()).isEqualTo(LineStatus.ACTIVE);
        assertThat(demo.staggeredTopUps().msisdn()).isPresent();
    }

    @Test
    void thePlainLineHasA020NumberAndNothingButTheStandard() {
        DemoLine plain = demo.plain020();
        assertThat(plain.msisdn().orElseThrow().e164()).startsWith("+8120");
        assertThat(plain.verificationMethods()).isEmpty();
        assertThat(plain.brand()).as("no brand: the plan name").isEqualTo("Data Plan 1GB (020)");
        assertThat(plain.iccid().luhnValid()).isTrue();
    }

    @Test
    void findsLinesBySimAndByNumberButNotTheForeignOrUnknownOnes() {
        DemoLine au = demo.auPrepaid();
        assertThat(demo.byIccid(au.iccid())).contains(au);
        assertThat(demo.byNumber(au.msisdn().orElseThrow())).contains(au);
        assertThat(demo.byIccid(DemoLines.FOREIGN_ICCID)).isEmpty();
        assertThat(demo.byIccid(DemoLines.UNKNOWN_JAPANESE_ICCID)).isEmpty();
        assertThat(DemoLines.UNKNOWN_JAPANESE_ICCID.luhnValid()).isTrue();
        assertThat(demo.byNumber(DemoLines.UNKNOWN_NUMBER)).isEmpty();
    }

    @Test
    void aDemoLineLogsMaskedWithoutItsPin() {
        DemoLine au = demo.auPrepaid();
        String shown = au.toString();
        assertThat(shown).doesNotContain(au.iccid().digits()).doesNotContain(au.msisdn().orElseThrow().e164())
                .doesNotContain("PIN " + au.simPin()).contains("090-****-0002");
    }

    @Test
    void rejectsADataFileWithABadIccid(@TempDir Path dir) throws Exception {
        String good = new String(getClass().getResourceAsStream(CarrierData.BUILT_IN).readAllBytes());
        Path bad = dir.resolve("lines.json");
        Files.writeString(bad, good.replace("8981102603110000016", "8981102603110000017"));
        assertThatThrownBy(() -> DemoLines.fromFile(bad, clock)).hasMessageContaining("tourist-data").hasMessageContaining("Luhn");
        Path copy = dir.resolve("same.json");
        Files.writeString(copy, good);
        assertThat(DemoLines.fromFile(copy, clock).all()).hasSameSizeAs(demo.all());
    }
}
