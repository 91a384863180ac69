package dev.ponder.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunAttributeTest {
    private final Run run = new Run(
            7,
            "aime",
            new RunSource("/r.jsonl", "lm-eval", "ab"),
            Instant.EPOCH,
            "qwq",
            null,
            Map.of("budget", "1024", "top_p", "0.95"),
            null,
            "file labels",
            null);

    @Test
    void checksValuesByKind() {
        assertThat(RunAttribute.BUDGET.problem("4096")).isEmpty();
        assertThat(RunAttribute.BUDGET.problem(" ")).isEmpty();
        assertThat(RunAttribute.BUDGET.problem("4k"))
                .contains("Thinking budget must be a whole number of tokens above 0, not '4k'");
        assertThat(RunAttribute.BUDGET.problem("0")).isPresent();
        assertThat(RunAttribute.SEED.problem("-3")).isEmpty();
        assertThat(RunAttribute.TEMPERATURE.problem("0.6")).isEmpty();
        assertThat(RunAttribute.TEMPERATURE.problem("NaN")).isPresent();
        assertThat(RunAttribute.TEMPERATURE.problem("-1")).isPresent();
        assertThat(RunAttribute.GROUP.problem("budget sweep A")).isEmpty();
    }

    @Test
    void readsFieldsAndParameters() {
        assertThat(RunAttribute.NAME.of(run)).isEqualTo("aime");
        assertThat(RunAttribute.MODEL.of(run)).isEqualTo("qwq");
        assertThat(RunAttribute.BUDGET.of(run)).isEqualTo("1024");
        assertThat(RunAttribute.GROUP.of(run)).isNull();
        assertThat(RunAttribute.byKey("MAX_TOKENS")).contains(RunAttribute.MAX_TOKENS);
        assertThat(RunAttribute.byKey("top_p")).isEmpty();
    }

    @Test
    void appliesEditsAndKeepsEverythingElse() {
        Map<RunAttribute, String> edits = new EnumMap<>(RunAttribute.class);
        edits.put(RunAttribute.NAME, "  ");
        edits.put(RunAttribute.MODEL, "");
        edits.put(RunAttribute.STRATEGY, " budget-forcing ");
        edits.put(RunAttribute.BUDGET, "");
        edits.put(RunAttribute.GROUP, "sweep A");
        Run edited = RunAttribute.apply(run, edits);
        assertThat(edited.name()).isEqualTo("aime");
        assertThat(edited.model()).isNull();
        assertThat(edited.strategy()).isEqualTo("budget-forcing");
        assertThat(edited.params()).containsExactly(Map.entry("group", "sweep A"), Map.entry("top_p", "0.95"));
        assertThat(edited.id()).isEqualTo(7);
        assertThat(edited.grader()).isEqualTo("file labels");
    }

    @Test
    void refusesABadValue() {
        assertThatThrownBy(() -> RunAttribute.apply(run, Map.of(RunAttribute.SEED, "one")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Seed must be a whole number, not 'one'");
    }
}
