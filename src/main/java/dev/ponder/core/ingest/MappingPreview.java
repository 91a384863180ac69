package dev.ponder.core.ingest;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.read.GenericReader;
import dev.ponder.core.ingest.read.ParquetReader;
import dev.ponder.core.ingest.read.RunReader;
import dev.ponder.core.ingest.record.Enricher;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.IngestedSample;
import dev.ponder.core.ingest.record.IngestedTreeNode;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.SkippedRecord;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.tokens.TokenCounter;
import dev.ponder.core.tokens.TokenCounters;
import dev.ponder.core.trace.ThinkingSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a field mapping makes of the first records of a file, read exactly as the import would read them
 * (the same reader, enrichment and grading), so the mapping dialog shows the truth before anything is written.
 *
 * @param samples   the first samples (or tree nodes, as rows of their own)
 * @param skipped   records among the first ones that the mapping cannot read, with why
 */
public record MappingPreview(List<Row> samples, List<SkippedRecord> skipped) {

    /** One sample (or tree node: its step text, value and visits) as it would be stored, with its problem. */
    public record Row(
            String problem,
            String question,
            String gold,
            int index,
            String trace,
            String answer,
            Boolean correct,
            Integer tokens,
            boolean tokensEstimated,
            Double score,
            Integer visits) {}

    /** Thrown by the collecting sink once it has enough, to stop reading. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    public static MappingPreview of(Path file, FieldMapping mapping, int limit) throws IOException {
        String fileName = String.valueOf(file.getFileName());
        Collector collector = new Collector(limit);
        try (TokenCounter tokens = TokenCounters.named(null);
                InputStream in = Files.newInputStream(file)) {
            Enricher enricher = new Enricher(new ThinkingSplitter(), new AnswerExtractor(), Graders.MATH, tokens);
            ReadContext context = new ReadContext(fileName, file, enricher, mapping);
            RunReader reader =
                    ParquetReader.isParquet(FileHead.of(file)) ? new ParquetReader(List.of()) : new GenericReader();
            reader.read(in, context, collector);
        } catch (Enough enough) {
            // The preview is full.
        }
        return new MappingPreview(List.copyOf(collector.rows), List.copyOf(collector.skipped));
    }

    private static final class Collector extends IgnoringSink {
        private final int limit;
        private final Map<String, Problem> problems = new HashMap<>();
        private final List<Row> rows = new ArrayList<>();
        private final List<SkippedRecord> skipped = new ArrayList<>();

        Collector(int limit) {
            this.limit = limit;
        }

        @Override
        public void problem(Problem problem) {
            problems.putIfAbsent(problem.key(), problem);
        }

        @Override
        public void sample(IngestedSample ingested) {
            Sample sample = ingested.sample();
            Problem problem = problems.get(ingested.problemKey());
            add(new Row(
                    ingested.problemKey(),
                    problem == null ? null : problem.question(),
                    problem == null ? null : problem.goldAnswer(),
                    sample.index(),
                    sample.text(),
                    sample.answer().extracted(),
                    sample.correct(),
                    sample.tokens().total(),
                    sample.tokens().estimated(),
                    sample.score(),
                    null));
        }

        @Override
        public void treeNode(IngestedTreeNode ingested) {
            Problem problem = problems.get(ingested.problemKey());
            var node = ingested.node();
            add(new Row(
                    ingested.problemKey(),
                    problem == null ? null : problem.question(),
                    problem == null ? null : problem.goldAnswer(),
                    0,
                    node.stepText(),
                    node.answer(),
                    node.correct(),
                    null,
                    false,
                    node.value(),
                    node.visits()));
        }

        @Override
        public void skipped(String location, String reason) {
            if (skipped.size() < limit) {
                skipped.add(new SkippedRecord(location, reason));
            }
            if (skipped.size() >= limit && rows.isEmpty()) {
                throw new Enough();
            }
        }

        private void add(Row row) {
            rows.add(row);
            if (rows.size() >= limit) {
                throw new Enough();
            }
        }
    }
}
