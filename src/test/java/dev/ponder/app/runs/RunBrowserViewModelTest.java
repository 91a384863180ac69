package dev.ponder.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.DirectTaskRunner;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunBrowserViewModelTest {
    private static final Path SAMPLE = Path.of("sample-runs/tiny-arith-best-of-4.jsonl");

    @TempDir
    Path dir;

    private WorkspaceServices workspace;
    private final WorkspaceSession session = new WorkspaceSession();
    private RunBrowserViewModel viewModel;

    @BeforeEach
    void setUp() {
        workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir));
        importSample("first");
        importSample("second");
        viewModel = new RunBrowserViewModel(new DirectTaskRunner(), session);
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    @Test
    void listsNothingWithoutAWorkspaceAndTheRunsOnceOneOpens() {
        assertThat(viewModel.runs()).isEmpty();
        session.replace(workspace);
        assertThat(viewModel.runs()).extracting(summary -> summary.run().name()).containsExactly("first", "second");
        assertThat(viewModel.selectedProperty().get().run().name()).isEqualTo("first");
        assertThat(viewModel.loadingProperty().get()).isFalse();
    }

    @Test
    void keepsTheSelectionAcrossReloads() {
        session.replace(workspace);
        RunSummary second = viewModel.runs().get(1);
        viewModel.selectedProperty().set(second);
        importSample("third");
        session.changed();
        assertThat(viewModel.runs()).hasSize(3);
        assertThat(viewModel.selectedProperty().get().run().id())
                .isEqualTo(second.run().id());
    }

    @Test
    void aRunJustImportedIsSelected() {
        session.replace(workspace);
        viewModel.selectedProperty().set(viewModel.runs().get(0));
        long third = workspace
                .imports()
                .importFile(
                        SAMPLE,
                        ImportOptions.withAttributes(Map.of("name", "third")).evenIfImportedBefore(),
                        TaskContext.NONE)
                .runId();
        session.changed(third);
        assertThat(viewModel.selectedProperty().get().run().name()).isEqualTo("third");
        session.changed();
        assertThat(viewModel.selectedProperty().get().run().name())
                .as("only the change that made it selects it")
                .isEqualTo("third");
    }

    @Test
    void anEmptyListWhileRunsAreBroughtInSaysSo() {
        assertThat(viewModel.fillingProperty().get()).isEmpty();
        session.filling("Importing the sample runs…");
        assertThat(viewModel.fillingProperty().get()).isEqualTo("Importing the sample runs…");
        session.filling("");
        assertThat(viewModel.fillingProperty().get()).isEmpty();
    }

    @Test
    void deletesTheSelectedRun() {
        session.replace(workspace);
        viewModel.selectedProperty().set(viewModel.runs().get(0));
        viewModel.deleteSelected();
        assertThat(viewModel.runs()).extracting(summary -> summary.run().name()).containsExactly("second");
        assertThat(workspace.runs().summaries()).hasSize(1);
    }

    @Test
    void regradesARunAndSaysWhatChanged() {
        session.replace(workspace);
        viewModel.regrade(viewModel.runs().get(0).run(), Grading.parse("exact"));
        assertThat(viewModel.runs().get(0).run().grader()).isEqualTo("exact");
        assertThat(viewModel.runs().get(1).run().grader()).isEqualTo("file labels");
        assertThat(viewModel.noticeProperty().get().title()).isEqualTo("Regraded first");
        assertThat(viewModel.noticeProperty().get().message()).startsWith("Regraded 24 samples with exact: ");
    }

    @Test
    void exportsARunInTheFormatChosenAndSaysWhere() {
        session.replace(workspace);
        Path parquet = dir.resolve("first.parquet");
        viewModel.exportRun(
                viewModel.runs().get(0).run(), dev.ponder.core.service.ExportService.RunFormat.PARQUET, parquet);
        assertThat(parquet).exists();
        assertThat(viewModel.noticeProperty().get().title()).isEqualTo("Exported first");
        assertThat(viewModel.noticeProperty().get().message()).isEqualTo("24 samples written to " + parquet + ".");

        viewModel.exportRun(
                viewModel.runs().get(0).run(),
                dev.ponder.core.service.ExportService.RunFormat.PARQUET,
                dir.resolve("no such folder").resolve("first.parquet"));
        assertThat(viewModel.noticeProperty().get().title()).isEqualTo("Cannot export first");
        assertThat(viewModel.noticeProperty().get().message()).doesNotContain("Exception", "duckdb");
    }

    @Test
    void aFailedLoadBecomesANotice() {
        session.replace(workspace);
        workspace.close();
        session.changed();
        assertThat(viewModel.noticeProperty().get().message()).contains("is closed");
    }

    private void importSample(String name) {
        workspace
                .imports()
                .importFile(
                        SAMPLE,
                        ImportOptions.withAttributes(Map.of("name", name)).evenIfImportedBefore(),
                        TaskContext.NONE);
    }
}
