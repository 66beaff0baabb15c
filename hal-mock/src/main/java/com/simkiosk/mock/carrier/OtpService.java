package com.simkiosk.mock.carrier;

import com.simkiosk.privacy.Mask;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CAMARA One-Time-Password-SMS rules: codes live 10 minutes, 5 checks per code, 3 sends per number per 10
 * minutes, 30 s between sends. Unknown numbers go through exactly the same rules; they just never get an SMS. A
 * number the operator refuses SMS to (data file {@code smsBlocked} / {@code smsNotAllowed}) is told so.
 */
final class OtpService {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final int MAX_CHECKS = 5;
    static final int MAX_SENDS = 3;
    static final Duration SEND_WINDOW = Duration.ofMinutes(10);
    static final Duration COOLDOWN = Duration.ofSeconds(30);
    /** How long a validated number may be looked up (docs 3.2). */
    static final Duration VERIFIED_FOR = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(OtpService.class);

    sealed interface SendResult {
        record Sent(String authenticationId, Duration resendAfter) implements SendResult {}

        record Cooldown(long retryAfterSeconds) implements SendResult {}

        record TooManyCodes() implements SendResult {}

        /** The operator does not let this number receive codes ({@code code}: the CAMARA error code). */
        record Refused(String code) implements SendResult {}
    }

    enum Check { VALID, INVALID_OTP, VERIFICATION_FAILED, VERIFICATION_EXPIRED, UNKNOWN_ID }

    private static final class Challenge {
        final String phone;
        final Optional<String> code;
        final Instant expiresAt;
        int wrongChecks;
        boolean used;

        Challenge(String phone, Optional<String> code, Instant expiresAt) {
            this.phone = phone;
            this.code = code;
            this.expiresAt = expiresAt;
        }
    }

    private final Clock clock;
    private final CarrierData data;
    private final SmsOutbox outbox;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Challenge> challenges = new HashMap<>();
    private final Map<String, Deque<Instant>> sends = new HashMap<>();
    private final Map<String, Instant> verified = new HashMap<>();

    OtpService(Clock clock, CarrierData data, SmsOutbox outbox) {
        this.clock = clock;
        this.data = data;
        this.outbox = outbox;
    }

    synchronized SendResult send(String phone, String message) {
        Optional<String> refusal = data.lines.stream().filter(l -> l.msisdn().filter(phone::equals).isPresent())
                .findFirst().flatMap(CarrierData.Line::smsRefusal);
        if (refusal.isPresent()) {
            log.info("send-code to {}: refused by the operator ({})", Mask.msisdn(phone), refusal.get());
            return new SendResult.Refused(refusal.get());
        }
        Instant now = clock.instant();
        forgetOld(now);
        Deque<Instant> recent = sends.computeIfAbsent(phone, p -> new ArrayDeque<>());
        if (!recent.isEmpty() && recent.peekLast().plus(COOLDOWN).isAfter(now)) {
            long left = Duration.between(now, recent.peekLast().plus(COOLDOWN)).toMillis();
            return new SendResult.Cooldown(Math.max(1, (left + 999) / 1000));
        }
        if (recent.size() >= MAX_SENDS) {
            log.info("send-code to {}: refused, {} codes in {}", Mask.msisdn(phone), MAX_SENDS, SEND_WINDOW);
            return new SendResult.TooManyCodes();
        }
        recent.addLast(now);
        Optional<String> code = canReceiveCode(phone) ? Optional.of(sixDigits()) : Optional.empty();
        String id = UUID.randomUUID().toString();
        challenges.put(id, new Challenge(phone, code, now.plus(CODE_LIFETIME)));
        code.ifPresent(c -> outbox.deliver(new SmsOutbox.Sms(phone, message.replace("{{code}}", c), c, now)));
        // Whether an SMS went out is the one thing the answer must not tell; the log may, masked.
        log.info("send-code to {}: {}", Mask.msisdn(phone), code.isPresent() ? "SMS sent" : "no SMS-capable line");
        return new SendResult.Sent(id, COOLDOWN);
    }

    synchronized Check check(String authenticationId, String code) {
        Instant now = clock.instant();
        Challenge challenge = challenges.get(authenticationId);
        if (challenge == null) {
            return Check.UNKNOWN_ID;
        }
        if (challenge.used || !now.isBefore(challenge.expiresAt)) {
            return Check.VERIFICATION_EXPIRED;
        }
        if (challenge.wrongChecks >= MAX_CHECKS) {
            return Check.VERIFICATION_FAILED;
        }
        if (challenge.code.filter(c -> c.equals(code)).isPresent()) {
            challenge.used = true;
            verified.put(challenge.phone, now);
            log.info("validate-code for {}: verified", Mask.msisdn(challenge.phone));
            return Check.VALID;
        }
        challenge.wrongChecks++;
        log.info("validate-code for {}: wrong code {} ({} of {})", Mask.msisdn(challenge.phone), Mask.secret(code),
                challenge.wrongChecks, MAX_CHECKS);
        return challenge.wrongChecks >= MAX_CHECKS ? Check.VERIFICATION_FAILED : Check.INVALID_OTP;
    }

    /** True while the number passed a code check in the last {@link #VERIFIED_FOR}. */
    synchronized boolean isVerified(String phone) {
        Instant at = verified.get(phone);
        return at != null && at.plus(VERIFIED_FOR).isAfter(clock.instant());
    }

    private boolean canReceiveCode(String phone) {
        return data.lines.stream().anyMatch(l -> l.msisdn().filter(phone::equals).isPresent()
                && l.allows("SMS_CODE") && !l.status().equals("terminated"));
    }

    private String sixDigits() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    /** Keeps the maps bounded by time: nothing older than the longest rule survives a send. */
    private void forgetOld(Instant now) {
        challenges.values().removeIf(c -> !now.isBefore(c.expiresAt.plus(CODE_LIFETIME)));
        sends.values().forEach(q -> q.removeIf(t -> !t.plus(SEND_WINDOW).isAfter(now)));
        sends.values().removeIf(Deque::isEmpty);
        verified.values().removeIf(t -> !t.plus(VERIFIED_FOR).isAfter(now));
    }
}
