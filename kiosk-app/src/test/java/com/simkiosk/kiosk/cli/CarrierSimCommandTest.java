package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.testing.TestTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CarrierSimCommandTest {

    private static final Pattern URL = Pattern.compile("Carrier simulator: (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void printsItsUrlAndCredentialsServesTokensAndStopsWhenInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new CarrierSimCommand()).setOut(new PrintWriter(out, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(cli.execute("--port", "0")), "carrier-sim-command-test");
        runner.start();
        try {
            String url = awaitUrl(out, TestTime.bound(Duration.ofSeconds(10)));
            assertThat(out.toString()).contains("demo-kiosk / demo-secret").contains("8981102603110000016");
            HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/oauth2/token"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("demo-kiosk:demo-secret".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(token.body()).contains("access_token");
        } finally {
            runner.interrupt();
            runner.join(TestTime.bound(Duration.ofSeconds(10)).toMillis());
        }
        assertThat(runner.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("Carrier simulator stopped.");
    }

    @Test
    void aBrokenDataFileIsAClearErrorNotAStackTrace(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("lines.json"), "{\"clients\": []}");
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new CarrierSimCommand()).setErr(new PrintWriter(err, true))
                .execute("--data", bad.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("cannot start").contains("no clients").doesNotContain("\tat ");
    }

    private static String awaitUrl(StringWriter out, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(out.toString());
            if (m.find() && out.toString().contains("Stop with Ctrl-C.")) {
                return m.group(1);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        throw new AssertionError("no URL printed within " + bound + ": " + out);
    }
}
