package dev.ponder.app.replay;

import dev.ponder.core.replay.ReplayStrategy;
import dev.ponder.core.service.ReplayPlan;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the Replay tab's fields say: the strategy and its settings, starting from {@link ReplayPlan}'s defaults,
 * made into a plan on Start.
 */
public final class ReplayForm {

    /** A branch point chosen in the inspector: a sample and a character position in its text. */
    public record BranchPoint(long sampleId, int position, String description) {}

    private final ObjectProperty<ReplayStrategy> strategy = new SimpleObjectProperty<>(ReplayStrategy.BUDGET_FORCING);
    private final StringProperty budgets = new SimpleStringProperty("16, 32, 64, 128");
    private final IntegerProperty extensions = new SimpleIntegerProperty(0);
    private final StringProperty waitWord = new SimpleStringProperty(ReplayPlan.WAIT_WORD);
    private final StringProperty answerPrompt = new SimpleStringProperty(ReplayPlan.ANSWER_PROMPT);
    private final IntegerProperty samples = new SimpleIntegerProperty(1);
    private final IntegerProperty rounds = new SimpleIntegerProperty(ReplayPlan.ROUNDS);
    private final DoubleProperty temperature = new SimpleDoubleProperty(ReplayPlan.TEMPERATURE);
    private final IntegerProperty seed = new SimpleIntegerProperty(0);
    private final IntegerProperty concurrency = new SimpleIntegerProperty(ReplayPlan.CONCURRENCY);
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<BranchPoint> branchPoint = new SimpleObjectProperty<>();

    ReplayForm() {
        strategy.addListener((o, before, now) -> {
            // Only budget forcing sweeps budgets; elsewhere a list left from a sweep would cap at its first value
            // unseen.
            if (now != ReplayStrategy.BUDGET_FORCING && parsesToSeveral(budgets.get())) {
                budgets.set("");
            }
        });
    }

    public ObjectProperty<ReplayStrategy> strategyProperty() {
        return strategy;
    }

    /** Thinking budgets as typed: numbers separated by commas or spaces. */
    public StringProperty budgetsProperty() {
        return budgets;
    }

    public IntegerProperty extensionsProperty() {
        return extensions;
    }

    /** The word appended to extend thinking (s1: "Wait"). */
    public StringProperty waitWordProperty() {
        return waitWord;
    }

    /** What follows a thinking closed by the budget (s1: "Final Answer:"). */
    public StringProperty answerPromptProperty() {
        return answerPrompt;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public IntegerProperty roundsProperty() {
        return rounds;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    /** The new run's name; blank for one made from the strategy, the run replayed and the model. */
    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<BranchPoint> branchPointProperty() {
        return branchPoint;
    }

    /** Branch from here: K continuations of a sample's text from a position, chosen in the inspector. */
    void branchFrom(long sampleId, int position, String description) {
        branchPoint.set(new BranchPoint(sampleId, position, description));
        strategy.set(ReplayStrategy.BRANCH);
        if (samples.get() < 2) {
            samples.set(4);
        }
    }

    /** The plan the fields describe, of these problems of the run; an exception says what is wrong. */
    ReplayPlan plan(Long runId, List<Long> problemIds) {
        BranchPoint point = branchPoint.get();
        ReplayPlan.Branch branch = strategy.get() == ReplayStrategy.BRANCH && point != null
                ? ReplayPlan.Branch.at(point.sampleId(), point.position(), point.description())
                : null;
        return new ReplayPlan(
                name.get(),
                strategy.get(),
                runId == null ? null : ReplayPlan.Problems.ofRun(runId, problemIds),
                branch,
                parseBudgets(budgets.get()),
                false,
                ReplayPlan.forcing(extensions.get(), waitWord.get(), 0, answerPrompt.get()),
                samples.get(),
                rounds.get(),
                temperature.get(),
                ReplayPlan.TOP_P,
                seed.get(),
                concurrency.get());
    }

    private static boolean parsesToSeveral(String text) {
        try {
            return parseBudgets(text).size() > 1;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static List<Integer> parseBudgets(String text) {
        List<Integer> parsed = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                parsed.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Thinking budgets are whole numbers of tokens, like 16, 32, 64; '" + part + "' is not one.");
            }
        }
        return parsed;
    }
}
