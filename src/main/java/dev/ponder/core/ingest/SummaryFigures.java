package dev.ponder.core.ingest;

import dev.ponder.core.analysis.ColumnsCollector;
import dev.ponder.core.analysis.FirstFigures;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.read.InspectReader;
import dev.ponder.core.ingest.read.RunFormats;
import dev.ponder.core.ingest.read.RunReader;
import dev.ponder.core.ingest.record.Enricher;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.IngestedSample;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.model.Sample;
import dev.ponder.core.tokens.TokenCounter;
import dev.ponder.core.trace.ThinkingSplitter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's first figures before its samples are read, where the file keeps per-sample results apart from the text: an
 * Inspect {@code .eval}'s summaries (verdict and answer of every sample and epoch). Read and enriched as the import
 * reads and enriches the samples, so the figures are the imported run's: accuracy and pass@k when every summary has a
 * verdict (or an answer to grade), maj@k too when every summary has its answer (else the import takes the answer from
 * the text, which the summaries do not hold).
 */
public final class SummaryFigures {
    /** The summaries hold no text to count (and the first figures do not rest on token counts): nothing is loaded. */
    private static final TokenCounter NO_TEXT = new TokenCounter() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public boolean isEstimate() {
            return true;
        }

        @Override
        public int count(String text) {
            return 0;
        }
    };

    private SummaryFigures() {}

    /** The figures from the file's summaries; empty when it has none, or they do not decide the figures. */
    public static Optional<FirstFigures> of(Path file, ImportOptions options, StatsOptions stats) {
        String fileName = String.valueOf(file.getFileName());
        try {
            RunReader reader = RunFormats.standard().choose(options.format(), FileHead.of(file));
            if (!(reader instanceof InspectReader inspect)) {
                return Optional.empty();
            }
            Enricher enricher = new Enricher(
                    new ThinkingSplitter(), new AnswerExtractor(), Importer.grader(options, fileName), NO_TEXT);
            Gathered gathered = new Gathered();
            if (!inspect.readSummaries(new ReadContext(fileName, file, enricher), gathered)
                    || gathered.columns.samples() == 0
                    || gathered.undecided) {
                return Optional.empty();
            }
            FirstFigures figures = FirstFigures.of(gathered.columns.columns(), stats);
            return Optional.of(
                    gathered.unanswered
                            ? new FirstFigures(
                                    figures.problems(),
                                    figures.samples(),
                                    figures.gradedSamples(),
                                    figures.accuracy(),
                                    figures.passAtK(),
                                    List.of(),
                                    null)
                            : figures);
        } catch (IOException | RuntimeException e) {
            // a preview that cannot be had is left out: the import that follows says what is wrong with the file
            java.util.logging.Logger.getLogger(SummaryFigures.class.getName())
                    .log(java.util.logging.Level.FINE, "No figures from the summaries of " + fileName, e);
            return Optional.empty();
        }
    }

    /** The summaries' columns, problems numbered as they come. */
    private static final class Gathered extends IgnoringSink {
        final ColumnsCollector columns = new ColumnsCollector();
        private final Map<String, Long> problems = new HashMap<>();
        private long samples;
        boolean undecided;
        boolean unanswered;

        @Override
        public void sample(IngestedSample ingested) {
            Sample sample = ingested.sample();
            undecided |= sample.correct() == null;
            unanswered |= sample.answer().extracted() == null;
            long problemId = problems.computeIfAbsent(ingested.problemKey(), key -> (long) problems.size() + 1);
            columns.add(sample.stored(++samples, 1, problemId, null));
        }

        @Override
        public void skipped(String location, String reason) {
            undecided = true;
        }
    }
}
