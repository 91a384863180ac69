package dev.ponder.app.inspector;

import dev.ponder.core.trace.AnswerTimeline;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * A slim vertical strip beside the trace: the trace's length top to bottom, a dot for each answer it states where
 * the statement ends (green correct, red wrong, grey ungraded), the first correct one ringed and the stretch after
 * it shaded. Clicking a dot scrolls the text to that answer.
 */
final class AnswerTimelineBar extends Region {
    private static final double PAD = 8;

    private final Line axis = new Line();
    private final Rectangle after = new Rectangle();
    private AnswerTimeline timeline = new AnswerTimeline(List.of(), 0);
    private int firstCorrect = -1;
    private String unit = "tokens";
    private Consumer<AnswerTimeline.Entry> onPick = entry -> {};

    AnswerTimelineBar() {
        getStyleClass().add("answer-timeline");
        axis.getStyleClass().add("timeline-axis");
        after.getStyleClass().add("timeline-after");
        setMinWidth(30);
        setPrefWidth(30);
        setMaxWidth(30);
    }

    void onPick(Consumer<AnswerTimeline.Entry> action) {
        onPick = action;
    }

    void show(AnswerTimeline shownTimeline, int first, boolean tokens) {
        timeline = shownTimeline;
        firstCorrect = first;
        unit = tokens ? "tokens" : "characters";
        getChildren().clear();
        getChildren().addAll(after, axis);
        List<AnswerTimeline.Entry> entries = timeline.entries();
        for (int i = 0; i < entries.size(); i++) {
            AnswerTimeline.Entry entry = entries.get(i);
            Circle dot = new Circle(i == first ? 6 : 4.5);
            dot.getStyleClass()
                    .addAll(
                            "timeline-dot",
                            entry.correct() == null ? "dot-ungraded" : entry.correct() ? "dot-right" : "dot-wrong");
            if (i == first) {
                dot.getStyleClass().add("dot-first-correct");
            }
            Tooltip.install(
                    dot,
                    new Tooltip(String.format(
                            Locale.ROOT,
                            "%s at %,d %s%s%s",
                            entry.answer(),
                            entry.tokenEnd(),
                            unit,
                            entry.correct() == null ? "" : entry.correct() ? " — correct" : " — wrong",
                            i == first ? " (first correct)" : "")));
            dot.setOnMouseClicked(event -> onPick.accept(entry));
            dot.setUserData(entry);
            getChildren().add(dot);
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double top = PAD;
        double height = Math.max(1, getHeight() - 2 * PAD);
        double x = width / 2;
        axis.setStartX(x);
        axis.setEndX(x);
        axis.setStartY(top);
        axis.setEndY(top + height);
        int length = Math.max(1, timeline.tokens());
        after.setVisible(firstCorrect >= 0);
        if (firstCorrect >= 0) {
            double from = top
                    + height
                            * Math.min(
                                    1,
                                    (double) timeline.entries()
                                                    .get(firstCorrect)
                                                    .tokenEnd()
                                            / length);
            after.setX(2);
            after.setWidth(width - 4);
            after.setY(from);
            after.setHeight(Math.max(0, top + height - from));
        }
        getChildren().stream()
                .filter(Circle.class::isInstance)
                .map(Circle.class::cast)
                .forEach(dot -> {
                    AnswerTimeline.Entry entry = (AnswerTimeline.Entry) dot.getUserData();
                    dot.setCenterX(x);
                    dot.setCenterY(top + height * Math.min(1, (double) entry.tokenEnd() / length));
                });
    }
}
