package com.simkiosk.kiosk.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.testing.TestTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which OS packages {@code ./install} asks apt for in each mode. The real script runs with stand-ins for the system
 * tools on its PATH: every package looks missing, and {@code apt-get install} records its arguments and fails, so
 * the script stops (saying what it wanted) before it builds anything or touches the machine.
 */
class InstallScriptPackagesTest {
    private static final Path SCRIPT = Path.of("..", "install").toAbsolutePath().normalize();

    @TempDir
    Path bin;

    private void tool(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    /** The packages the script handed to {@code apt-get install} in {@code mode}. */
    private List<String> packagesAskedFor(String... mode) throws Exception {
        tool("id", "echo 0");
        tool("dpkg-query", "exit 1");
        tool("javac", "echo 'javac 17.0.9' >&2");
        tool("apt-get", "[ \"$1\" = update ] && exit 0\necho \"$@\" > \"" + bin.resolve("apt-args") + "\"\nexit 100");
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(mode));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        Path log = bin.resolve("install-output.log");
        pb.redirectOutput(log.toFile()); // to a file: reading a pipe would wait without a bound
        Process p = pb.start();
        boolean finished = p.waitFor(TestTime.bound(Duration.ofSeconds(60)).toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        assertThat(finished).as("install finished: " + output).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("apt-get install failed for:");
        return List.of(Files.readString(bin.resolve("apt-args")).strip().split("\\s+"));
    }

    @Test
    void aKioskInstallLeavesTheNetworkReachableVirtualReaderOut() throws Exception {
        List<String> packages = packagesAskedFor("--kiosk");

        assertThat(packages).contains("pcscd", "libpcsclite1", "fonts-noto-cjk").doesNotContain("vsmartcard-vpcd");
    }

    @Test
    void testMachinesGetTheBrokerForTheTelemetryTestsAndKiosksDoNot() throws Exception {
        assertThat(packagesAskedFor("--test")).contains("mosquitto", "openssl");
        assertThat(packagesAskedFor("--kiosk")).doesNotContain("mosquitto");
    }

    @Test
    void buildAndTestMachinesStillGetTheVirtualReader() throws Exception {
        assertThat(packagesAskedFor("--test")).contains("pcscd", "vsmartcard-vpcd");
        assertThat(packagesAskedFor()).contains("pcscd", "vsmartcard-vpcd");
    }
}
