package dev.ponder.core.compute;

import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunAttribute;
import java.util.List;

/** A run's place in a budget sweep: the budget it was given and the sweep (group) it belongs to. */
public final class RunBudget {
    private RunBudget() {}

    /** The run's {@code budget} attribute, else its {@code max_tokens}, or {@code null}. */
    public static Double budget(Run run) {
        for (String key : List.of(RunAttribute.BUDGET.key(), RunAttribute.MAX_TOKENS.key())) {
            String value = run.params().get(key);
            if (value != null) {
                try {
                    return Double.parseDouble(value.strip());
                } catch (NumberFormatException ignored) {
                    // An unreadable attribute counts as none.
                }
            }
        }
        return null;
    }

    /** The sweep the run belongs to: its {@code group} attribute, else its model, else "runs". */
    public static String group(Run run) {
        String group = run.params().get(RunAttribute.GROUP.key());
        if (group != null && !group.isBlank()) {
            return group;
        }
        return run.model() != null && !run.model().isBlank() ? run.model() : "runs";
    }
}
