package dev.ponder.core.answer;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.form.tex.TeXParser;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Qwen2.5-Math's {@code symbolic_equal} on Symja instead of SymPy: both answers parsed from LaTeX (else as plain
 * input), then equal if they are the same expression, if {@code Simplify(a - b)} is zero, if both are equations whose
 * {@code |lhs - rhs|} simplify alike, or if their numeric values are within a relative 1e-4. Each comparison runs on
 * one of Ponder's worker threads under a time limit, as the reference's evaluation runs it in a process it kills after
 * {@value #LIMIT_SECONDS} s: past it the answers count as different. Verdicts are remembered, so a pair repeated
 * across a run is decided once. Symja never touches files and never prints.
 */
final class SymbolicEquality {
    static final int LIMIT_SECONDS = 3;
    /** How long the algebra system may take to start on a worker before comparisons give up on it. */
    private static final int STARTING_SECONDS = 120;

    private static final Logger LOG = Logger.getLogger(SymbolicEquality.class.getName());
    /** The algebra library Symja factors with logs every step at INFO; its warnings are enough in Ponder's log. */
    private static final Logger ALGEBRA_LOG = quieted("edu.jas");

    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ponder-symbolic-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    /** Verdicts already reached: a run repeats its answers, and a regrade should not wait on one twice. */
    private static final Map<String, Boolean> DECIDED = new ConcurrentHashMap<>();

    private static final int REMEMBERED = 100_000;
    private static final ThreadLocal<ExprEvaluator> EVALUATOR = ThreadLocal.withInitial(SymbolicEquality::evaluator);

    private SymbolicEquality() {}

    /** Whether the two answers are the same mathematical object, {@code false} when that cannot be decided in time. */
    static boolean equal(String first, String second) {
        String pair = first + '\u0000' + second;
        Boolean known = DECIDED.get(pair);
        if (known != null) {
            return known;
        }
        Boolean verdict = decide(first, second, Duration.ofSeconds(LIMIT_SECONDS));
        if (verdict == null) {
            return false; // not remembered: on a less busy moment it may be decided
        }
        if (DECIDED.size() >= REMEMBERED) {
            DECIDED.clear();
        }
        DECIDED.put(pair, verdict);
        return verdict;
    }

    static boolean equal(String first, String second, Duration limit) {
        return Boolean.TRUE.equals(decide(first, second, limit));
    }

    /**
     * The verdict, or {@code null} when the comparison ran past {@code limit} or failed. The limit counts from when
     * the worker's algebra system is ready: starting it (a second or more the first time, longer on a busy machine)
     * is not the comparison's time.
     */
    private static Boolean decide(String first, String second, Duration limit) {
        AtomicReference<EvalEngine> running = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        Future<Boolean> comparison = WORKERS.submit(() -> {
            ExprEvaluator evaluator;
            try {
                evaluator = EVALUATOR.get();
                running.set(evaluator.getEvalEngine());
                evaluator.getEvalEngine().setStopRequested(false);
            } finally {
                ready.countDown();
            }
            return compare(evaluator, first, second);
        });
        try {
            if (!ready.await(STARTING_SECONDS, TimeUnit.SECONDS)) {
                comparison.cancel(true);
                LOG.warning("the algebra system did not start within " + STARTING_SECONDS + " s; taken as different");
                return null;
            }
            return comparison.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            EvalEngine engine = running.get();
            if (engine != null) {
                engine.stopRequest();
            }
            comparison.cancel(true);
            LOG.fine(() -> "symbolic comparison past " + limit.toMillis() + " ms, taken as different: " + first + " | "
                    + second);
            return null;
        } catch (ExecutionException failed) {
            LOG.log(Level.FINE, "symbolic comparison failed, taken as different: " + first + " | " + second, failed);
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            comparison.cancel(true);
            return null;
        }
    }

    private static boolean compare(ExprEvaluator evaluator, String first, String second) {
        IExpr a = parse(evaluator, first);
        IExpr b = parse(evaluator, second);
        if (a == null || b == null) {
            return first.equals(second);
        }
        if (a.equals(b) || a.toString().equals(b.toString())) {
            return true;
        }
        // Two constants with finite values are settled by those values: Simplify(a - b) is zero exactly when they
        // agree (up to rounding far below the tolerance), and it can take seconds where evaluating takes microseconds.
        double[] values = constant(a) && constant(b) ? values(evaluator, a, b) : null;
        if (values != null) {
            return QwenMath.isClose(values[0], values[1]);
        }
        if (zero(evaluator, F.Subtract(a, b))) {
            return true;
        }
        if (a.isAST(F.Equal, 3)
                && b.isAST(F.Equal, 3)
                && zero(
                        evaluator,
                        F.Subtract(
                                F.Abs(F.Subtract(a.first(), a.second())), F.Abs(F.Subtract(b.first(), b.second()))))) {
            return true;
        }
        return numericallyEqual(evaluator, a, b);
    }

    private static boolean constant(IExpr expression) {
        return expression.isNumericFunction(true);
    }

    private static IExpr parse(ExprEvaluator evaluator, String text) {
        for (String candidate : new String[] {text.replace("\\\\", "\\"), text}) {
            try {
                return new TeXParser().parse(candidate);
            } catch (RuntimeException | StackOverflowError notLatex) {
                try {
                    return evaluator.parse(candidate);
                } catch (RuntimeException | StackOverflowError notInput) {
                    // the next spelling, as the reference tries each parser on both
                }
            }
        }
        return null;
    }

    private static boolean zero(ExprEvaluator evaluator, IExpr difference) {
        try {
            return evaluator.eval(F.Simplify(difference)).isZero();
        } catch (RuntimeException | StackOverflowError undecided) {
            return false;
        }
    }

    /** Python's {@code math.isclose(b, a, rel_tol=1e-4)} on both values, as the reference's {@code numeric_equal}. */
    private static boolean numericallyEqual(ExprEvaluator evaluator, IExpr a, IExpr b) {
        try {
            double x = evaluator.evalf(a);
            double y = evaluator.evalf(b);
            return QwenMath.isClose(x, y);
        } catch (RuntimeException | StackOverflowError notNumbers) {
            return false;
        }
    }

    /** Both values, when both are finite numbers; else {@code null}. */
    private static double[] values(ExprEvaluator evaluator, IExpr a, IExpr b) {
        try {
            double x = evaluator.evalf(a);
            double y = evaluator.evalf(b);
            return Double.isFinite(x) && Double.isFinite(y) ? new double[] {x, y} : null;
        } catch (RuntimeException | StackOverflowError notNumbers) {
            return null;
        }
    }

    private static Logger quieted(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }

    private static ExprEvaluator evaluator() {
        Config.FILESYSTEM_ENABLED = false;
        Config.JAS_NO_THREADS = true;
        ExprEvaluator evaluator = new ExprEvaluator(false, (short) 20);
        EvalEngine engine = evaluator.getEvalEngine();
        engine.setFileSystemEnabled(false);
        engine.setQuietMode(true);
        engine.setOutPrintStream(SILENT);
        engine.setErrorPrintStream(SILENT);
        EvalEngine.set(engine);
        return evaluator;
    }
}
