package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.TopUpOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values that hold personal data or credentials print masked, so a stray log line or message cannot leak them. */
class PersonalValuesPrintMaskedTest {

    @Test
    void aCodeRequestShowsTheNumberMasked() {
        String printed = new TmfDocuments.SendCodeRequest("+819012345678", "Your code is {{code}}").toString();
        assertThat(printed).contains("090-****-5678").doesNotContain("12345678");
    }

    @Test
    void aCodeCheckNeverShowsTheCode() {
        assertThat(new TmfDocuments.ValidateCodeRequest("auth-1", "482913").toString()).doesNotContain("482913");
    }

    @Test
    void aRegisteredDetailCheckNeverShowsTheDocumentOrOrderNumber() {
        String printed = new TmfDocuments.KycMatchRequest("+819012340002", null, "TK1234567", "ORD-99881").toString();
        assertThat(printed).doesNotContain("1234567").doesNotContain("99881").doesNotContain("819012340002");
    }

    @Test
    void anHttpCallShowsNeitherItsQueryNorItsCredentials() {
        TmfHttp.Call call = TmfHttp.Call.get("/tmf-api/productInventory/v4/product?realizingResource.id=8981100000000000901",
                        "SIM 8981 10** **** **** 901")
                .withHeader("Authorization", "Bearer secret-token-abc");
        assertThat(call.toString()).doesNotContain("8981100000000000901").doesNotContain("secret-token-abc");
        TmfHttp.Call token = TmfHttp.Call.token("/oauth2/token", "grant_type=client_credentials",
                java.util.Optional.of("Basic a2lvc2s6czNjcjN0"));
        assertThat(token.toString()).doesNotContain("a2lvc2s6czNjcjN0");
        assertThat(new String(token.body().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("grant_type=client_credentials");
    }

    @Test
    void aTopUpOrderNeverShowsItsPaymentCode() {
        TopUpOrder order = new TopUpOrder("order-7", "po-topup-1gb-30d", 1100, "731906284515", Instant.EPOCH);
        assertThat(order.toString()).contains("order-7").doesNotContain("731906284515");
        TmfDocuments.Topup answer = new TmfDocuments.Topup("tpb-1", "completed", null, null,
                new TmfDocuments.PayAtRegister("731906284515", new TmfDocuments.Money("JPY", java.math.BigDecimal.TEN), null));
        assertThat(answer.toString()).contains("tpb-1").doesNotContain("731906284515");
    }

    @Test
    void aBalanceNeverShowsTheAmounts() {
        Balance balance = new Balance(31415, 2_718_281_828L, 16180, 42, Optional.empty(), List.of());
        assertThat(balance.toString()).doesNotContain("31415").doesNotContain("2718281828").doesNotContain("16180");
    }
}
