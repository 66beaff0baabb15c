package com.simkiosk.kiosk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.i18n.Placeholders;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every speech script in every language, none left over, placeholders as in English, and written for the
 * synthesizer: no kanji in Japanese (espeak-ng says "Chinese letter"), nothing but pinyin in Chinese.
 */
class SpeechScriptsCompletenessTest {
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageHasExactlyTheEnglishScripts(Language language) {
        Set<String> english = new TreeSet<>(SpeechScripts.load(Language.EN).stringPropertyNames());
        Set<String> other = new TreeSet<>(SpeechScripts.load(language).stringPropertyNames());
        assertThat(other).as("scripts of %s", language).isEqualTo(english);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyPromptOfEveryScreenHasAScriptAndEveryScriptIsSaidSomewhere(Language language) {
        SpeechScripts scripts = SpeechScripts.of(language);
        Set<String> said = VoiceSamples.prompts(scripts).stream().map(p -> p.utterance().key())
                .filter(k -> !k.startsWith("digit.")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unsaid = new TreeSet<>(scripts.keys());
        unsaid.removeAll(said);
        said.removeAll(scripts.keys());
        assertThat(said).as("prompts without a script in %s", language).isEmpty();
        assertThat(unsaid).as("scripts never said in %s", language).isEmpty();
        assertThat(VoiceSamples.prompts(scripts)).allSatisfy(p -> assertThat(p.utterance().text())
                .as(p.utterance().key()).isNotBlank().doesNotContain("{"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void placeholdersMatchEnglishAndPatternsParse(Language language) {
        Properties en = SpeechScripts.load(Language.EN);
        Properties p = SpeechScripts.load(language);
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            assertThat(value).as("%s in %s", key, language).isNotBlank().doesNotContain("'");
            assertThat(Placeholders.of(value)).as("placeholders of %s in %s", key, language)
                    .isEqualTo(Placeholders.of(en.getProperty(key)));
            new MessageFormat(value, language.locale());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JA"})
    void japaneseIsWrittenInKanaNotKanji(Language language) {
        for (VoiceSamples.Prompt p : VoiceSamples.prompts(SpeechScripts.of(language))) {
            assertThat(p.utterance().text()).as(p.utterance().key()).doesNotContainPattern("\\p{IsHan}");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"ZH_HANS", "ZH_HANT"})
    void chineseIsPinyinWithToneDigits(Language language) {
        Pattern syllable = Pattern.compile("[a-zü]+[1-5]|de|le|men|ma");
        for (VoiceSamples.Prompt p : VoiceSamples.prompts(SpeechScripts.of(language))) {
            String text = p.utterance().text();
            assertThat(text).as(p.utterance().key()).doesNotContainPattern("\\p{IsHan}");
            for (String word : text.split("[\\s,.?!]+")) {
                if (!word.isEmpty()) {
                    assertThat(syllable.matcher(word).matches()).as("%s: %s in %s", p.utterance().key(), word, text).isTrue();
                }
            }
        }
    }

}
