package com.simkiosk.mock.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsOutboxTest {

    private final SmsOutbox outbox = new SmsOutbox();

    private static SmsOutbox.Sms sms(String to, String code) {
        return new SmsOutbox.Sms(to, code + " is your code", code, Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    void aListenerSeesEveryMessageUntilItsSubscriptionCloses() {
        List<SmsOutbox.Sms> shown = new ArrayList<>();
        SmsOutbox.Subscription subscription = outbox.addListener(shown::add);
        outbox.deliver(sms("+819012340002", "123456"));
        subscription.close();
        outbox.deliver(sms("+819012340002", "654321"));
        assertThat(shown).extracting(SmsOutbox.Sms::code).containsExactly("123456");
        assertThat(outbox.latestTo("+819012340002")).map(SmsOutbox.Sms::code).contains("654321");
    }

    @Test
    void aFailingListenerDoesNotStopDelivery() {
        outbox.addListener(m -> {
            throw new IllegalStateException("demo screen gone");
        });
        outbox.deliver(sms("+817012340004", "111222"));
        assertThat(outbox.countTo("+817012340004")).isEqualTo(1);
    }

    @Test
    void keepsOnlyTheNewestMessages() {
        for (int i = 0; i < SmsOutbox.CAPACITY + 5; i++) {
            outbox.deliver(sms("+818012340005", String.format("%06d", i)));
        }
        assertThat(outbox.messages()).hasSize(SmsOutbox.CAPACITY);
        assertThat(outbox.messages().get(0).code()).isEqualTo("000005");
        outbox.clear();
        assertThat(outbox.messages()).isEmpty();
    }
}
