package dev.ponder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries of DESIGN.md §2: core is toolkit-free and never calls back into the app or the CLI. */
@AnalyzeClasses(packages = "dev.ponder", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverUsesJavaFx = noClasses().that().resideInAPackage("dev.ponder.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..", "org.jfree.chart.fx..",
                    "com.sun.javafx..", "com.sun.glass..", "com.sun.prism..")
            .because("core must run headless, from the command line and in tests without a toolkit");

    @ArchTest
    static final ArchRule coreNeverCallsBackIntoTheAppOrTheCli = noClasses().that().resideInAPackage("dev.ponder.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ponder.app..", "dev.ponder.cli..")
            .because("data flows one way: file, core, view");

    @ArchTest
    static final ArchRule theCliNeverLoadsTheToolkit = noClasses().that().resideInAPackage("dev.ponder.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.ponder.app..")
            .because("commands run headless, with no display");

    @ArchTest
    static final ArchRule onlyTheTaskLayerHandsWorkToTheFxThread = noClasses()
            .that().resideOutsideOfPackage("dev.ponder.app.task..")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("background work goes through the TaskRunner (DESIGN.md §2)");

    @ArchTest
    static final ArchRule onlyTheStoreSpeaksSql = noClasses()
            .that().resideOutsideOfPackage("dev.ponder.core.store..")
            .and().haveNameNotMatching(".*\\.ParquetReader(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("every query lives in a repository of core/store, so a schema change is one package's work "
                    + "(the Parquet reader speaks SQL to DuckDB, not to the workspace)");
}
