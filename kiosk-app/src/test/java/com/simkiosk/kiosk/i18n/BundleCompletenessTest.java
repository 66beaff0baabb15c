package com.simkiosk.kiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.ErrorKind;
import com.simkiosk.kiosk.flow.State;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every language has every text, none empty, each a valid pattern with the same placeholders as English. */
class BundleCompletenessTest {
    static Properties load(Language language) throws IOException {
        String suffix = LanguageLook.bundleSuffix(language);
        String path = "/com/simkiosk/kiosk/i18n/messages_" + suffix + ".properties";
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream(path)) {
            assertThat(in).as("bundle file %s", path).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyEnglishKeyIsTranslatedAndNoneIsExtra(Language language) throws IOException {
        Set<String> english = new TreeSet<>(load(Language.EN).stringPropertyNames());
        Set<String> other = new TreeSet<>(load(language).stringPropertyNames());
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(other);
        Set<String> extra = new TreeSet<>(other);
        extra.removeAll(english);
        assertThat(missing).as("keys missing in %s", language).isEmpty();
        assertThat(extra).as("keys only in %s", language).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void noTextIsEmpty(Language language) throws IOException {
        Properties p = load(language);
        assertThat(p.stringPropertyNames()).allSatisfy(k -> assertThat(p.getProperty(k)).as(k).isNotBlank());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void placeholdersMatchEnglishAndPatternsParse(Language language) throws IOException {
        Properties en = load(Language.EN);
        Properties p = load(language);
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            assertThat(value).as("%s in %s has an ASCII apostrophe (MessageFormat eats it)", key, language)
                    .doesNotContain("'");
            assertThat(Placeholders.of(value)).as("placeholders of %s in %s", key, language)
                    .isEqualTo(Placeholders.of(en.getProperty(key, "")));
            new MessageFormat(value, language.locale()); // throws on a broken pattern
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void nonEnglishTextsAreActuallyTranslated(Language language) throws IOException {
        if (language == Language.EN) {
            return;
        }
        Properties en = load(Language.EN);
        Properties p = load(language);
        // Titles and bodies must differ from English; short codes like "OK", "ABC", "DEMO" may not.
        long untranslated = p.stringPropertyNames().stream()
                .filter(k -> k.endsWith(".title") || k.endsWith(".body"))
                .filter(k -> p.getProperty(k).equals(en.getProperty(k)))
                .count();
        assertThat(untranslated).as("titles/bodies left in English in %s", language).isZero();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void messagesLoadThroughTheResourceBundleForEachLanguage(Language language) {
        Messages m = Messages.of(language);
        assertThat(m.get("app.title")).isNotEqualTo("app.title");
        assertThat(m.get("sms.attemptsLeft", 2)).contains("2");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKeyTheFlowNamesIsTranslated(Language language) throws IOException {
        Properties p = load(language);
        Set<String> keys = new TreeSet<>();
        for (ErrorKind kind : ErrorKind.values()) {
            keys.add(kind.key() + ".title");
            keys.add(kind.key() + ".body");
        }
        for (State.PrintStatus s : State.PrintStatus.values()) {
            keys.add(s.key().startsWith("error.") ? s.key() + ".title" : s.key());
        }
        for (VerificationMethod m : VerificationMethod.values()) {
            keys.add("verify.method." + m.name());
        }
        keys.add(new State.PinRefused(1, List.of()).reasonKey());
        keys.add(new State.PinRefused(0, List.of()).reasonKey());
        for (State s : FlowSamples.oneOfEachState()) {
            keys.add(s.key());
        }
        assertThat(keys).allSatisfy(k -> assertThat(p.getProperty(k)).as("%s in %s", k, language).isNotBlank());
    }

    /** Words each language's style guide (docs/language-style.md) rules out, with the reason shown on failure. */
    private static final Map<Language, Map<String, String>> FORBIDDEN = Map.of(
            Language.EN, Map.of(
                    "(?i)\\b(your|this|the) line\\b", "carrier jargon: say \"your SIM\" or \"your number\"",
                    "\\{0} s\\b", "write seconds out (\"30 seconds\")"),
            Language.JA, Map.of(
                    "お支払い票|払込票", "the slip is 申込券, as on store terminals"),
            Language.ZH_HANS, Map.of(
                    "线路", "the customer's number is 号码",
                    "付款单", "the slip is 缴费单"),
            Language.ZH_HANT, Map.of(
                    "線路", "the customer's number is 門號"),
            Language.KO, Map.of(
                    "\\((으|을|를|이|가|은|는|와|과)\\)", "choose the particle in code (KoreanParticles), never 「(으)로」",
                    "결제표", "the slip is 신청권",
                    "사용 기한|만료일", "the SIM's expiry is 유효기간 (GLOSSARY); 결제 기한 is the slip's pay-by time"));

    @ParameterizedTest
    @EnumSource(Language.class)
    void noForbiddenWords(Language language) throws IOException {
        Properties p = load(language);
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("maint.")) {
                continue; // the technician's screen may name the hardware as it is
            }
            for (Map.Entry<String, String> rule : FORBIDDEN.get(language).entrySet()) {
                assertThat(Pattern.compile(rule.getKey()).matcher(p.getProperty(key)).find())
                        .as("%s in %s: \"%s\" — %s", key, language, p.getProperty(key), rule.getValue())
                        .isFalse();
            }
        }
    }

    /** Japanese titles are a noun phrase or polite (です/ます/ください), never a plain verb form or a bare 〜を入力. */
    @org.junit.jupiter.api.Test
    void japaneseTitlesShareOnePolitenessLevel() throws IOException {
        Properties ja = load(Language.JA);
        Pattern plain = Pattern.compile("(する|した|できる|できない|ない|だ|である|る|を入力|を選択|を確認)$");
        for (String key : ja.stringPropertyNames()) {
            boolean title = (key.startsWith("screen.") && key.indexOf('.', "screen.".length()) < 0) || key.endsWith(".title");
            if (!title || key.startsWith("maint.") || key.startsWith("demo.")) {
                continue;
            }
            String text = ja.getProperty(key).replaceAll("[…？?！!。]+$", "");
            assertThat(plain.matcher(text).find() && !text.matches(".*(ます|です|ません|ました|でした|ください)$"))
                    .as("%s = %s: a title is a noun phrase or polite (〜してください, 〜できません)", key, ja.getProperty(key))
                    .isFalse();
        }
    }

    /** Two sentences in one text are separated by their full stop: "right Please", 「です お」 are glued. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void noTwoSentencesGlued(Language language) throws IOException {
        Properties p = load(language);
        Pattern glued = switch (language) {
            case EN -> Pattern.compile("[a-z0-9] +(Please|You|We|The|This|It|If|Nothing|For|Thank|Sorry|Its|Only|Try)\\b");
            case KO -> Pattern.compile("(니다|세요|어요|해요) +[가-힣]");
            default -> Pattern.compile("(です|ます|ません|ました|ください|。) +\\S|[。！？] ");
        };
        for (String key : p.stringPropertyNames()) {
            assertThat(glued.matcher(p.getProperty(key)).find()).as("%s in %s: %s", key, language, p.getProperty(key)).isFalse();
        }
        Messages m = Messages.of(language);
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".title") && p.containsKey(key.replace(".title", ".body"))) {
                String base = key.substring(0, key.length() - ".title".length());
                String notice = m.notice(base);
                String title = m.get(key);
                String joint = notice.substring(title.length() - 1, title.length() + 1);
                assertThat(joint).as("notice %s in %s: %s", base, language, notice).containsPattern("[.。?？!！]");
            }
        }
    }
}
