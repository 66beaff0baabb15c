package com.simkiosk.kiosk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Business code never reads the system clock itself: it is handed a {@link Clock}, so tests can pin or shift the date
 * and a kiosk never depends on which day its tests ran. Only the composition roots (the launcher's commands, the
 * JavaFX application, benchmarks and the screen tour) make the system clock, and a few documented defaults.
 */
class ClockRulesTest {

    /** Classes that may create the system clock: they wire the kiosk together and hand the clock on. */
    private static final Set<String> COMPOSITION_ROOTS = Set.of(
            "com.simkiosk.kiosk.Main",
            "com.simkiosk.kiosk.app.KioskApp",
            // Wires the demo's parts (simulator, reader, printer, PIN guard) as RealKiosk wires a configured kiosk.
            "com.simkiosk.kiosk.demo.DemoKiosk",
            // Convenience constructor for operator commands; the kiosk passes its own clock.
            "com.simkiosk.carrier.tmf.TmfCarrierClient",
            // The simulator's builder defaults to the system clock; tests set theirs.
            "com.simkiosk.mock.carrier.CarrierSimulator$Builder");
    private static final Set<String> COMPOSITION_PACKAGES = Set.of(
            "com.simkiosk.kiosk.cli", "com.simkiosk.kiosk.launcher", "com.simkiosk.kiosk.bench", "com.simkiosk.kiosk.tour");

    /** {@code Instant.now()}, {@code LocalDate.now()} and the like, or {@code System.currentTimeMillis()}. */
    static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK =
            DescribedPredicate.describe("read the system clock (java.time now() or System.currentTimeMillis())",
                    call -> {
                        String owner = call.getTarget().getOwner().getName();
                        String name = call.getTarget().getName();
                        return owner.startsWith("java.time.") && name.equals("now")
                                && call.getTarget().getRawParameterTypes().isEmpty()
                                || owner.equals("java.lang.System") && name.equals("currentTimeMillis");
                    });

    /** {@code Clock.systemUTC()}, {@code Clock.systemDefaultZone()}, {@code Clock.system(zone)}. */
    static final DescribedPredicate<JavaMethodCall> MAKES_THE_SYSTEM_CLOCK =
            DescribedPredicate.describe("make the system clock (Clock.system*)",
                    call -> call.getTarget().getOwner().getName().equals("java.time.Clock")
                            && call.getTarget().getName().startsWith("system"));

    static final DescribedPredicate<JavaClass> COMPOSITION_ROOT = DescribedPredicate.describe("composition roots",
            c -> COMPOSITION_ROOTS.contains(c.getName())
                    || COMPOSITION_ROOTS.stream().anyMatch(root -> c.getName().startsWith(root + "$"))
                    || COMPOSITION_PACKAGES.contains(c.getPackageName()));

    static final ArchRule NO_DIRECT_NOW = noClasses().should().callMethodWhere(READS_THE_SYSTEM_CLOCK)
            .because("business code takes a java.time.Clock");

    static final ArchRule SYSTEM_CLOCK_ONLY_AT_THE_ROOTS = noClasses().that(DescribedPredicate.not(COMPOSITION_ROOT))
            .should().callMethodWhere(MAKES_THE_SYSTEM_CLOCK)
            .because("only the composition roots choose the clock; everything else is handed one");

    /** Main code of all three modules, from their class folders or jars, without any test classes. */
    private static final ImportOption MAIN_CODE_ONLY = new ImportOption() {
        private final Pattern testJar = Pattern.compile(".*-tests\\.jar.*");

        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.matches(testJar);
        }
    };

    private static JavaClasses mainCode;

    /** Imported once for both rules: scanning the class path is most of this test's time. */
    private static synchronized JavaClasses mainCode() {
        if (mainCode == null) {
            mainCode = new ClassFileImporter().withImportOption(MAIN_CODE_ONLY).importPackages("com.simkiosk");
        }
        return mainCode;
    }

    @Test
    void businessCodeNeverReadsTheSystemClockItself() {
        JavaClasses classes = mainCode();
        // All three modules were imported, so the rule checked something.
        assertThat(classes.containPackage("com.simkiosk.card")).isTrue();
        assertThat(classes.containPackage("com.simkiosk.mock.carrier")).isTrue();
        assertThat(classes.containPackage("com.simkiosk.kiosk.flow")).isTrue();
        NO_DIRECT_NOW.check(classes);
    }

    @Test
    void onlyTheCompositionRootsMakeTheSystemClock() {
        SYSTEM_CLOCK_ONLY_AT_THE_ROOTS.check(mainCode());
    }

    @Test
    void theRulesCatchACallToNowAndAClockMadeOutsideTheRoots() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);

        EvaluationResult now = NO_DIRECT_NOW.evaluate(offender);
        EvaluationResult made = SYSTEM_CLOCK_ONLY_AT_THE_ROOTS.evaluate(offender);

        assertThat(now.hasViolation()).isTrue();
        assertThat(now.getFailureReport().getDetails()).hasSize(3)
                .anyMatch(d -> d.contains("Instant.now()"))
                .anyMatch(d -> d.contains("LocalDate.now()"))
                .anyMatch(d -> d.contains("System.currentTimeMillis()"));
        assertThat(made.getFailureReport().getDetails()).singleElement().asString().contains("Clock.systemUTC()");
    }

    /** What the rules must refuse. */
    @SuppressWarnings("unused")
    static final class Offender {
        Instant expiry() {
            return Instant.now().plusSeconds(60);
        }

        LocalDate today() {
            return LocalDate.now();
        }

        long millis() {
            return System.currentTimeMillis();
        }

        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
