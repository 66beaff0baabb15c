package com.simkiosk.kiosk.i18n;

import java.util.Locale;

/**
 * The five languages of the kiosk, each with the name shown on its own button and the Noto CJK face that draws it
 * (JavaFX does not fall back to CJK fonts by itself, so every language names its font).
 */
public enum Language {
    JA("ja", Locale.JAPANESE, "日本語", "Noto Sans CJK JP"),
    EN("en", Locale.ENGLISH, "English", "Noto Sans CJK JP"),
    ZH_HANS("zh-Hans", Locale.SIMPLIFIED_CHINESE, "简体中文", "Noto Sans CJK SC"),
    ZH_HANT("zh-Hant", Locale.TRADITIONAL_CHINESE, "繁體中文", "Noto Sans CJK TC"),
    KO("ko", Locale.KOREAN, "한국어", "Noto Sans CJK KR");

    private final String tag;
    private final Locale locale;
    private final String nativeName;
    private final String fontFamily;

    Language(String tag, Locale locale, String nativeName, String fontFamily) {
        this.tag = tag;
        this.locale = locale;
        this.nativeName = nativeName;
        this.fontFamily = fontFamily;
    }

    /** BCP 47 tag as used in configuration and file names ({@code zh-Hans}). */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public String nativeName() {
        return nativeName;
    }

    public String fontFamily() {
        return fontFamily;
    }

    /** CSS style class put on the scene root; the stylesheet picks the font from it. */
    public String styleClass() {
        return "lang-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts {@code ja}, {@code zh-Hans}, {@code ZH_HANT}, {@code zh_CN}, {@code zh-TW}… */
    public static Language parse(String text) {
        String t = text.trim().replace('_', '-');
        for (Language l : values()) {
            if (l.tag.equalsIgnoreCase(t) || l.name().replace('_', '-').equalsIgnoreCase(t)
                    || l.locale.toLanguageTag().equalsIgnoreCase(t)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown language " + text + " (use ja, en, zh-Hans, zh-Hant or ko)");
    }
}
