package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.analysis.ProblemTable.ProblemText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTableTest {
    /** Problem 10: 3 of 4 right, majority 42; problem 20: 1 of 3 right, majority 7 (wrong); problem 30: ungraded. */
    private static RunColumns run() {
        return new RunColumns.Builder()
                .problem(10)
                .sample(1, 0, true, "42", "42", 0.9, 100, 80, true)
                .sample(2, 1, true, "42", "42", 0.8, 200, 150, true)
                .sample(3, 2, false, "41", "41", 0.1, 300, null, true)
                .sample(4, 3, true, "42", "42.0", null, null, null, true)
                .problem(20)
                .sample(5, 0, false, "7", "7", null, 50, null, true)
                .sample(6, 1, false, "7", "7", null, 70, null, true)
                .sample(7, 2, true, "8", "8", null, 900, null, false)
                .problem(30)
                .sample(8, 0, null, null, null, null, 10, null, true)
                .build();
    }

    private static List<ProblemRow> rows(List<SampleEfficiency> efficiency) {
        return ProblemTable.of(
                run(),
                Map.of(
                        10L,
                        new ProblemText("p/10", "  What is\n 40 + 2? ", "42"),
                        20L,
                        new ProblemText("p/20", "What is 4 * 2?", "8")),
                Map.of(20L, List.of("grader error")),
                efficiency);
    }

    @Test
    void summarisesEachProblem() {
        List<ProblemRow> rows = rows(null);
        ProblemRow first = rows.get(0);
        assertThat(first.key()).isEqualTo("p/10");
        assertThat(first.question()).isEqualTo("What is 40 + 2?");
        assertThat(first.samples()).isEqualTo(4);
        assertThat(first.passRate()).isEqualTo(0.75);
        assertThat(first.majorityAnswer()).isEqualTo("42");
        assertThat(first.majorityCorrect()).isTrue();
        assertThat(first.margin()).isEqualTo(0.5);
        assertThat(first.meanTokens()).isEqualTo((80 + 150 + 300) / 3.0);
        assertThat(first.maxTokens()).isEqualTo(300);
        assertThat(first.firstCorrectAt()).isNaN();

        ProblemRow second = rows.get(1);
        assertThat(second.majorityAnswer()).isEqualTo("7");
        assertThat(second.majorityCorrect()).isFalse();
        assertThat(second.maxTokens()).isEqualTo(900);
        assertThat(second.tags()).containsExactly("grader error");
        // pass rates 0.75 and 1/3: quintile edges between them put the easier one on a lower level
        assertThat(first.difficulty()).isLessThan(second.difficulty());

        ProblemRow third = rows.get(2);
        assertThat(third.key()).isEqualTo("#30");
        assertThat(third.passRate()).isNaN();
        assertThat(third.majorityAnswer()).isNull();
        assertThat(third.difficulty()).isEqualTo(-1);
    }

    @Test
    void theFirstCorrectPositionIsTheMeanShareOverSamplesThatStateOne() {
        List<SampleEfficiency> facts = List.of(
                new SampleEfficiency(100, 20, 0, 0, 0, 0, 0, 0), new SampleEfficiency(200, 100, 0, 0, 0, 0, 0, 0),
                new SampleEfficiency(300, -1, 0, 0, 0, 0, 0, 0), new SampleEfficiency(0, -1, 0, 0, 0, 0, 0, 0),
                new SampleEfficiency(50, -1, 0, 0, 0, 0, 0, 0), new SampleEfficiency(70, -1, 0, 0, 0, 0, 0, 0),
                new SampleEfficiency(900, 810, 0, 0, 0, 0, 0, 0), new SampleEfficiency(10, -1, 0, 0, 0, 0, 0, 0));
        List<ProblemRow> rows = ProblemTable.withEfficiency(rows(null), run(), facts);
        assertThat(rows.get(0).firstCorrectAt()).isEqualTo((0.2 + 0.5) / 2);
        assertThat(rows.get(0).foundEarly()).isTrue();
        assertThat(rows.get(1).firstCorrectAt()).isEqualTo(0.9);
        assertThat(rows.get(1).foundEarly()).isFalse();
        assertThat(rows.get(2).firstCorrectAt()).isNaN();
        assertThat(rows.get(2).foundEarly()).isFalse();
    }

    @Test
    void filtersKeepWhatEachPartAsksFor() {
        List<ProblemRow> rows = rows(null);
        assertThat(rows).filteredOn(ProblemFilter.ALL).hasSize(3);
        assertThat(keys(rows, new ProblemFilter("", ProblemFilter.Majority.WRONG, 0, null, null, false, null)))
                .containsExactly("p/20");
        assertThat(keys(rows, new ProblemFilter("", ProblemFilter.Majority.RIGHT, 0, null, null, false, null)))
                .containsExactly("p/10");
        assertThat(keys(rows, new ProblemFilter("40 +", null, 0, null, null, false, null)))
                .containsExactly("p/10");
        assertThat(keys(rows, new ProblemFilter("what 4 *", null, 0, null, null, false, null)))
                .containsExactly("p/20");
        assertThat(keys(rows, new ProblemFilter("", null, 0, 100.0, null, false, null)))
                .containsExactly("p/10", "p/20");
        assertThat(keys(rows, new ProblemFilter("", null, 0, null, 200.0, false, null)))
                .containsExactly("p/10", "#30");
        assertThat(keys(rows, new ProblemFilter("", null, 0, null, null, false, "Grader Error")))
                .containsExactly("p/20");
        assertThat(keys(rows, new ProblemFilter("", null, rows.get(0).difficulty(), null, null, false, null)))
                .containsExactly("p/10");
    }

    @Test
    void aFilterSurvivesBeingSavedAndReadBack() {
        ProblemFilter filter =
                new ProblemFilter("carry", ProblemFilter.Majority.WRONG, 3, 100.0, null, true, "overthinking");
        String json = filter.toJson();
        assertThat(json).doesNotContain("\"all\"");
        assertThat(ProblemFilter.fromJson(json)).isEqualTo(filter);
        assertThat(ProblemFilter.fromJson("{\"text\":\"x\"}"))
                .isEqualTo(new ProblemFilter("x", null, 0, null, null, false, null));
        assertThatThrownBy(() -> ProblemFilter.fromJson("[1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a saved problem filter");
    }

    private static List<String> keys(List<ProblemRow> rows, ProblemFilter filter) {
        return rows.stream().filter(filter).map(ProblemRow::key).toList();
    }
}
