package dev.ponder.core.service;

import dev.ponder.core.judge.AnswerJudge;
import dev.ponder.core.judge.JudgePrompt;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.ReplayException;
import dev.ponder.core.store.JudgeVerdictRepository;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A model as a grader (docs/methods.md, "Model judge"): what asking it about a run's answers would take, and asking
 * it. Each distinct answer–gold pair is asked once and its verdict kept in the workspace as it comes, so a pair that
 * fails costs only itself and a later run asks only what is left. Never the default grader: its verdicts take part
 * in the grader agreement beside Ponder's graders.
 */
public final class JudgeService {
    private static final Logger LOG = Logger.getLogger(JudgeService.class.getName());
    /** Characters per token, for an estimate before any request is made. */
    private static final double CHARACTERS_PER_TOKEN = 4;

    private final Workspace workspace;

    JudgeService(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * What asking would take, said before anything is asked.
     *
     * @param judge        the judge's name (its model and prompt version)
     * @param pairs        distinct answer–gold pairs in the run (samples with an answer and a gold answer)
     * @param judged       of those, the ones the judge has answered already
     * @param promptTokens about how many prompt tokens asking the rest sends
     * @param outputTokens at most how many tokens the replies may take (most are a word)
     */
    public record Plan(String judge, int pairs, int judged, long promptTokens, long outputTokens) {
        public int toAsk() {
            return pairs - judged;
        }

        /** "about 950 prompt tokens, at most 7,168 output tokens": what asking the rest takes. */
        public String cost() {
            return String.format(
                    java.util.Locale.ROOT,
                    "about %,d prompt tokens, at most %,d output tokens",
                    promptTokens,
                    outputTokens);
        }
    }

    /** What asking did: pairs answered yes, no, or neither; pairs that failed (asked again next time). */
    public record Result(String judge, int asked, int same, int different, int unreadable, int failed) {
        /** "about 7 pairs: 5 the same, 1 different, 1 said neither; 1 failed (...)", after "Asked [the judge] ". */
        public String summary() {
            return String.format(
                    java.util.Locale.ROOT,
                    "about %s: %,d the same, %,d different, %,d said neither%s",
                    dev.ponder.core.Plural.of(asked, "pair"),
                    same,
                    different,
                    unreadable,
                    failed == 0
                            ? ""
                            : String.format(
                                    java.util.Locale.ROOT,
                                    "; %,d failed (asked again next time; the log has why)",
                                    failed));
        }
    }

    public Plan plan(long runId, ModelConnection connection) {
        requireServer(connection);
        String judge = AnswerJudge.nameOf(connection.model());
        Map<String, String[]> pairs = pairs(runId);
        Map<String, Boolean> known =
                workspace.read(tables -> tables.judgeVerdicts().verdicts(judge));
        long characters = 0;
        int judged = 0;
        for (Map.Entry<String, String[]> pair : pairs.entrySet()) {
            if (known.containsKey(pair.getKey())) {
                judged++;
            } else {
                characters += JudgePrompt.about(pair.getValue()[0], pair.getValue()[1])
                        .length();
            }
        }
        int toAsk = pairs.size() - judged;
        return new Plan(
                judge,
                pairs.size(),
                judged,
                Math.round(characters / CHARACTERS_PER_TOKEN),
                (long) toAsk * AnswerJudge.maxTokens());
    }

    /** Asks the judge about every pair of the run it has not answered, {@code concurrency} at a time. */
    public Result judge(long runId, ModelConnection connection, int concurrency, TaskContext context)
            throws ReplayException {
        requireServer(connection);
        AnswerJudge judge = new AnswerJudge(connection.server(), connection.model());
        Map<String, Boolean> known =
                workspace.read(tables -> tables.judgeVerdicts().verdicts(judge.name()));
        List<String[]> toAsk = new ArrayList<>();
        pairs(runId).forEach((key, pair) -> {
            if (!known.containsKey(key)) {
                toAsk.add(pair);
            }
        });
        context.message("Asking " + connection.model() + " about " + toAsk.size() + " answer pairs");
        AtomicLong done = new AtomicLong();
        int[] counts = new int[4];
        ExecutorService askers = Executors.newFixedThreadPool(Math.max(1, concurrency), task -> {
            Thread thread = new Thread(task, "ponder-judge");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> asked = new ArrayList<>();
            for (String[] pair : toAsk) {
                asked.add(askers.submit(() -> {
                    int outcome = ask(judge, pair, context);
                    synchronized (counts) {
                        counts[outcome]++;
                    }
                    context.progress(done.incrementAndGet(), toAsk.size());
                }));
            }
            for (Future<?> one : asked) {
                try {
                    one.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.log(Level.WARNING, "a judge request failed outside its own handling", e.getCause());
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            askers.shutdownNow();
        }
        context.checkCancelled();
        return new Result(judge.name(), toAsk.size(), counts[0], counts[1], counts[2], counts[3]);
    }

    /** One pair: 0 same, 1 different, 2 neither, 3 failed (not kept, so asked again next time). */
    private int ask(AnswerJudge judge, String[] pair, TaskContext context) {
        if (context.isCancelled()) {
            return 3;
        }
        try {
            AnswerJudge.Reply reply = judge.ask(pair[0], pair[1], context::isCancelled);
            workspace.write(tables -> {
                tables.judgeVerdicts().put(judge.name(), pair[0], pair[1], reply.verdict(), reply.text());
                return null;
            });
            return reply.verdict() == null ? 2 : reply.verdict() ? 0 : 1;
        } catch (ReplayException | RuntimeException failed) {
            LOG.log(Level.WARNING, "The judge did not answer about one pair; it is asked again next time", failed);
            return 3;
        }
    }

    /** The run's distinct answer–gold pairs, by {@link JudgeVerdictRepository#pair} key, in the run's order. */
    private Map<String, String[]> pairs(long runId) {
        Map<String, String[]> pairs = new LinkedHashMap<>();
        workspace.read(tables -> {
            tables.analysisRows().columns(runId, null, true, row -> {
                String answer = row.extractedAnswer();
                String gold = row.gold();
                if (answer != null && !answer.isBlank() && gold != null && !gold.isBlank()) {
                    pairs.putIfAbsent(JudgeVerdictRepository.pair(answer, gold), new String[] {answer, gold});
                }
            });
            return null;
        });
        return pairs;
    }

    private static void requireServer(ModelConnection connection) {
        if (connection.kind() != ModelConnection.Kind.OPENAI_COMPATIBLE) {
            throw new IllegalArgumentException("a judge is a model behind a server (an OpenAI-compatible connection); '"
                    + connection.name() + "' runs a model file in Ponder");
        }
    }
}
