package com.simkiosk.kiosk.i18n;

import com.simkiosk.kiosk.flow.Language;

/**
 * How each language looks: the name on its own button, written in itself, and the Noto CJK face that draws it
 * (JavaFX does not fall back to CJK fonts by itself: without a named face, Japanese shows as empty boxes).
 */
public final class LanguageLook {
    private LanguageLook() {}

    public static String nativeName(Language language) {
        return switch (language) {
            case JA -> "日本語";
            case EN -> "English";
            case ZH_HANS -> "简体中文";
            case ZH_HANT -> "繁體中文";
            case KO -> "한국어";
        };
    }

    public static String fontFamily(Language language) {
        return switch (language) {
            case JA, EN -> "Noto Sans CJK JP";
            case ZH_HANS -> "Noto Sans CJK SC";
            case ZH_HANT -> "Noto Sans CJK TC";
            case KO -> "Noto Sans CJK KR";
        };
    }

    /** CSS style class put on the scene root (and on each language button); the stylesheet picks the font. */
    public static String styleClass(Language language) {
        return "lang-" + language.tag().toLowerCase(java.util.Locale.ROOT);
    }

    /** The bundle file suffix: zh-Hans is {@code zh_CN}, zh-Hant is {@code zh_TW}. */
    public static String bundleSuffix(Language language) {
        return switch (language) {
            case ZH_HANS -> "zh_CN";
            case ZH_HANT -> "zh_TW";
            default -> language.tag();
        };
    }
}
