package fr.novaevo.workstation.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/decisions/0002: only app touches JavaFX, no cycles between modules, library
 * modules log through SLF4J and never print.
 */
class ArchitectureTest {

    private static final String ROOT = "fr.novaevo.workstation";
    private static final String[] LIBRARY_MODULES = {ROOT + ".core..", ROOT + ".obd..", ROOT + ".ecuflash..",
        ROOT + ".ocr..", ROOT + ".sync.."};

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        // Sibling modules arrive as jars (or target/classes); their test jars and test classes are left out.
        ImportOption productionOnly = location -> !location.contains("/test-classes/")
                && !location.asURI().toString().matches(".*-tests\\.jar.*");
        production = new ClassFileImporter()
                .withImportOption(productionOnly)
                .importPackages(ROOT);
    }

    @Test
    void everyModuleIsImported() {
        // Guards the rules below against passing on nothing: core and app classes must be seen.
        org.assertj.core.api.Assertions.assertThat(production.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith(ROOT + ".core"))
                .anyMatch(p -> p.startsWith(ROOT + ".app"));
    }

    @Test
    void onlyTheAppModuleImportsJavaFx() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(ROOT + ".app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.javafx..")
                .because("capability modules are plain Java, usable from the command line and testable alone");
        rule.check(production);
    }

    @Test
    void libraryModulesDoNotDependOnTheApp() {
        noClasses().that().resideInAnyPackage(LIBRARY_MODULES)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".app..")
                .check(production);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void theCoreDependsOnNoCapability() {
        noClasses().that().resideInAPackage(ROOT + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".obd..", ROOT + ".ecuflash..",
                        ROOT + ".ocr..", ROOT + ".sync..")
                .check(production);
    }

    @Test
    void libraryModulesNeverPrintToTheConsole() {
        noClasses().that().resideInAnyPackage(LIBRARY_MODULES)
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("library modules log through SLF4J; only the command line writes to the console")
                .check(production);
    }

    @Test
    void nobodyUsesJavaUtilLoggingOrPrintsStackTraces() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(production);
        noClasses().that().resideInAnyPackage(LIBRARY_MODULES)
                .should().callMethod(Throwable.class, "printStackTrace")
                .check(production);
    }

    @Test
    void onlyTheCommandLineAndUiPrintInTheApp() {
        noClasses().that().resideInAPackage(ROOT + ".app..")
                .and().resideOutsideOfPackages(ROOT + ".app", ROOT + ".app.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(production);
    }
}
