package dev.ponder.core.ingest.record;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.answer.ExtractedAnswer;
import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.answer.MathEquivalence;
import dev.ponder.core.model.Answer;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.ThinkingSpan;
import dev.ponder.core.model.ThinkingSplit;
import dev.ponder.core.model.TokenCounts;
import dev.ponder.core.tokens.TokenCounter;
import dev.ponder.core.trace.ThinkingSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns what a file says about a sample into a stored sample (docs/architecture.md, "Layers and data flow"): the
 * thinking span and whether it was cut off, the answer part and the extracted answer with its voting key,
 * the verdict, token counts and PRM steps. What the file states wins over what Ponder works out: its own
 * extraction, its correctness labels, its token counts.
 */
public final class Enricher {
    /** How reasoning kept apart from the answer is joined to it, so one text holds the whole trace. */
    static final String REASONING_SEPARATOR = "\n\n";

    private final ThinkingSplitter splitter;
    private final AnswerExtractor extractor;
    private final Grader grader;
    private final TokenCounter tokens;
    private final LongAdder labelledByFile = new LongAdder();
    private final LongAdder gradedHere = new LongAdder();
    private final LongAdder estimatedCounts = new LongAdder();
    private final LongAdder counted = new LongAdder();
    private final LongAdder enriched = new LongAdder();

    public Enricher(ThinkingSplitter splitter, AnswerExtractor extractor, Grader grader, TokenCounter tokens) {
        this.splitter = splitter;
        this.extractor = extractor;
        this.grader = grader;
        this.tokens = tokens;
    }

    public IngestedSample enrich(SampleDraft draft, String gold) {
        enriched.increment();
        String text;
        ThinkingSplit split;
        if (draft.reasoning != null) {
            text = draft.text.isEmpty() ? draft.reasoning : draft.reasoning + REASONING_SEPARATOR + draft.text;
            int end = draft.reasoning.length();
            split = new ThinkingSplit(
                    new ThinkingSpan(0, end),
                    true,
                    draft.text.isEmpty() ? text.length() : end + REASONING_SEPARATOR.length());
        } else {
            text = draft.text;
            split = splitter.split(text);
        }
        ExtractedAnswer found = extractor.extract(text, split);
        String extracted = draft.answer != null ? draft.answer : found.extracted();
        Boolean correct = draft.correct;
        if (correct != null) {
            labelledByFile.increment();
        } else {
            correct = grader.grade(extracted, gold);
            if (correct != null) {
                gradedHere.increment();
            }
        }
        List<Step> steps = steps(text, draft.stepScores);
        Double score = draft.score != null
                ? draft.score
                : steps.isEmpty() ? null : steps.get(steps.size() - 1).score();
        Sample sample = new Sample(
                0,
                0,
                0,
                draft.index,
                draft.round,
                text,
                split.thinking(),
                split.truncated(),
                new Answer(found.answerText(), extracted, MathEquivalence.key(extracted)),
                correct,
                tokenCounts(draft, text, split),
                draft.finishReason,
                score,
                draft.budget,
                null,
                draft.metaJson);
        return new IngestedSample(
                draft.problemKey, draft.fileId, draft.parentFileId, sample, steps, List.of(), draft.correct);
    }

    /** The import's grader's verdict on an answer, e.g. a search-tree node's final answer. */
    public Boolean grade(String answer, String gold) {
        return grader.grade(answer, gold);
    }

    /** Whether any sample went through here (a Ponder file's samples arrive complete and do not). */
    public boolean used() {
        return enriched.sum() > 0;
    }

    /** The grader to record with the run: the file's labels, Ponder's grader, or both where they shared the work. */
    public String graderLabel() {
        boolean file = labelledByFile.sum() > 0;
        boolean here = gradedHere.sum() > 0;
        if (file && here) {
            return Graders.FILE_LABELS + ", else " + grader.name();
        }
        return file ? Graders.FILE_LABELS : here ? grader.name() : null;
    }

    /** How token counts were obtained, for the run's provenance: the file, the tokenizer, or both. */
    public String tokenSource() {
        long estimated = estimatedCounts.sum();
        if (estimated == 0) {
            return counted.sum() == 0 ? "file" : tokens.name();
        }
        return tokens.isEstimate() && counted.sum() == estimated ? tokens.name() : "file, else " + tokens.name();
    }

    private TokenCounts tokenCounts(SampleDraft draft, String text, ThinkingSplit split) {
        boolean estimated = false;
        Integer total = draft.totalTokens;
        if (total == null) {
            total = tokens.count(text);
            estimated = tokens.isEstimate();
            counted.increment();
        }
        Integer thinking = draft.thinkingTokens;
        if (thinking == null && split.thinking() != null) {
            int thinkingChars = split.thinking().length();
            if (draft.totalTokens != null && !text.isEmpty()) {
                // The file counted the whole generation only: share it out by characters rather than re-tokenize.
                thinking = (int) Math.round((double) total * thinkingChars / text.length());
                estimated = true;
            } else {
                thinking = tokens.count(text.substring(
                        split.thinking().start(), split.thinking().end()));
                estimated |= tokens.isEstimate();
            }
        }
        if (estimated) {
            estimatedCounts.increment();
        }
        return new TokenCounts(total, thinking, estimated);
    }

    /**
     * PRM steps: search-and-learn scores the pieces of {@code completion.split("\n\n")}, one score per piece,
     * empty pieces included. Pieces and scores pair up in order; extra scores or pieces are left out.
     */
    static List<Step> steps(String text, List<Double> scores) {
        if (scores.isEmpty()) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>(scores.size());
        int position = 0;
        while (steps.size() < scores.size()) {
            int end = text.indexOf("\n\n", position);
            int pieceEnd = end < 0 ? text.length() : end;
            steps.add(new Step(steps.size(), position, pieceEnd, scores.get(steps.size())));
            if (end < 0) {
                break;
            }
            position = end + 2;
        }
        return steps;
    }
}
