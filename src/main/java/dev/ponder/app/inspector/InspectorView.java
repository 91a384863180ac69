package dev.ponder.app.inspector;

import dev.ponder.app.common.Fxml;
import dev.ponder.app.common.TagChips;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import dev.ponder.core.model.Step;
import dev.ponder.core.trace.ReflectionMarkers;
import dev.ponder.core.trace.TraceHighlights;
import dev.ponder.core.trace.TraceReading;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.TwoDimensional;

/**
 * The trace inspector: a read-only, virtualized text area with the trace's highlighting, a gutter with line
 * numbers, PRM steps and inserted text, the answer timeline beside it, a find bar, tags and a note.
 */
public final class InspectorView {
    private final InspectorViewModel viewModel;
    private final ObservableList<String> knownTags;
    private final LongConsumer compare;
    private final Parent root;
    private final CodeArea area = new CodeArea();
    private final AnswerTimelineBar timeline = new AnswerTimelineBar();
    private Map<Integer, List<Node>> gutterTags = Map.of();
    private LatencyLog latency = LatencyLog.OFF;

    @FXML
    private BorderPane content;

    @FXML
    private Label emptyState;

    @FXML
    private Label heading;

    @FXML
    private FlowPane tagChips;

    @FXML
    private ComboBox<String> tagInput;

    @FXML
    private HBox findBar;

    @FXML
    private TextField findField;

    @FXML
    private Label findCount;

    @FXML
    private HBox textRow;

    @FXML
    private StackPane textSlot;

    @FXML
    private ToggleButton noteToggle;

    @FXML
    private VBox noteBox;

    @FXML
    private TextArea noteArea;

    public InspectorView(InspectorViewModel viewModel, ObservableList<String> knownTags, LongConsumer compare) {
        this.viewModel = viewModel;
        this.knownTags = knownTags;
        this.compare = compare;
        this.root = Fxml.load(this, "Inspector.fxml");
    }

    public Parent root() {
        return root;
    }

    /** The text area, for keyboard focus. */
    public Node textArea() {
        return area;
    }

    /**
     * Offers "Branch from Here" on the trace's context menu: {@code action} gets the sample shown, the problem's
     * key and the character position right-clicked (or the caret's, from the keyboard).
     */
    public void onBranchFromHere(BranchAction action) {
        javafx.scene.control.MenuItem branch = new javafx.scene.control.MenuItem("Branch from Here…");
        branch.setId("branch-from-here");
        int[] at = {0};
        branch.setOnAction(event -> {
            InspectorViewModel.Shown shown = viewModel.shownProperty().get();
            if (shown != null) {
                action.branch(
                        shown.sample(),
                        shown.problemKey(),
                        Math.min(at[0], shown.sample().text().length()));
            }
        });
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy");
        copy.setOnAction(event -> area.copy());
        area.setContextMenu(new javafx.scene.control.ContextMenu(copy, branch));
        area.setOnContextMenuRequested(event -> at[0] = event.isKeyboardTrigger()
                ? area.getCaretPosition()
                : area.hit(event.getX(), event.getY()).getInsertionIndex());
    }

    /** What "Branch from Here" does with the sample, its problem's key and the position chosen. */
    @FunctionalInterface
    public interface BranchAction {
        void branch(dev.ponder.core.model.Sample sample, String problemKey, int position);
    }

    /** Logs how long it took from asking for a sample to seeing it (for measuring UI latency). */
    public void measureWith(LatencyLog log) {
        latency = log;
    }

    /** Shows the find bar and puts the cursor in it. */
    public void showFind() {
        findBar.setManaged(true);
        findBar.setVisible(true);
        findField.requestFocus();
        findField.selectAll();
    }

