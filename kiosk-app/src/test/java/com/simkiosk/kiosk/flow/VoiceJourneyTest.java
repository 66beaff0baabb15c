package com.simkiosk.kiosk.flow;

import static com.simkiosk.kiosk.flow.FlowFixture.ICCID_DIGITS;
import static com.simkiosk.kiosk.flow.FlowFixture.NUMBER_TYPED;
import static com.simkiosk.kiosk.flow.FlowFixture.OFFER_1GB;
import static com.simkiosk.kiosk.flow.FlowFixture.OFFER_3GB;
import static com.simkiosk.kiosk.flow.FlowFixture.READER;
import static com.simkiosk.kiosk.flow.FlowFixture.line;
import static com.simkiosk.kiosk.flow.FlowFixture.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.Event.ConfirmTopUp;
import com.simkiosk.kiosk.flow.Event.Done;
import com.simkiosk.kiosk.flow.Event.OfferChosen;
import com.simkiosk.kiosk.flow.Event.PinSubmitted;
import com.simkiosk.kiosk.flow.Event.ShowTopUps;
import com.simkiosk.kiosk.voice.SilentLine;
import com.simkiosk.kiosk.voice.Speech;
import com.simkiosk.kiosk.voice.SpeechCache;
import com.simkiosk.kiosk.voice.SpeechEngine;
import com.simkiosk.kiosk.voice.Utterance;
import com.simkiosk.kiosk.voice.VoiceGuide;
import com.simkiosk.kiosk.voice.VoicePlayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer with voice on: SIM → PIN → balance → top-up → slip → SIM taken. What is said, in order, and what never
 * reaches the speech engine: the ICCID, the phone number, the PIN, the payment code.
 */
class VoiceJourneyTest {
    private final FlowFixture kiosk = new FlowFixture();
    private final List<String> toEngine = new CopyOnWriteArrayList<>();
    private final List<Utterance> said = new CopyOnWriteArrayList<>();
    private VoiceGuide voice;

    private void voiceOn(Path cacheDir, Language language) {
        SpeechEngine recording = new SpeechEngine() {
            @Override
            public Speech render(String text, Language l, Duration bound) {
                toEngine.add(text);
                return new Speech(8000, new byte[160]);
            }

            @Override
            public String id() {
                return "recording";
            }
        };
        voice = new VoiceGuide(recording, new SpeechCache(cacheDir, recording.id()),
                new VoicePlayer(SilentLine.provider(), p -> {}), Runnable::run);
        voice.onSay(said::add);
        kiosk.flow.addListener(voice::show);
        kiosk.fire(new Event.LanguageChosen(language));
        voice.setOn(true);
    }

    @AfterEach
    void close() {
        if (voice != null) {
            voice.close();
        }
    }

    /** Taps a keypad key as the screen does: the voice hears the touch, then the screen acts. */
    private void tapKey(char c) {
        voice.touched("key-" + c);
    }

    @Test
    void simPinBalanceTopUpSlipIsSpokenInOrderAndEndsSilent(@TempDir Path dir) throws Exception {
        kiosk.givenSimPinIsProof();
        kiosk.givenSimLine(new PinStatus(true, 3), line(LineStatus.ACTIVE, VerificationMethod.SIM_PIN));
        when(kiosk.reader.verifyPin(READER, "1234")).thenReturn(new PinResult.Verified());
        when(kiosk.carrier.topUpOffers(any())).thenReturn(List.of(OFFER_1GB, OFFER_3GB));
        when(kiosk.carrier.orderTopUp(any(), eq(OFFER_1GB), anyString())).thenReturn(order());
        voiceOn(dir, Language.EN);

        kiosk.insert();
        kiosk.settle();
        for (char c : "1234".toCharArray()) {
            tapKey(c);
        }
        kiosk.fire(new PinSubmitted("1234"));
        kiosk.settle();
        kiosk.fire(new ShowTopUps());
        kiosk.settle();
        kiosk.fire(new OfferChosen(OFFER_1GB.id()), new ConfirmTopUp());
        kiosk.settle();
        kiosk.fire(new Done());
        kiosk.remove();

        List<String> keys = said.stream().map(Utterance::key).toList();
        assertThat(keys).containsSubsequence(
                "voice.on", "attract",
                "reading", "enterPin",
                "key.digitEntered", "key.digitEntered", "key.digitEntered", "key.digitEntered",
                "balance.intro", "balance.situation.EXPIRES_SOON", "balance.data", "balance.expires", "balance.yen",
                "balance.next.topUp",
                "topUp.intro", "topUp.offer", "topUp.offer", "topUp.choose",
                "topUp.confirm",
                "slip", "slip.printed",
                "takeSim.withSlip");
        assertThat(said.stream().filter(u -> u.key().equals("balance.data")).findFirst().orElseThrow().text())
                .isEqualTo("Data left: 3 gigabytes.");
        assertThat(said.stream().filter(u -> u.key().equals("topUp.offer")).map(Utterance::text))
                .containsExactly("Choice 1: 1 gigabyte, for 550 yen, valid for 30 days.",
                        "Choice 2: 3 gigabytes, for 1200 yen, valid for 30 days.");
        assertThat(keys.subList(keys.size() - 2, keys.size())).as("the session's end said, then nothing")
                .containsExactly("takeSim.withSlip", "session.end");
        assertThat(voice.on()).as("voice is off for the next customer").isFalse();
        assertThat(toEngine).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain(ICCID_DIGITS).doesNotContain(ICCID_DIGITS.substring(0, 10))
                .doesNotContain("1234").doesNotContain("9012345678").doesNotContain(order().paymentCode())
                .doesNotContain(NUMBER_TYPED));
    }

    @Test
    void numberDigitsAreSaidOneByOneButTheNumberNeverWhole(@TempDir Path dir) throws Exception {
        kiosk.givenNumberLine();
        voiceOn(dir, Language.JA);
        kiosk.fire(new Event.StartNumberEntry());
        for (char c : NUMBER_TYPED.toCharArray()) {
            tapKey(c);
            kiosk.fire(new Event.KeypadDigit(c - '0'));
        }
        kiosk.fire(new Event.KeypadSubmit());
        kiosk.settle();
        for (char c : "123456".toCharArray()) {
            tapKey(c);
        }

        List<String> keys = said.stream().map(Utterance::key).toList();
        assertThat(keys).containsSubsequence("enterNumber", "digit.0", "digit.9", "digit.0", "digit.1",
                "enterNumber.complete", "enterCode", "enterCode.attemptsLeft",
                "key.digitEntered", "key.digitEntered", "key.digitEntered", "key.digitEntered", "key.digitEntered",
                "key.digitEntered");
        assertThat(said.stream().filter(u -> u.key().equals("enterCode")).findFirst().orElseThrow().text())
                .as("the masked number: its last four digits only").contains("ご、ろく、なな、はち")
                .doesNotContain("きゅう、ぜろ、いち、に");
        assertThat(toEngine).allSatisfy(text -> assertThat(text.replaceAll("\\D", ""))
                .doesNotContain("9012345678").doesNotContain("123456"));
    }

    @Test
    void offUnlessTurnedOnAndSilentThen(@TempDir Path dir) throws Exception {
        voiceOn(dir, Language.EN);
        voice.setOn(false);
        said.clear();
        kiosk.fire(new Event.StartNumberEntry());
        tapKey('5');
        assertThat(said).isEmpty();
    }
}
