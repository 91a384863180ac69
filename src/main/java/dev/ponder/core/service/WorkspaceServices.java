package dev.ponder.core.service;

import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.store.Workspace;
import java.nio.file.Path;

/**
 * An open workspace as the window and the command line see it: the one door to it. It hands out the services, each
 * the single home of its use cases; nothing outside this package touches the workspace itself.
 */
public final class WorkspaceServices implements AutoCloseable {
    /** The extension of workspace files. */
    public static final String FILE_EXTENSION = Workspace.FILE_EXTENSION;

    private final Workspace workspace;
    private final PonderHome home;
    private final RunService runs;
    private final AnalysisService analysis;
    private final AnnotationService annotations;
    private final SearchService search;
    private final SampleService samples;
    private final TreeService trees;
    private final ChartService charts;
    private final ExportService exports;
    private final ImportService imports;
    private final ReplayService replays;
    private final JudgeService judges;
    private final ComputeService compute;

    private WorkspaceServices(Workspace workspace, PonderHome home) {
        ContentChanges changes = new ContentChanges();
        this.workspace = workspace;
        this.home = home;
        this.runs = new RunService(workspace, changes);
        this.analysis = new AnalysisService(workspace);
        this.annotations = new AnnotationService(workspace);
        this.search = new SearchService(workspace);
        this.samples = new SampleService(workspace, analysis);
        this.trees = new TreeService(workspace);
        this.charts = new ChartService(workspace, changes);
        this.exports = new ExportService(workspace);
        this.imports = new ImportService(workspace, home, changes);
        this.replays = new ReplayService(workspace, home, changes);
        this.judges = new JudgeService(workspace);
        this.compute = new ComputeService(workspace);
    }

    /** Opens an existing workspace (an older schema brought up to date); refuses foreign or newer files unchanged. */
    public static WorkspaceServices open(Path file, PonderHome home) {
        return new WorkspaceServices(Workspace.open(file), home);
    }

    /** Creates a new, empty workspace; refuses to overwrite anything. */
    public static WorkspaceServices create(Path file, PonderHome home) {
        return new WorkspaceServices(Workspace.create(file), home);
    }

    /** Opens the workspace at {@code file}, creating it first if there is no file. */
    public static WorkspaceServices openOrCreate(Path file, PonderHome home) {
        return new WorkspaceServices(Workspace.openOrCreate(file), home);
    }

    /** The workspace itself, for tests that check what the services stored. */
    Workspace store() {
        return workspace;
    }

    /** The workspace file. */
    public Path file() {
        return workspace.file();
    }

    /** The name shown to the user: the file name without its extension. */
    public String displayName() {
        return workspace.displayName();
    }

    /**
     * Who hears, in one sentence, that a write waits for another program writing the same file (another Ponder
     * importing or replaying into it); it proceeds once that one is done, or stops with a sentence after 15 minutes.
     */
    public void onWaitingForWriter(java.util.function.Consumer<String> listener) {
        workspace.onWaitingForWriter(listener);
    }

    /** The version of the workspace's schema, brought up to this Ponder's. */
    public int schemaVersion() {
        return workspace.schemaVersion();
    }

    /** Ponder's own folder: settings, models, replay journals, logs. */
    public PonderHome home() {
        return home;
    }

    public RunService runs() {
        return runs;
    }

    public AnalysisService analysis() {
        return analysis;
    }

    public AnnotationService annotations() {
        return annotations;
    }

    public SearchService search() {
        return search;
    }

    public SampleService samples() {
        return samples;
    }

    public TreeService trees() {
        return trees;
    }

    public ComputeService compute() {
        return compute;
    }

    public ChartService charts() {
        return charts;
    }

    public ExportService exports() {
        return exports;
    }

    public ImportService imports() {
        return imports;
    }

    public ReplayService replays() {
        return replays;
    }

    /** A model as a grader: its cost said first, its verdicts kept per answer pair. */
    public JudgeService judges() {
        return judges;
    }

    /** Closes the workspace; a model a replay loaded is let go first. */
    @Override
    public void close() {
        try {
            replays.close();
        } finally {
            workspace.close();
        }
    }
}
