package dev.ponder;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules are not vacuous: each fails on classes written to break it (dev.ponder.app.archfixture, in
 * the test sources, which ArchitectureTest leaves out) and names what broke it.
 */
class ArchitectureRulesBreakTest {
    private static final JavaClasses BROKEN = new ClassFileImporter()
            .importPackages("dev.ponder.app.archfixture", "dev.ponder.core.store", "dev.ponder.core.analysis");

    @Test
    void aScreenThatReadsTheWorkspaceItselfBreaksTheDoorRule() {
        EvaluationResult result = ArchitectureTest.onlyTheServicesOpenTheDoor.evaluate(BROKEN);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("RunData"));
    }

    @Test
    void aScreenThatUsesTheStoreBreaksTheServicesRule() {
        EvaluationResult result = ArchitectureTest.theWindowAndTheCommandsUseTheServices.evaluate(BROKEN);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("core.store.Workspace"));
    }

    @Test
    void sqlOutsideTheStoreBreaksTheSqlRule() {
        EvaluationResult result = ArchitectureTest.onlyTheStoreSpeaksSql.evaluate(BROKEN);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("java.sql.Connection") && line.contains("ScreenThatOpensTheStore"));
    }

    @Test
    void twoPackagesThatNeedEachOtherBreakTheCycleRule() {
        EvaluationResult result = ArchitectureTest.noPackageCycles.evaluate(BROKEN);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("Cycle detected")
                .contains("archfixture.a");
    }
}
