package dev.ponder.app.importing;

import dev.ponder.app.common.AppSettings;
import dev.ponder.app.common.Figures;
import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.analysis.CurvePoint;
import dev.ponder.core.analysis.FirstFigures;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.SavedMapping;
import dev.ponder.core.ingest.plan.FileShape;
import dev.ponder.core.ingest.plan.PlannedFile;
import dev.ponder.core.service.Choices;
import dev.ponder.core.service.ImportService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.UserSettings;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.task.TaskListener;
import dev.ponder.core.task.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Importing files chosen in the window: first a plan of what the files are (in the background), which the
 * window shows in the import dialog; then, with what the user chose there, the import itself, file by file,
 * each all or nothing; then the summary, and the question whether to import again what was imported before.
 */
public final class ImportViewModel {
    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final AppSettings settings;
    private final Consumer<String> status;
    private final ObjectProperty<List<PlannedFile>> plan = new SimpleObjectProperty<>();
    private final ObjectProperty<List<FileImport>> alreadyImported = new SimpleObjectProperty<>();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();

    public ImportViewModel(TaskRunner tasks, WorkspaceSession session, AppSettings settings, Consumer<String> status) {
        this.tasks = tasks;
        this.session = session;
        this.settings = settings;
        this.status = status;
    }

    /** The plan for the files the user chose; the window shows the import dialog for it. A new list each time. */
    public ReadOnlyObjectProperty<List<PlannedFile>> planProperty() {
        return plan;
    }

