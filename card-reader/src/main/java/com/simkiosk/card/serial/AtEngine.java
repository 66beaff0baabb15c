package com.simkiosk.card.serial;

import com.simkiosk.serial.SerialLink;
import com.simkiosk.serial.SerialLinkException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Sends one AT command at a time and collects its answer, line by line: drops the command's echo, hands
 * unsolicited result codes ({@code RING}, {@code +CREG:}, {@code +CPIN:} …) to a listener, skips bytes that
 * are not text, and stops at the final result code ({@code OK}, {@code ERROR}, {@code +CME ERROR: n}).
 * Nothing here waits without a deadline. There is no reader thread: URCs are read while a command runs
 * (the reader's monitor polls often enough for that).
 */
public final class AtEngine implements AutoCloseable {

    /** Lines a module may send at any time, whatever command is running. */
    private static final List<String> URC_PREFIXES = List.of(
            "RING", "+CRING:", "NO CARRIER", "+CLIP:", "+CREG:", "+CGREG:", "+CEREG:", "+C5GREG:", "+CPIN:",
            "+CFUN:", "+CMTI:", "+CMT:", "+CDSI:", "+CUSD:", "+CIEV:", "+CTZV:", "+CTZE:", "+CSQN:", "RDY", "POWERED DOWN",
            "+QIND:", "+QUSIM:", "+QSIMSTAT:", "+CPSI:", "SMS READY", "CALL READY", "PB DONE", "+CSMINS:",
            "+SIMCARD:", "*PSUTTZ:", "DST:", "+UUSIMSTAT:", "+UUPSDA:", "+UUSOCL:", "^SIMST:", "^BOOT:",
            "^RSSI:", "^MODE:", "+STIN:", "+CUSATP:");
    private static final int MAX_LINE = 1024;
    private static final int MAX_LINES_PER_ANSWER = 256;

    private final SerialLink link;
    private final Consumer<String> unsolicited;
    /** The last line passed on was a {@code +CMT:}/{@code +CDS:} header: the next line is its message (under lock). */
    private boolean urcBodyFollows;
    private final ReentrantLock lock = new ReentrantLock();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[512];
    private boolean heardNonAt; // since the port was opened; guarded by lock

    /** {@code unsolicited} runs on the thread that happens to read the line: keep it short. */
    public AtEngine(SerialLink link, Consumer<String> unsolicited) {
        this.link = link;
        this.unsolicited = unsolicited;
    }

    public String device() {
        return link.name();
    }

    /**
     * Whether, since the port was opened, the device sent something that is not AT: bytes that are not text, or a
     * line that is neither an echo of our command, a result code, nor a known unsolicited one. Right after the
     * first command this tells a garbled device (wrong speed, not a modem) from a silent one.
     */
    public boolean heardNonAt() {
        lock.lock();
        try {
            return heardNonAt;
        } finally {
            lock.unlock();
        }
    }

    /** Sends {@code command} (without CR) and waits at most {@code timeout} for its final result code. */
    public AtResponse send(String command, Duration timeout) throws AtException {
        return send(command, Optional.empty(), timeout);
    }

    /**
     * Sends {@code command}, waits for the module's {@code "> "} prompt, then sends {@code body} ended by Ctrl-Z
     * ({@code AT+CMGS}); all within {@code timeout}. A final result code instead of the prompt is returned as is.
     */
    public AtResponse sendWithPrompt(String command, String body, Duration timeout) throws AtException {
        return send(command, Optional.of(body), timeout);
    }

    /**
     * Reads for up to {@code wait} with no command running, handing every line to the unsolicited listener (a
     * {@code +CUSD:} or {@code +CMTI:} awaited after its command's {@code OK}). Returns early once lines came.
     */
    public void listen(Duration wait) throws AtException {
        acquire(wait);
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            do {
                List<String> lines = readLines(deadline - System.nanoTime());
                if (!lines.isEmpty()) {
                    lines.forEach(this::passOn);
                    return;
                }
            } while (System.nanoTime() - deadline < 0);
        } catch (SerialLinkException e) {
            throw new AtException(AtException.Kind.PORT_LOST, e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private AtResponse send(String command, Optional<String> promptBody, Duration timeout) throws AtException {
        long deadline = System.nanoTime() + timeout.toNanos();
        acquire(timeout);
        try {
            drainUnsolicited();
            partial.reset();
            link.write((command + "\r").getBytes(StandardCharsets.US_ASCII));
            String ownPrefix = responsePrefix(command);
            List<String> lines = new ArrayList<>();
            boolean awaitingPrompt = promptBody.isPresent();
            while (true) {
                AtResponse last = null;
                for (String line : readLines(deadline - System.nanoTime())) {
                    if (last != null) {
                        passOn(line); // whatever follows the final result code is not ours
                        continue;
                    }
                    if (line.equalsIgnoreCase(command) || (!awaitingPrompt && promptBody.filter(line::equals).isPresent())) {
                        continue; // echo (ATE1), of the command or of the text typed after the prompt
                    }
                    last = finalResult(line, lines);
                    if (last != null) {
                        continue;
                    }
                    if (urcBodyFollows || isUnsolicited(line, ownPrefix)) {
                        passOn(line);
                    } else {
                        heardNonAt = heardNonAt || !line.toUpperCase(Locale.ROOT).startsWith(ownPrefix.isEmpty() ? "+" : ownPrefix);
                        if (lines.size() < MAX_LINES_PER_ANSWER) {
                            lines.add(line);
                        }
                    }
                }
                if (last != null) {
                    return last;
                }
                if (awaitingPrompt && partial.toString(StandardCharsets.US_ASCII).strip().equals(">")) {
                    awaitingPrompt = false; // the prompt has no line end: it is what is left unfinished
                    partial.reset();
                    link.write((promptBody.get() + "\u001a").getBytes(StandardCharsets.US_ASCII));
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new AtException(AtException.Kind.TIMEOUT,
                            device() + ": no answer to " + commandName(command) + " within " + timeout.toMillis() + " ms");
                }
            }
        } catch (SerialLinkException e) {
            throw new AtException(AtException.Kind.PORT_LOST, e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        link.close();
    }

    private void acquire(Duration timeout) throws AtException {
        try {
            if (!lock.tryLock(Math.max(timeout.toMillis(), 1), TimeUnit.MILLISECONDS)) {
                throw new AtException(AtException.Kind.TIMEOUT, device() + ": port busy with another command");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtException(AtException.Kind.TIMEOUT, device() + ": interrupted");
        }
    }

    /**
     * Hands a line to the unsolicited listener. A {@code +CMT: …} (or {@code +CDS:}) comes with its message on the
     * next line, which is not ours either, wherever it is read: the header may be read while waiting or draining and
     * its message only once the next command is running (a pty or USB link splits them under load).
     */
    private void passOn(String line) {
        unsolicited.accept(line);
        urcBodyFollows = !urcBodyFollows && line.toUpperCase(Locale.ROOT).matches("\\+(CMT|CDS):.*");
    }

    private void drainUnsolicited() throws SerialLinkException {
        for (int round = 0; round < 16; round++) {
            List<String> stale = readLines(0);
            if (stale.isEmpty()) {
                return;
            }
            stale.forEach(this::passOn);
        }
    }

    /** The complete lines that arrive within {@code nanos} (none if nothing came), printable ASCII only. */
    private List<String> readLines(long nanos) throws SerialLinkException {
        int n = link.read(chunk, Duration.ofNanos(Math.max(nanos, 0)));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int b = chunk[i] & 0xFF;
            if (b == '\r' || b == '\n') {
                if (partial.size() > 0) {
                    String line = partial.toString(StandardCharsets.US_ASCII).strip();
                    partial.reset();
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
            } else if (b >= 0x20 && b < 0x7F) {
                if (partial.size() < MAX_LINE) {
                    partial.write(b);
                }
            } else {
                heardNonAt = true;
            }
            // anything else is line noise (power-up garbage, a wrong baud rate) and is skipped
        }
        return lines;
    }

    private static AtResponse finalResult(String line, List<String> lines) {
        if (line.equals("OK")) {
            return new AtResponse.Ok(lines);
        }
        if (line.equals("ERROR")) {
            return new AtResponse.Error(lines);
        }
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("+CME ERROR:") || upper.startsWith("+CMS ERROR:")) {
            String detail = line.substring(line.indexOf(':') + 1).strip();
            int code = detail.matches("\\d{1,5}") ? Integer.parseInt(detail) : -1;
            return new AtResponse.CmeError(code, detail, lines);
        }
        return null;
    }

    private static boolean isUnsolicited(String line, String ownPrefix) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (!ownPrefix.isEmpty() && upper.startsWith(ownPrefix)) {
            return false; // "+CPIN: READY" answers AT+CPIN? even though it can also come unasked
        }
        return URC_PREFIXES.stream().anyMatch(upper::startsWith);
    }

    /** {@code AT+CPIN?} → {@code +CPIN:}; {@code AT^ICCID?} → {@code ^ICCID:}. */
    static String responsePrefix(String command) {
        String upper = command.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("AT") || upper.length() < 4) {
            return "";
        }
        String name = commandName(upper);
        char lead = name.charAt(0);
        return lead == '+' || lead == '^' || lead == '$' || lead == '#' ? name + ":" : "";
    }

    /** The command without its arguments, for logs: arguments can carry a PIN. */
    static String commandName(String command) {
        String body = command.length() > 2 ? command.substring(2) : command;
        int end = 0;
        while (end < body.length() && "=?".indexOf(body.charAt(end)) < 0) {
            end++;
        }
        return body.substring(0, end);
    }
}
