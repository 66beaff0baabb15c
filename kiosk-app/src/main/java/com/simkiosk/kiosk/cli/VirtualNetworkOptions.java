package com.simkiosk.kiosk.cli;

import com.simkiosk.mock.serial.SimulatedNetwork;
import com.simkiosk.mock.serial.SimulatedNetwork.Registration;
import com.simkiosk.mock.serial.SimulatedNetwork.SmsFault;
import com.simkiosk.mock.serial.SimulatedNetwork.SmsReply;
import com.simkiosk.mock.serial.SimulatedNetwork.UssdReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The cellular network behind {@code ./kiosk virtual-modem}, so that {@code ./kiosk network-balance} can be tried
 * by hand (docs/network-balance.md). Texts take {@code \n} for a line break. Without any {@code --ussd},
 * {@code --ussd-menu} or {@code --sms-reply}, a demonstration network answers {@code *100#} and the SMS keywords
 * 残高 and BALANCE.
 */
final class VirtualNetworkOptions {
    static final String DEMO_USSD = "残高は1,234円です。データ残量は2.5GBです。有効期限は2026年12月31日です。";
    static final String DEMO_SMS_JA = "【残高のお知らせ】チャージ残高は1,234円、データ残量は2.5GBです。有効期限は2026年12月31日です。"
            + "ご利用ありがとうございます。";
    static final String DEMO_SMS_EN = "Your balance is 1,234 yen and 2.5 GB of data remaining. Valid until 31 Dec 2026. "
            + "Thank you for using our service. Reply HELP for more options {menu} or call 151 from your phone.";

    enum Kind { HOME, ROAMING, DENIED, NO_COVERAGE, SEARCHING }

    enum SmsModes { BOTH, PDU, TEXT }

    enum Fault { NONE, TRUNCATED_PDU, TEXT_IN_PDU_MODE }

    @Option(names = "--registration", paramLabel = "home|roaming|denied|no_coverage|searching", defaultValue = "home",
            description = "How the network takes the SIM (default: ${DEFAULT-VALUE}).")
    Kind registration;

    @Option(names = "--operator", paramLabel = "NAME", defaultValue = "NTT DOCOMO", description = "The operator's name (default: ${DEFAULT-VALUE}).")
    String operator;

    @Option(names = "--registration-delay", paramLabel = "MS", defaultValue = "0",
            description = "How long the module searches after the radio comes on.")
    long registrationDelayMillis;

    @Option(names = "--reply-delay", paramLabel = "MS", defaultValue = "0",
            description = "How long USSD results and SMS replies take to come back.")
    long replyDelayMillis;

    @Option(names = "--ussd", paramLabel = "CODE=TEXT", description = "A USSD code and the network's answer (repeatable).")
    Map<String, String> ussd = new LinkedHashMap<>();

    @Option(names = "--ussd-menu", paramLabel = "CODE=MENU", description = "A USSD code that answers with a menu (repeatable).")
    Map<String, String> ussdMenu = new LinkedHashMap<>();

    @Option(names = "--ussd-choice", paramLabel = "CODE/REPLY=TEXT",
            description = "What the menu of CODE answers to the customer's REPLY, e.g. *123#/1=Balance 500 yen (repeatable).")
    Map<String, String> ussdChoice = new LinkedHashMap<>();

    @Option(names = "--ussd-silent", paramLabel = "CODE", description = "A USSD code the network never answers (repeatable).")
    List<String> ussdSilent = new ArrayList<>();

    @Option(names = "--sms-reply", paramLabel = "KEYWORD=TEXT", description = "The carrier's SMS reply to a keyword (repeatable).")
    Map<String, String> smsReply = new LinkedHashMap<>();

    @Option(names = "--sms-parts", paramLabel = "N", defaultValue = "1",
            description = "Send each SMS reply in N concatenated parts (more when a part would not fit; default: ${DEFAULT-VALUE}).")
    int smsParts;

    @Option(names = "--sms-wide-reference", description = "Concatenated parts carry a 16-bit reference (IEI 08) instead of the 8-bit one.")
    boolean smsWideReference;

    @Option(names = "--sms-direct", description = "Replies routed straight to the terminal (+CMT), not stored on the SIM.")
    boolean smsDirect;

    @Option(names = "--sms-modes", paramLabel = "both|pdu|text", defaultValue = "both",
            description = "Which SMS modes the module offers (AT+CMGF; default: ${DEFAULT-VALUE}).")
    SmsModes smsModes;

    @Option(names = "--sms-fault", paramLabel = "none|truncated_pdu|text_in_pdu_mode", defaultValue = "none",
            description = "Spoil replies in PDU mode: cut the PDU short, or print text instead (default: ${DEFAULT-VALUE}).")
    Fault smsFault;

    /** The network these options describe. */
    SimulatedNetwork network() {
        SimulatedNetwork n = new SimulatedNetwork()
                .registration(Registration.valueOf(registration.name()), operator)
                .registrationDelay(Duration.ofMillis(Math.max(0, registrationDelayMillis)))
                .replyDelay(Duration.ofMillis(Math.max(0, replyDelayMillis)))
                .directDelivery(smsDirect)
                .textModeRefused(smsModes == SmsModes.PDU)
                .pduModeRefused(smsModes == SmsModes.TEXT);
        boolean demo = ussd.isEmpty() && ussdMenu.isEmpty() && smsReply.isEmpty() && ussdSilent.isEmpty();
        if (demo) {
            n.ussd("*100#", UssdReply.answer(DEMO_USSD));
            n.smsReply("残高", sms(DEMO_SMS_JA));
            n.smsReply("BALANCE", sms(DEMO_SMS_EN));
            return n;
        }
        ussd.forEach((code, text) -> n.ussd(code, UssdReply.answer(lines(text))));
        ussdMenu.forEach((code, text) -> {
            Map<String, UssdReply> next = new LinkedHashMap<>();
            ussdChoice.forEach((key, answer) -> {
                int slash = key.lastIndexOf('/');
                if (slash > 0 && key.substring(0, slash).equals(code)) {
                    next.put(key.substring(slash + 1), UssdReply.answer(lines(answer)));
                }
            });
            n.ussd(code, UssdReply.menu(lines(text), next));
        });
        ussdSilent.forEach(code -> n.ussd(code, UssdReply.silence()));
        smsReply.forEach((keyword, text) -> n.smsReply(keyword, sms(lines(text))));
        return n;
    }

    /** One line for the start-up message: what the network answers (codes and keywords are test data here). */
    String summary() {
        boolean demo = ussd.isEmpty() && ussdMenu.isEmpty() && smsReply.isEmpty() && ussdSilent.isEmpty();
        String answers = demo ? "demo answers: USSD *100#, SMS 残高 / BALANCE"
                : "USSD " + String.join(" ", union(ussd.keySet(), ussdMenu.keySet(), ussdSilent)) + ", SMS "
                        + String.join(" / ", smsReply.keySet());
        return registration.name().toLowerCase(Locale.ROOT) + " on " + operator + "; " + answers + "; SMS modes "
                + smsModes.name().toLowerCase(Locale.ROOT) + (smsParts > 1 ? ", replies in " + smsParts + " parts" : "");
    }

    private SmsReply sms(String text) {
        SmsReply r = new SmsReply(text, Math.max(1, smsParts)).with(SmsFault.valueOf(smsFault.name()));
        return smsWideReference ? r.withWideReference() : r;
    }

    private static String lines(String text) {
        return text.replace("\\n", "\n");
    }

    @SafeVarargs
    private static List<String> union(java.util.Collection<String>... sets) {
        List<String> all = new ArrayList<>();
        for (java.util.Collection<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}