    /** Files refused because the workspace holds their exact content; the window asks whether to import them again. */
    public ReadOnlyObjectProperty<List<FileImport>> alreadyImportedProperty() {
        return alreadyImported;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /** Looks at the chosen files and folders in the background, then offers the import dialog for them. */
    public void choose(List<Path> paths) {
        if (session.workspace() == null || paths.isEmpty()) {
            return;
        }
        var savedMappings = settings.get();
        tasks.submit(
                paths.size() == 1
                        ? "Looking at " + paths.get(0).getFileName()
                        : "Looking at " + paths.size() + " files",
                context -> ImportService.plan(paths, null, savedMappings::mappingFor, context),
                planned -> {
                    if (planned.isEmpty()) {
                        notice.set(Notice.info("Nothing to import", "The chosen folder holds no files."));
                    } else {
                        plan.set(planned);
                    }
                },
                error -> notice.set(Notice.error("Cannot look at the chosen files", error)));
    }

    /** The dialog's state for a plan. */
    public ImportDialogModel dialogFor(List<PlannedFile> planned) {
        ImportDialogModel dialog = new ImportDialogModel(planned, Choices.runFormats());
        dialog.graderProperty().set(settings.get().preferences().defaultGrader());
        dialog.tokenizerProperty().set(settings.get().preferences().tokenizer());
        return dialog;
    }

    /** The mapping dialog's state for a file no reader knows. */
    public MappingDialogModel mappingFor(PlannedFile file) {
        return new MappingDialogModel(file, tasks);
    }

    /** Reads files of this shape with this mapping from now on, without asking. */
    public void remember(FileShape shape, FieldMapping mapping) {
        settings.update(current -> current.withMapping(shape, SavedMapping.of(mapping)));
    }

    /** Imports the files as the user chose in the dialog. */
    public void start(List<FileImport> imports) {
        WorkspaceServices workspace = session.workspace();
        if (workspace == null || imports.isEmpty()) {
            return;
        }
        ImportBatch batch = new ImportBatch();
        String title = imports.size() == 1
                ? "Importing " + imports.get(0).file().getFileName()
                : "Importing " + imports.size() + " files";
        tasks.submit(
                title,
                context -> {
                    for (int i = 0; i < imports.size(); i++) {
                        FileImport file = imports.get(i);
                        context.checkCancelled();
                        try {
                            TaskContext perFile = numbered(context, i, imports.size());
                            String early = ImportService.summaryFigures(file.file(), file.options())
                                    .map(ImportViewModel::fromSummaries)
                                    .orElse(null);
                            TaskContext reporting = early == null ? perFile : told(perFile, early);
                            if (early != null) { // shown now, not at the import's first report
                                reporting.message("Importing " + file.file().getFileName() + "…");
                            }
                            batch.imported(workspace.imports().importFile(file.file(), file.options(), reporting));
                        } catch (RuntimeException e) {
                            if (context.isCancelled()) {
                                throw e;
                            }
                            batch.failed(file, e);
                        }
                    }
                    return batch;
                },
                new TaskListener<>() {
                    @Override
                    public void succeeded(ImportBatch result) {
                        finished(imports, result, false);
                    }

                    @Override
                    public void failed(Throwable error) {
                        finished(imports, batch, false);
                        notice.set(Notice.error("Import failed", error));
                    }

                    @Override
                    public void cancelled() {
                        finished(imports, batch, true);
                    }
                });
    }

    /** Imports files the workspace already holds once more, on the user's say-so. */
    public void importAgain(List<FileImport> imports) {
        start(imports.stream().map(FileImport::again).toList());
    }

    /** An Inspect log's figures from its summaries, to show while its samples are read. */
    static String fromSummaries(FirstFigures figures) {
        StringBuilder line =
                new StringBuilder("From its summaries: accuracy ").append(Figures.percent(figures.accuracy()));
        if (!figures.passAtK().isEmpty()) {
            CurvePoint last = figures.passAtK().get(figures.passAtK().size() - 1);
            line.append(", pass@").append(last.k()).append(' ').append(Figures.percent(last.value()));
        }
        if (!figures.majorityFirstK().isEmpty()) {
            CurvePoint last =
                    figures.majorityFirstK().get(figures.majorityFirstK().size() - 1);
            line.append(", maj@").append(last.k()).append(' ').append(Figures.percent(last.value()));
        }
        return line.toString();
    }

    /** Puts what is known already (the figures from a log's summaries) before every progress line of its import. */
    private static TaskContext told(TaskContext context, String known) {
        return rewording(context, message -> known + " · " + message);
    }

    /** Prefixes the file's place in the batch to the import's progress line: "(2 of 5) Importing ...". */
    private static TaskContext numbered(TaskContext context, int index, int count) {
        return count == 1
                ? context
                : rewording(context, message -> "(" + (index + 1) + " of " + count + ") " + message);
    }

    /** The context with its progress lines reworded. */
    private static TaskContext rewording(TaskContext context, java.util.function.UnaryOperator<String> reword) {
        return new TaskContext() {
            @Override
            public void progress(long done, long total) {
                context.progress(done, total);
            }

            @Override
            public void message(String message) {
                context.message(reword.apply(message));
            }

            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }
        };
    }

    private void finished(List<FileImport> imports, ImportBatch batch, boolean cancelled) {
        List<ImportResult> made = batch.imported();
        if (made.isEmpty()) {
            session.changed();
        } else {
            session.changed(made.get(made.size() - 1).runId());
        }
        settings.update(current -> {
            UserSettings updated = current;
            for (int i = imports.size() - 1; i >= 0; i--) {
                updated = updated.withImported(
                        imports.get(i).file().toAbsolutePath().toString());
            }
            return updated;
        });
        String summary = batch.summary();
        int done = batch.imported().size();
        status.accept(
                cancelled
                        ? "Import cancelled" + (done > 0 ? " after " + done + " file" + (done == 1 ? "" : "s") : "")
                                + "; nothing of the interrupted file was kept"
                        : batch.statusLine());
        if (!cancelled && batch.needsAttention()) {
            notice.set(Notice.info("Import finished with problems", summary));
        }
        if (!cancelled && !batch.alreadyImported().isEmpty()) {
            alreadyImported.set(batch.alreadyImported());
        }
    }
}
