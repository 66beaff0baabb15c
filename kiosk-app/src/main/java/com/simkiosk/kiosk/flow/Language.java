package com.simkiosk.kiosk.flow;

import java.util.Locale;
import java.util.Optional;

/** The five kiosk languages, in the order of the attract screen's buttons. */
public enum Language {
    JA("ja"),
    EN("en"),
    ZH_HANS("zh-Hans"),
    ZH_HANT("zh-Hant"),
    KO("ko");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** BCP 47 tag, as written in the configuration file: {@code ja}, {@code zh-Hans} … */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public static Optional<Language> fromTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
