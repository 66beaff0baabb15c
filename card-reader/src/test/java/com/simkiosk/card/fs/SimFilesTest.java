package com.simkiosk.card.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.Iccid;
import com.simkiosk.card.apdu.Hex;
import org.junit.jupiter.api.Test;

class SimFilesTest {

    private static <T> void roundTrips(ElementaryFile<T> file, String hex, T value) {
        assertThat(file.decode(Hex.decode(hex))).as(file.name() + " decode").isEqualTo(value);
        assertThat(Hex.spaced(file.encode(value))).as(file.name() + " encode").isEqualTo(hex);
    }

    @Test
    void iccidRoundTripsTheDesignVector() {
        roundTrips(SimFiles.EF_ICCID, "98 88 12 01 00 00 40 03 10 F0", Iccid.parse("8988211000000430010"));
    }

    @Test
    void imsiRoundTripsOddAndEvenLengths() {
        roundTrips(SimFiles.EF_IMSI, "08 09 10 10 10 32 54 76 98", new Imsi("001010123456789"));
        roundTrips(SimFiles.EF_IMSI, "08 41 04 01 21 43 65 87 F9", new Imsi("44010123456789"));
    }

    @Test
    void adRoundTripsTheMncLengthOfByte4AndReadsAShortOrReservedOneAsUnknown() {
        roundTrips(SimFiles.EF_AD, "00 00 00 02", AdministrativeData.normal(2));
        roundTrips(SimFiles.EF_AD, "00 00 00 03", AdministrativeData.normal(3));
        roundTrips(SimFiles.EF_AD, "80 00 00 00", new AdministrativeData(0x80, java.util.OptionalInt.empty()));
        assertThat(SimFiles.EF_AD.decode(Hex.decode("00 00 00")).mncLength()).isEmpty(); // no byte 4 (GSM 11.11)
        assertThat(SimFiles.EF_AD.decode(Hex.decode("00 00 00 F2 FF")).mncLength()).hasValue(2); // high nibble RFU
        assertThat(SimFiles.EF_AD.decode(Hex.decode("00 00 00 0F")).mncLength()).isEmpty(); // reserved
    }

    @Test
    void spnRoundTripsInTheGsmAlphabetAndInUcs2() {
        roundTrips(SimFiles.EF_SPN, "01 53 69 6D 4B 69 6F 73 6B FF FF FF FF FF FF FF FF",
                new ServiceProviderName(1, "SimKiosk"));
        roundTrips(SimFiles.EF_SPN, "00 80 30 BD 30 D5 30 C8 FF FF FF FF FF FF FF FF FF",
                new ServiceProviderName(0, "ソフト"));
    }

    @Test
    void msisdnRoundTripsAnInternationalNumberAndAnEmptyRecord() {
        roundTrips(SimFiles.EF_MSISDN,
                "4D 79 20 6E 75 6D 62 65 72 FF FF FF FF FF 07 91 18 09 21 43 65 87 FF FF FF FF FF FF",
                new DialingNumber("My number", "+819012345678"));
        roundTrips(SimFiles.EF_MSISDN,
                "FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF",
                new DialingNumber("", ""));
    }

    @Test
    void dirRecordRoundTripsAUsimTemplateWithItsLabel() {
        roundTrips(SimFiles.EF_DIR, "61 18 4F 10 A0 00 00 00 87 10 02 FF 44 FF 12 89 00 00 01 00 50 04 55 53 49 4D"
                + " FF FF FF FF FF FF FF FF FF FF FF FF", new ApplicationTemplate("A0000000871002FF44FF128900000100", "USIM"));
        assertThat(SimFiles.EF_DIR.decode(Hex.decode("61 09 4F 07 A0 00 00 00 87 10 04 FF FF")).isUsim()).isFalse();
        assertThatThrownBy(() -> SimFiles.EF_DIR.decode(Hex.decode("FF".repeat(38))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTreeHasIccidUnderMfAndTheSubscriberFilesUnderBothDirectories() {
        assertThat(SimFiles.MF.child(0x2FE2)).contains(SimFiles.EF_ICCID);
        assertThat(SimFiles.MF.childBySfi(0x02)).contains(SimFiles.EF_ICCID);
        assertThat(SimFiles.DF_GSM.child(0x6F07)).contains(SimFiles.EF_IMSI);
        assertThat(SimFiles.ADF_USIM.child(0x6F40)).contains(SimFiles.EF_MSISDN);
        assertThat(SimFiles.ADF_USIM.aid()).contains("A0000000871002");
        assertThat(SimFiles.all()).extracting(SimFile::name)
                .containsExactly("MF", "EF.ICCID", "EF.DIR", "DF.GSM", "EF.IMSI", "EF.AD", "EF.SPN", "EF.MSISDN",
                        "ADF.USIM", "EF.IMSI", "EF.AD", "EF.SPN", "EF.MSISDN");
    }

    @Test
    void rejectsBytesThatAreNotThatKindOfFile() {
        assertThatThrownBy(() -> SimFiles.EF_ICCID.decode(Hex.decode("12 34 56 78 9A BC DE F0 12 34")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimFiles.EF_IMSI.decode(Hex.decode("00 FF FF FF FF FF FF FF FF")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void imsiAndNumbersAreMaskedWhenPrinted() {
        assertThat(new Imsi("440101234567890").toString()).doesNotContain("1234567890");
        assertThat(new DialingNumber("", "+819012345678").toString()).doesNotContain("12345678");
    }
}
