package dev.ponder.core.service;

import dev.ponder.core.store.TagRepository;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.store.WorkspaceException;
import java.util.List;
import java.util.Map;

/** What researchers add to runs: tags and notes on samples and problems, and the problem filters they save. */
public final class AnnotationService {
    private final Workspace workspace;

    AnnotationService(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Tags (or untags) a sample; returns its tags now. */
    public List<String> tagSample(long sampleId, String name, boolean add) {
        return workspace.write(tables -> {
            if (!tables.samples().exists(sampleId)) {
                throw new WorkspaceException(
                        WorkspaceException.Reason.NOT_FOUND,
                        workspace.file(),
                        "There is no sample " + sampleId + " in "
                                + workspace.file().getFileName() + ".");
            }
            TagRepository tags = tables.tags();
            if (add) {
                tags.tagSample(sampleId, name);
            } else {
                tags.untagSample(sampleId, name);
            }
            return tags.tagsOfSample(sampleId);
        });
    }

    /** Tags (or untags) a problem in every run that attempts it; returns its tags now. */
    public List<String> tagProblem(long problemId, String name, boolean add) {
        return workspace.write(tables -> {
            TagRepository tags = tables.tags();
            if (add) {
                tags.tagProblem(problemId, name);
            } else {
                tags.untagProblem(problemId, name);
            }
            return tags.tagsOfProblem(problemId);
        });
    }

    /** Tags (or untags) the problem with this key; returns the key as stored, for messages. */
    public String tagProblem(String key, String name, boolean add) {
        long id = workspace
                .read(tables -> tables.problems().findByKey(key))
                .orElseThrow(() -> new WorkspaceException(
                        WorkspaceException.Reason.NOT_FOUND,
                        workspace.file(),
                        "There is no problem \"" + key + "\" in "
                                + workspace.file().getFileName() + "."))
                .id();
        tagProblem(id, name, add);
        return key;
    }

    /** Every tag name used in the workspace, sorted. */
    public List<String> tagNames() {
        return workspace.read(tables -> tables.tags().allNames());
    }

    /** The tags of each of the run's problems that has some, by problem id. */
    public Map<Long, List<String>> problemTagsOfRun(long runId) {
        return workspace.read(tables -> tables.tags().tagsByProblemOfRun(runId));
    }

    /** The tags of each of the run's samples of the problem that has some, by sample id. */
    public Map<Long, List<String>> sampleTagsOfProblem(long runId, long problemId) {
        return workspace.read(tables -> tables.tags().tagsBySampleOfProblem(runId, problemId));
    }

    public void setSampleNote(long sampleId, String text) {
        workspace.write(tables -> {
            tables.notes().setSampleNote(sampleId, text);
            return null;
        });
    }

    public void setProblemNote(long problemId, String text) {
        workspace.write(tables -> {
            tables.notes().setProblemNote(problemId, text);
            return null;
        });
    }

    /** The workspace's saved problem filters: name to filter (as JSON). */
    public Map<String, String> savedFilters() {
        return workspace.read(tables -> tables.savedFilters().all());
    }

    public void saveFilter(String name, String filterJson) {
        workspace.write(tables -> {
            tables.savedFilters().save(name, filterJson);
            return null;
        });
    }

    public void deleteFilter(String name) {
        workspace.write(tables -> {
            tables.savedFilters().delete(name);
            return null;
        });
    }
}
