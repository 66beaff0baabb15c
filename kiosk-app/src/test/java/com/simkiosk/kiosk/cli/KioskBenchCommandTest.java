package com.simkiosk.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench kiosk} prints the JVM's native memory summary only when the JVM tracks it (no "summary: null"). */
class KioskBenchCommandTest {
    @Test
    void withoutNativeMemoryTrackingThereIsNoSummaryToPrint() {
        assertThat(KioskBenchCommand.nativeMemoryTracked(List.of("-Xmx256m", "-XX:+UseSerialGC"))).isFalse();
        assertThat(KioskBenchCommand.nativeMemoryTracked(List.of("-XX:NativeMemoryTracking=off"))).isFalse();
    }

    @Test
    void withItTheLastSettingCounts() {
        assertThat(KioskBenchCommand.nativeMemoryTracked(List.of("-XX:NativeMemoryTracking=summary"))).isTrue();
        assertThat(KioskBenchCommand.nativeMemoryTracked(List.of("-XX:NativeMemoryTracking=detail"))).isTrue();
        assertThat(KioskBenchCommand.nativeMemoryTracked(
                List.of("-XX:NativeMemoryTracking=summary", "-XX:NativeMemoryTracking=off"))).isFalse();
    }
}
