package dev.ponder.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.SampleLine;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesTagsFiltersTest {
    private static final Path RUN = Path.of("src/test/resources/dev/ponder/app/workbench-run.jsonl");

    @TempDir
    Path dir;

    @Test
    void notesTagsAndSavedFiltersAreKeptAndGoWithWhatTheyAreOn() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = new Importer(workspace)
                    .importFile(RUN, ImportOptions.DEFAULT, TaskContext.NONE)
                    .runId();
            long apples = workspace
                    .readSql(connection -> new ProblemRepository(connection).findByKey("wb/apples"))
                    .orElseThrow()
                    .id();
            List<SampleLine> lines =
                    workspace.readSql(connection -> new SampleRepository(connection).linesOfProblem(runId, apples));
            assertThat(lines).extracting(SampleLine::answer).containsExactly("42", "42", "360");
            long sample = lines.get(2).id();

            workspace.writeSql(connection -> {
                NoteRepository notes = new NoteRepository(connection);
                notes.setSampleNote(sample, " multiplies instead of adding ");
                notes.setProblemNote(apples, "a word problem");
                notes.setProblemNote(apples, "a word problem about buying");
                TagRepository tags = new TagRepository(connection);
                tags.tagSample(sample, "lucky guess");
                tags.tagSample(sample, "lucky guess");
                tags.tagProblem(apples, "word problem");
                SavedFilterRepository filters = new SavedFilterRepository(connection);
                filters.save("wrong", "{\"majority\":\"WRONG\"}");
                filters.save("wrong", "{\"majority\":\"WRONG\",\"text\":\"x\"}");
                filters.save("early", "{\"foundEarly\":true}");
                return null;
            });
            workspace.readSql(connection -> {
                NoteRepository notes = new NoteRepository(connection);
                assertThat(notes.sampleNote(sample)).isEqualTo("multiplies instead of adding");
                assertThat(notes.problemNote(apples)).isEqualTo("a word problem about buying");
                TagRepository tags = new TagRepository(connection);
                assertThat(tags.tagsOfSample(sample)).containsExactly("lucky guess");
                assertThat(tags.tagsByProblemOfRun(runId))
                        .isEqualTo(Map.of(apples, List.of("lucky guess", "word problem")));
                assertThat(tags.tagsBySampleOfProblem(runId, apples)).isEqualTo(Map.of(sample, List.of("lucky guess")));
                assertThat(tags.allNames()).containsExactly("lucky guess", "word problem");
                assertThat(new SavedFilterRepository(connection).all())
                        .containsExactly(
                                Map.entry("early", "{\"foundEarly\":true}"),
                                Map.entry("wrong", "{\"majority\":\"WRONG\",\"text\":\"x\"}"));
                return null;
            });

            workspace.writeSql(connection -> {
                new NoteRepository(connection).setSampleNote(sample, "  ");
                new SavedFilterRepository(connection).delete("early");
                return null;
            });
            String note = workspace.readSql(connection -> new NoteRepository(connection).sampleNote(sample));
            assertThat(note).isEmpty();
            Map<String, String> filters = workspace.readSql(connection -> new SavedFilterRepository(connection).all());
            assertThat(filters).containsOnlyKeys("wrong");

            workspace.writeSql(connection -> new RunRepository(connection).delete(runId));
            // The run was the problems' only one: they go, and their notes and tags with them.
            assertThat(WorkspaceTest.count(workspace, "note")).isZero();
            assertThat(WorkspaceTest.count(workspace, "tag")).isZero();
        }
    }
}
