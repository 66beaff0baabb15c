package com.simkiosk.kiosk.screen.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.CardError;
import com.simkiosk.card.ReadResult;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.i18n.Messages;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the maintenance screen says in the "Card readers" row when the modem cannot be used. */
class ReaderFaultTextTest {
    private static final List<CardError> FAULTS =
            List.of(CardError.PCSC_UNAVAILABLE, CardError.READER_SILENT, CardError.READER_GARBLED);

    private static String said(Language language, CardError error) {
        return MaintenanceScreen.readerFault(Messages.of(language), new ReadResult.Failed(error, "detail for the log"));
    }

    @Test
    void aTechnicianIsSentToTheCableOnlyWhenThePortIsMissing() {
        assertThat(said(Language.EN, CardError.PCSC_UNAVAILABLE)).contains("check the cable");
        assertThat(said(Language.EN, CardError.READER_SILENT)).startsWith("The modem does not answer")
                .contains("baud rate").contains("cable is not the first suspect");
        assertThat(said(Language.EN, CardError.READER_GARBLED)).startsWith("The modem answers with garbled data");
    }

    @Test
    void everyLanguageTellsTheThreeFaultsApart() {
        for (Language language : Language.values()) {
            Set<String> texts = FAULTS.stream().map(e -> said(language, e)).collect(Collectors.toSet());
            assertThat(texts).as(language.name()).hasSize(3)
                    .noneMatch(t -> t.contains("maint.") || t.contains("detail for the log"));
        }
    }

    @Test
    void anotherFaultFallsBackToItsNameRatherThanNothing() {
        assertThat(said(Language.JA, CardError.SHARING_VIOLATION)).contains("SHARING_VIOLATION");
    }
}
