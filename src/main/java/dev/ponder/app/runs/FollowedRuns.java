package dev.ponder.app.runs;

import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.model.Run;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.UserSettings;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskListener;
import dev.ponder.core.task.TaskRunner;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Runs whose files a running evaluation is still writing, followed from the run browser: each is read again as
 * complete lines are added and the figures are redrawn, until the user stops it or the file has been quiet for
 * {@link #QUIET}. A run is known by its file, since each refresh makes it anew.
 */
public final class FollowedRuns {
    static final Duration QUIET = Duration.ofMinutes(10);

    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final Supplier<UserSettings> settings;
    private final LongConsumer refreshed;
    private final Map<String, TaskHandle> following = new HashMap<>();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();

    /** {@code refreshed} hears the id of the run that stands for a followed one after each refresh. */
    public FollowedRuns(
            TaskRunner tasks, WorkspaceSession session, Supplier<UserSettings> settings, LongConsumer refreshed) {
        this.tasks = tasks;
        this.session = session;
        this.settings = settings;
        this.refreshed = refreshed;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /**
     * Whether the run came from a file on disk (not the bundled samples inside the jar). Decided from its recorded path
     * alone: the window's thread does not touch the disk; a file gone since is said when following starts.
     */
    public boolean canFollow(Run run) {
        String path = run.source().path();
        return path != null && !path.contains(":/");
    }

    public boolean isFollowed(Run run) {
        return run.source().path() != null && following.containsKey(run.source().path());
    }

    /** Starts following the run's file, or stops it. */
    public void toggle(Run run) {
        if (isFollowed(run)) {
            following.remove(run.source().path()).cancel();
        } else {
            follow(run);
        }
    }

    /** Stops every follow: the workspace is closing. */
    public void stopAll() {
        following.values().forEach(TaskHandle::cancel);
        following.clear();
    }

    private void follow(Run run) {
        WorkspaceServices workspace = session.workspace();
        String path = run.source().path();
        if (workspace == null || path == null) {
            return;
        }
        UserSettings saved = settings.get();
        String name = run.name();
        AtomicReference<TaskHandle> mine = new AtomicReference<>();
        TaskHandle handle = tasks.submit(
                "Following " + name,
                context -> workspace
                        .imports()
                        .followRun(
                                run.id(), saved::mappingFor, QUIET, result -> tasks.tell(() -> shown(result)), context),
                new TaskListener<ImportResult>() {
                    @Override
                    public void succeeded(ImportResult last) {
                        following.remove(path, mine.get());
                        notice.set(Notice.info(
                                "Stopped following " + name,
                                "Its file has not grown for " + QUIET.toMinutes()
                                        + " minutes; the run holds everything in it."));
                    }

                    @Override
                    public void failed(Throwable error) {
                        following.remove(path, mine.get());
                        notice.set(Notice.error("Cannot follow " + name, error));
                    }

                    @Override
                    public void cancelled() {
                        following.remove(path, mine.get());
                    }
                });
        mine.set(handle);
        if (!handle.isDone()) {
            following.put(path, handle);
        }
    }

    private void shown(ImportResult result) {
        refreshed.accept(result.runId());
        session.changed();
    }
}