    @FXML
    private void initialize() {
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("trace-area");
        area.setId("trace-area");
        textSlot.getChildren().add(new VirtualizedScrollPane<>(area));
        textRow.getChildren().add(timeline);
        timeline.onPick(entry -> viewModel.jumpTo(Math.max(0, entry.charEnd() - 1), entry.charEnd()));
        content.visibleProperty().bind(viewModel.shownProperty().isNotNull());
        emptyState.visibleProperty().bind(viewModel.shownProperty().isNull());
        heading.textProperty().bind(viewModel.headingProperty());
        // the trace before stays dimmed under the new selection until the new one is read, never passing for it
        content.opacityProperty()
                .bind(javafx.beans.binding.Bindings.when(viewModel.staleProperty())
                        .then(0.35)
                        .otherwise(1.0));
        viewModel.shownProperty().addListener((observable, before, shown) -> show(before, shown));
        viewModel.revealProperty().addListener((observable, before, hit) -> reveal(hit));
        findField.textProperty().bindBidirectional(viewModel.findTextProperty());
        findCount
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> viewModel.findTextProperty().get().isEmpty()
                                ? ""
                                : viewModel.matchCountProperty().get() == 0
                                        ? "no match"
                                        : (viewModel.currentMatchProperty().get() + 1) + " of "
                                                + viewModel.matchCountProperty().get(),
                        viewModel.findTextProperty(),
                        viewModel.matchCountProperty(),
                        viewModel.currentMatchProperty()));
        findField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                if (event.isShiftDown()) {
                    viewModel.previousMatch();
                } else {
                    viewModel.nextMatch();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                closeFind();
                event.consume();
            }
        });
        noteBox.visibleProperty().bind(noteToggle.selectedProperty());
        noteBox.managedProperty().bind(noteToggle.selectedProperty());
        noteArea.textProperty().bindBidirectional(viewModel.noteProperty());
        noteArea.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                viewModel.saveNote();
            }
        });
        TagChips.bind(tagChips, viewModel.tags(), viewModel::untag);
        TagChips.offer(tagInput, knownTags, viewModel::tag);
        area.setParagraphGraphicFactory(gutter());
    }

    private void show(InspectorViewModel.Shown before, InspectorViewModel.Shown shown) {
        if (shown == null) {
            area.clear();
            return;
        }
        long applying = System.nanoTime();
        TraceReading reading = shown.reading();
        boolean sameText =
                before != null && before.sample().id() == shown.sample().id();
        if (!sameText) {
            area.replaceText(shown.sample().text());
            gutterTags = gutterTags(shown);
            area.setParagraphGraphicFactory(gutter());
            area.moveTo(0);
            area.showParagraphAtTop(0);
            timeline.show(reading.timeline(), reading.firstCorrect(), reading.countsTokens(shown.sample()));
        }
        if (!shown.highlights().isEmpty() && area.getLength() > 0) {
            area.setStyleSpans(0, spans(shown.highlights()));
        }
        if (!sameText) {
            latency.shown(
                    shown.requestedAt(),
                    System.nanoTime() - applying,
                    shown.sample().text().length());
        }
    }

    private static StyleSpans<Collection<String>> spans(List<TraceHighlights.Run> runs) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>(runs.size());
        for (TraceHighlights.Run run : runs) {
            builder.add(List.copyOf(run.styles()), run.length());
        }
        return builder.create();
    }

    /** Step scores and inserted text, by the paragraph they start in. */
    private Map<Integer, List<Node>> gutterTags(InspectorViewModel.Shown shown) {
        Map<Integer, List<Node>> tags = new HashMap<>();
        for (Step step : shown.reading().steps()) {
            Label tag = new Label(
                    step.score() == null
                            ? "step " + (step.index() + 1)
                            : String.format(Locale.ROOT, "step %d · %.2f", step.index() + 1, step.score()));
            tag.getStyleClass()
                    .addAll(
                            "step-tag",
                            step.score() == null ? "step-plain" : step.score() >= 0.5 ? "step-high" : "step-low");
            tags.computeIfAbsent(paragraphOf(step.charStart()), key -> new java.util.ArrayList<>())
                    .add(tag);
        }
        for (Segment segment : shown.reading().segments()) {
            Label tag = new Label(describe(segment.kind()));
            tag.getStyleClass().add("insert-tag");
            if (segment.detail() != null) {
                tag.setTooltip(new javafx.scene.control.Tooltip(segment.detail()));
            }
            tags.computeIfAbsent(paragraphOf(segment.charStart()), key -> new java.util.ArrayList<>())
                    .add(tag);
        }
        return tags;
    }

    private static String describe(SegmentKind kind) {
        return switch (kind) {
            case FORCED_THINKING_END -> "forced end";
            case INJECTED_WAIT -> "injected Wait";
            case ANSWER_PROMPT -> "answer prompt";
            case ROUND_PROMPT -> "new round";
            case BRANCH_POINT -> "branch";
        };
    }

    private int paragraphOf(int offset) {
        return area.offsetToPosition(Math.min(offset, area.getLength()), TwoDimensional.Bias.Forward)
                .getMajor();
    }

    private IntFunction<Node> gutter() {
        Map<Integer, List<Node>> tags = gutterTags;
        return paragraph -> {
            Label number = new Label(String.valueOf(paragraph + 1));
            number.getStyleClass().add("line-no");
            number.setMinWidth(38);
            number.setAlignment(Pos.CENTER_RIGHT);
            HBox box = new HBox(4, number);
            box.getStyleClass().add("gutter");
            box.setAlignment(Pos.TOP_LEFT);
            double width = tags.isEmpty() ? 50 : 150;
            box.setMinWidth(width);
            box.setPrefWidth(width);
            List<Node> extra = tags.get(paragraph);
            if (extra != null) {
                box.getChildren().addAll(extra);
            }
            return box;
        };
    }

    private void reveal(ReflectionMarkers.Hit hit) {
        if (hit == null || hit.end() > area.getLength()) {
            return;
        }
        area.showParagraphAtCenter(paragraphOf(hit.start()));
        area.selectRange(hit.start(), hit.end());
        area.requestFollowCaret();
    }

    @FXML
    private void addTag() {
        TagChips.add(tagInput, viewModel::tag);
    }

    @FXML
    private void copy() {
        String selected = area.getSelectedText();
        ClipboardContent clip = new ClipboardContent();
        clip.putString(selected.isEmpty() ? area.getText() : selected);
        Clipboard.getSystemClipboard().setContent(clip);
    }

    @FXML
    private void openPlain() {
        InspectorViewModel.Shown shown = viewModel.shownProperty().get();
        if (shown == null) {
            return;
        }
        TextArea plain = new TextArea(shown.sample().text());
        plain.setEditable(false);
        plain.setWrapText(true);
        plain.getStyleClass().add("plain-trace");
        Stage window = new Stage();
        window.setTitle(shown.problemKey() + " · sample #" + shown.sample().index() + " — plain text");
        window.setScene(new Scene(plain, 760, 640));
        if (root.getScene() != null) {
            window.initOwner(root.getScene().getWindow());
        }
        window.show();
    }

    @FXML
    private void compare() {
        InspectorViewModel.Shown shown = viewModel.shownProperty().get();
        if (shown != null) {
            compare.accept(shown.sample().id());
        }
    }

    @FXML
    private void saveNote() {
        viewModel.saveNote();
    }

    @FXML
    private void next() {
        viewModel.nextMatch();
    }

    @FXML
    private void previous() {
        viewModel.previousMatch();
    }

    @FXML
    private void closeFind() {
        viewModel.findTextProperty().set("");
        findBar.setManaged(false);
        findBar.setVisible(false);
        area.requestFocus();
    }
}
