package com.simkiosk.card.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AtEngineTest {
    private static final Duration SHORT = Duration.ofMillis(500);
    private final List<String> urcs = new CopyOnWriteArrayList<>();

    @Test
    void collectsInformationLinesUntilOk() throws Exception {
        FakeModemLink link = new FakeModemLink(cmd -> "\r\n+CCID: 8981100000000000019\r\n\r\nOK\r\n");
        AtResponse answer = new AtEngine(link, urcs::add).send("AT+CCID", SHORT);
        assertThat(answer).isInstanceOf(AtResponse.Ok.class);
        assertThat(answer.lines()).containsExactly("+CCID: 8981100000000000019");
        assertThat(answer.value("+CCID:")).contains("8981100000000000019");
        assertThat(link.commands).containsExactly("AT+CCID");
    }

    @Test
    void dropsTheEchoOfTheCommand() throws Exception {
        FakeModemLink link = new FakeModemLink(cmd -> cmd + "\r\r\n+QCCID: 8981100000000000019\r\n\r\nOK\r\n");
        AtResponse answer = new AtEngine(link, urcs::add).send("AT+QCCID", SHORT);
        assertThat(answer.lines()).containsExactly("+QCCID: 8981100000000000019");
    }

    @Test
    void handsUnsolicitedCodesToTheListenerNotToTheAnswer() throws Exception {
        FakeModemLink link = new FakeModemLink(cmd ->
                "\r\nRING\r\n\r\n+CREG: 1,\"1A2B\",\"0C3D\"\r\n+CCID: 8981100000000000019\r\n+CPIN: NOT INSERTED\r\n\r\nOK\r\n");
        AtResponse answer = new AtEngine(link, urcs::add).send("AT+CCID", SHORT);
        assertThat(answer.lines()).containsExactly("+CCID: 8981100000000000019");
        assertThat(urcs).containsExactly("RING", "+CREG: 1,\"1A2B\",\"0C3D\"", "+CPIN: NOT INSERTED");
    }

    @Test
    void anSmsDeliveredWhileACommandRunsGoesToTheListenerWithItsPduLine() throws Exception {
        String pdu = "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37";
        FakeModemLink link = new FakeModemLink(cmd -> "\r\n+CMT: ,33\r\n" + pdu + "\r\n+CMGL: 1,0,,33\r\n" + pdu + "\r\n\r\nOK\r\n");
        AtResponse answer = new AtEngine(link, urcs::add).send("AT+CMGL=0", SHORT);
        assertThat(answer.lines()).containsExactly("+CMGL: 1,0,,33", pdu); // the listed message's PDU stays in the answer
        assertThat(urcs).containsExactly("+CMT: ,33", pdu);
    }

    @Test
    void anSmsWhoseHeaderCameWhileListeningKeepsItsPduLineOutOfTheNextCommandsAnswer() throws Exception {
        String pdu = "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37";
        // the link split the URC: its header was read while waiting, its message only arrives with the next answer
        FakeModemLink link = new FakeModemLink(cmd -> pdu + "\r\n\r\nOK\r\n");
        AtEngine engine = new AtEngine(link, urcs::add);
        link.inject("\r\n+CMT: ,33\r\n");
        engine.listen(SHORT);
        AtResponse answer = engine.send("AT+CMGL=0", SHORT);
        assertThat(answer.lines()).isEmpty();
        assertThat(urcs).containsExactly("+CMT: ,33", pdu);
    }

    @Test
    void keepsTheAnswerToItsOwnCommandEvenWhenItLooksUnsolicited() throws Exception {
        FakeModemLink link = new FakeModemLink(cmd -> "\r\n+CPIN: READY\r\n\r\nOK\r\n");
        AtResponse answer = new AtEngine(link, urcs::add).send("AT+CPIN?", SHORT);
        assertThat(answer.value("+CPIN:")).contains("READY");
        assertThat(urcs).isEmpty();
    }

    @Test
    void parsesErrorAndNumericAndVerboseCmeErrors() throws Exception {
        AtEngine plain = new AtEngine(new FakeModemLink(cmd -> "\r\nERROR\r\n"), urcs::add);
        assertThat(plain.send("AT+QCCID", SHORT)).isInstanceOf(AtResponse.Error.class);

        AtEngine numeric = new AtEngine(new FakeModemLink(cmd -> "\r\n+CME ERROR: 10\r\n"), urcs::add);
        AtResponse.CmeError cme = (AtResponse.CmeError) numeric.send("AT+CCID", SHORT);
        assertThat(cme.code()).isEqualTo(10);
        assertThat(cme.simNotInserted()).isTrue();

        AtEngine verbose = new AtEngine(new FakeModemLink(cmd -> "\r\n+CME ERROR: SIM not inserted\r\n"), urcs::add);
        AtResponse.CmeError text = (AtResponse.CmeError) verbose.send("AT+CCID", SHORT);
        assertThat(text.code()).isEqualTo(-1);
        assertThat(text.simNotInserted()).isTrue();
    }

    @Test
    void survivesGarbageBytesAroundTheAnswer() throws Exception {
        FakeModemLink noisy = new FakeModemLink(cmd ->
                "\u00ff\u0000\r\n\u0080+CCID: 8981100000000000019\u0007\r\n\u00fe\r\nOK\r\n\u00ff");
        noisy.inject(new byte[] {(byte) 0xFF, 0x00, (byte) 0xFE, 0x13, '\r', '\n'});
        AtResponse answer = new AtEngine(noisy, urcs::add).send("AT+CCID", SHORT);
        assertThat(answer).isInstanceOf(AtResponse.Ok.class);
        assertThat(answer.lines()).containsExactly("+CCID: 8981100000000000019");
    }

    @Test
    void timesOutWhenTheModemNeverFinishes() {
        FakeModemLink link = new FakeModemLink(cmd -> "\r\n+CCID: 8981100000000000019\r\n");
        AtEngine engine = new AtEngine(link, urcs::add);
        assertThatThrownBy(() -> engine.send("AT+CCID", Duration.ofMillis(100)))
                .isInstanceOf(AtException.class)
                .satisfies(e -> assertThat(((AtException) e).kind()).isEqualTo(AtException.Kind.TIMEOUT));
    }

    @Test
    void reportsAVanishedPortAsPortLost() {
        FakeModemLink link = new FakeModemLink(cmd -> "\r\nOK\r\n");
        link.vanish();
        AtEngine engine = new AtEngine(link, urcs::add);
        assertThatThrownBy(() -> engine.send("AT", SHORT))
                .satisfies(e -> assertThat(((AtException) e).kind()).isEqualTo(AtException.Kind.PORT_LOST));
    }

    @Test
    void staleLinesBeforeTheCommandGoToTheListener() throws Exception {
        FakeModemLink link = new FakeModemLink(cmd -> "\r\nOK\r\n");
        link.inject("\r\n+CPIN: NOT INSERTED\r\n");
        AtResponse answer = new AtEngine(link, urcs::add).send("AT+CPIN?", SHORT);
        assertThat(answer.lines()).isEmpty();
        assertThat(urcs).containsExactly("+CPIN: NOT INSERTED");
    }

    @Test
    void namesCommandsWithoutTheirArguments() {
        assertThat(AtEngine.commandName("AT+CPIN=\"1234\"")).isEqualTo("+CPIN");
        assertThat(AtEngine.responsePrefix("AT^ICCID?")).isEqualTo("^ICCID:");
        assertThat(AtEngine.responsePrefix("ATE0")).isEmpty();
    }

    @Test
    void assemblesLinesThatArriveOneByteAtATime() throws Exception {
        FakeModemLink link = new FakeModemLink(cmd -> cmd + "\r\r\nRING\r\n+CCID: 8981100000000000019\r\n\r\nOK\r\n").trickle(1);
        AtResponse answer = new AtEngine(link, urcs::add).send("AT+CCID", SHORT);
        assertThat(answer).isInstanceOf(AtResponse.Ok.class);
        assertThat(answer.lines()).containsExactly("+CCID: 8981100000000000019");
        assertThat(urcs).containsExactly("RING");
    }

    @Test
    void aModemThatNeverEndsItsLineTimesOut() {
        FakeModemLink link = new FakeModemLink(cmd -> "X".repeat(100_000));
        AtEngine engine = new AtEngine(link, urcs::add);
        assertThatThrownBy(() -> engine.send("AT+CCID", Duration.ofMillis(200)))
                .satisfies(e -> assertThat(((AtException) e).kind()).isEqualTo(AtException.Kind.TIMEOUT));
    }

    @Test
    void whatFollowsTheFinalResultCodeGoesToTheListener() throws Exception {
        FakeModemLink link = new FakeModemLink(cmd -> "\r\nOK\r\n\r\n+CREG: 1\r\n");
        assertThat(new AtEngine(link, urcs::add).send("AT", SHORT)).isInstanceOf(AtResponse.Ok.class);
        assertThat(urcs).containsExactly("+CREG: 1");
    }

    @Test
    void sendsTheSmsTextOnlyAfterThePromptAndReadsTheReference() throws Exception {
        FakeModemLink link = new FakeModemLink(cmd -> cmd.startsWith("AT+CMGS=") ? "\r\n> "
                : cmd.endsWith("\u001a") ? "\r\n+CMGS: 7\r\n\r\nOK\r\n" : "\r\nERROR\r\n");
        AtResponse answer = new AtEngine(link, urcs::add).sendWithPrompt("AT+CMGS=\"5555\"", "00420041004C", SHORT);
        assertThat(answer.value("+CMGS:")).contains("7");
        assertThat(link.commands).containsExactly("AT+CMGS=\"5555\"", "00420041004C\u001a");
    }

    @Test
    void promptRefusedIsTheModulesAnswerAndNoTextIsSent() throws Exception {
        FakeModemLink link = new FakeModemLink(cmd -> "\r\n+CMS ERROR: 302\r\n");
        AtResponse answer = new AtEngine(link, urcs::add).sendWithPrompt("AT+CMGS=\"5555\"", "0042", SHORT);
        assertThat(answer).isInstanceOf(AtResponse.CmeError.class);
        assertThat(link.commands).containsExactly("AT+CMGS=\"5555\"");
    }

    @Test
    void listenHandsLinesThatComeWithNoCommandToTheListener() throws Exception {
        FakeModemLink link = new FakeModemLink(cmd -> null);
        AtEngine at = new AtEngine(link, urcs::add);
        at.listen(Duration.ofMillis(20)); // nothing came: returns at its bound
        link.inject("\r\n+CUSD: 0,\"0042\",72\r\n");
        at.listen(SHORT);
        assertThat(urcs).containsExactly("+CUSD: 0,\"0042\",72");
    }
}
