package dev.ponder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ponder.core.store.Workspace;

/** The boundaries of docs/architecture.md: the layers, the one door to the workspace, SQL in the store alone. */
@AnalyzeClasses(packages = "dev.ponder", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {

    /** Values a service hands over or takes: records, enums and exceptions, wherever in core they live. */
    static final DescribedPredicate<JavaClass> VALUES = new DescribedPredicate<>("records, enums or exceptions") {
        @Override
        public boolean test(JavaClass type) {
            JavaClass outer = type.getEnclosingClass().orElse(type);
            return type.isRecord()
                    || type.isEnum()
                    || type.isAssignableTo(Throwable.class)
                    || (type != outer && (outer.isRecord() || outer.isEnum()));
        }
    };

    /** Classes that reach the workspace themselves, outside the services. */
    static final DescribedPredicate<JavaClass> REACHES_THE_WORKSPACE =
            new DescribedPredicate<>("reach the workspace outside core/service") {
                @Override
                public boolean test(JavaClass type) {
                    return !type.getPackageName().startsWith("dev.ponder.core.service")
                            && !type.getPackageName().startsWith("dev.ponder.core.store")
                            && type.getDirectDependenciesFromSelf().stream()
                                    .anyMatch(dependency ->
                                            dependency.getTargetClass().isEquivalentTo(Workspace.class));
                }
            };

    @ArchTest
    static final ArchRule coreNeverUsesJavaFx = noClasses()
            .that()
            .resideInAPackage("dev.ponder.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "org.fxmisc..",
                    "org.jfree.chart.fx..",
                    "com.sun.javafx..",
                    "com.sun.glass..",
                    "com.sun.prism..")
            .because("core must run headless, from the command line and in tests without a toolkit");

    @ArchTest
    static final ArchRule coreNeverCallsBackIntoTheAppOrTheCli = noClasses()
            .that()
            .resideInAPackage("dev.ponder.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.ponder.app..", "dev.ponder.cli..")
            .because("data flows one way: file, core, view");

    @ArchTest
    static final ArchRule theCliNeverLoadsTheToolkit = noClasses()
            .that()
            .resideInAPackage("dev.ponder.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "dev.ponder.app..")
            .because("commands run headless, with no display");

    @ArchTest
    static final ArchRule onlyTheTaskLayerHandsWorkToTheFxThread = noClasses()
            .that()
            .resideOutsideOfPackage("dev.ponder.app.task..")
            .should()
            .callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("background work goes through the TaskRunner");

    @ArchTest
    static final ArchRule onlyTheStoreSpeaksSql = noClasses()
            .that()
            .resideOutsideOfPackage("dev.ponder.core.store..")
            .and()
            .haveNameNotMatching(".*\\.Parquet(Reader|RunExporter)(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("every query lives in a repository of core/store, so a schema change is one package's work "
                    + "(the Parquet reader and writer speak SQL to DuckDB, not to the workspace)");

    @ArchTest
    static final ArchRule theWindowAndTheCommandsUseTheServices = classes()
            .that()
            .resideInAnyPackage("dev.ponder.app..", "dev.ponder.cli..")
            .should()
            .onlyDependOnClassesThat(JavaClass.Predicates.resideOutsideOfPackage("dev.ponder.core..")
                    .or(JavaClass.Predicates.resideInAnyPackage(
                            "dev.ponder.core",
                            "dev.ponder.core.service..",
                            "dev.ponder.core.model..",
                            "dev.ponder.core.task..",
                            "dev.ponder.core.chart..",
                            "dev.ponder.core.tree..",
                            "dev.ponder.core.trace..",
                            "dev.ponder.core.settings.."))
                    .or(VALUES))
            .because("each use case lives once, in core/service; the screens and commands read input, call a service "
                    + "and show the result, with the values it hands over, the drawing types (chart, tree, trace) and "
                    + "the user's settings");

    @ArchTest
    static final ArchRule onlyTheServicesOpenTheDoor = noClasses()
            .that()
            .resideInAnyPackage("dev.ponder.app..", "dev.ponder.cli..")
            .should()
            .dependOnClassesThat(REACHES_THE_WORKSPACE)
            .because("the workspace has one door, core/service");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.ponder.(**)")
            .should()
            .beFreeOfCycles()
            .because("a package that needs another should not be needed by it: each can be read on its own");
}
