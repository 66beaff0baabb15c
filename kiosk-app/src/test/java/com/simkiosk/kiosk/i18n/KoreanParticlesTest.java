package com.simkiosk.kiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KoreanParticlesTest {

    @ParameterizedTest(name = "{0} + {1} → {2}")
    @CsvSource({
            // Hangul: no batchim, ㄹ batchim, other batchim
            "번호, 으로, 번호로",
            "번호, 을, 번호를",
            "번호, 이, 번호가",
            "휴대폰, 으로, 휴대폰으로",
            "휴대폰, 를, 휴대폰을",
            "휴대폰, 는, 휴대폰은",
            "문자, 와, 문자와",
            "서울, 으로, 서울로",
            "서울, 를, 서울을",
            "카드, 이에요, 카드예요",
            "잔액, 예요, 잔액이에요",
            // masked phone numbers, read digit by digit: 사 (vowel), 팔 (ㄹ), 삼 (ㅁ), 공 (ㅇ)
            "090-****-1234, 으로, 090-****-1234로",
            "090-****-5678, 으로, 090-****-5678로",
            "090-****-5678, 을, 090-****-5678을",
            "090-****-1233, 으로, 090-****-1233으로",
            "090-****-5670, 로, 090-****-5670으로",
            "090-****-1232, 을, 090-****-1232를",
            // amounts by place value: 십 (ㅂ), 백 (ㄱ), 천 (ㄴ), 만 (ㄴ), 조 (vowel), 일 (ㄹ), 육 (ㄱ)
            "10, 로, 10으로",
            "20, 가, 20이",
            "1000, 는, 1000은",
            "'1,000', 를, '1,000을'",
            "10000, 로, 10000으로",
            "1000000000000, 를, 1000000000000를",
            "1, 로, 1로",
            "6, 로, 6으로",
            "0, 를, 0을",
            // Latin letters by their Korean names; trailing stars and brackets are skipped
            "SIM, 으로, SIM으로",
            "PIN, 이, PIN이",
            "2 GB, 가, 2 GB가",
            "URL, 로, URL로",
            "****, 로, ****으로",
    })
    void choosesTheFormFromHowTheWordEnds(String word, String particle, String expected) {
        assertThat(KoreanParticles.attach(word, particle)).isEqualTo(expected);
    }

    @Test
    void unknownParticlesAreLeftAlone() {
        assertThat(KoreanParticles.attach("번호", "에서")).isEqualTo("번호에서");
    }

    @Test
    void theBundleWritesOneFormAndMessagesPicksTheRightOne() {
        Messages ko = Messages.of(Language.KO);
        assertThat(ko.get("sms.sentTo", "090-****-5678")).startsWith("090-****-5678로 ").doesNotContain("(으)");
        assertThat(ko.get("sms.sentTo", "090-****-1233")).startsWith("090-****-1233으로 ");
    }
}
