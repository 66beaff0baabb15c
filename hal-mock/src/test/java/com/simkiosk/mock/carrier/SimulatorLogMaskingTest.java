package com.simkiosk.mock.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.simkiosk.testing.LogCapture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's log shows numbers, ICCIDs, codes and payment codes only masked. */
class SimulatorLogMaskingTest extends SimulatorFixture {

    private LogCapture logs;

    @BeforeEach
    void capture() {
        logs = LogCapture.atDebug("com.simkiosk.mock.carrier");
    }

    @AfterEach
    void release() {
        logs.close();
    }

    @Test
    void aWholeCustomerJourneyLogsNothingPersonalInClear() throws Exception {
        DemoLine au = demo.auPrepaid();
        String number = au.msisdn().orElseThrow().e164();
        http.productByIccid(au.iccid().digits());
        String id = sendCode(number);
        String code = codeSentTo(number);
        http.validateCode(id, code.equals("000000") ? "111111" : "000000");
        http.validateCode(id, code);
        http.productByNumber(number);
        http.sendCode(DemoLines.UNKNOWN_NUMBER.e164());
        http.kycMatch(EXAMPLES.text("kyc-match-id-document-request"));
        http.kycMatch("{\"phoneNumber\":\"" + number + "\",\"idDocument\":\"XX0000000\"}");
        JsonNode order = http.json(http.post("/tmf-api/prepayBalanceManagement/v4/topupBalance",
                EXAMPLES.text("topup-request")));
        String paymentCode = http.json(http.get(order.get("href").asText())).get("payAtRegister").get("paymentCode")
                .asText();

        List<String> lines = logs.messages();
        String national = "0" + number.substring(3);
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line)
                .doesNotContain(au.iccid().digits())
                .doesNotContain(number)
                .doesNotContain(national)
                .doesNotContain(number.substring(3))
                .doesNotContain(DemoLines.UNKNOWN_NUMBER.e164())
                .doesNotContain(code)
                .doesNotContain(paymentCode)
                .doesNotContain(au.idDocument())
                .doesNotContain(au.idDocumentLast4())
                .doesNotContain("XX0000000"));
        assertThat(String.join("\n", lines))
                .contains(au.iccid().masked())
                .contains("090-****-0002")
                .contains("090-****-0000");
    }

    @Test
    void anSmsInTheOutboxPrintsMasked() throws Exception {
        String number = demo.rakuten().msisdn().orElseThrow().e164();
        sendCode(number);
        SmsOutbox.Sms sms = sim.smsOutbox().latestTo(number).orElseThrow();
        assertThat(sms.toString()).doesNotContain(number).doesNotContain(sms.code()).contains("070-****-0004");
    }
}
