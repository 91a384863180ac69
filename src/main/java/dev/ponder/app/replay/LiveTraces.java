package dev.ponder.app.replay;

import dev.ponder.core.task.LiveText;
import dev.ponder.core.task.TaskContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a running replay has to show, written by its sample threads and read by the screen a few times a second:
 * the text of the most recent samples as it streams, and the replay's progress and message. Keeps the last
 * {@link #KEPT} samples' text only; the finished ones are in the journal and the workspace.
 */
final class LiveTraces implements LiveText {
    static final int KEPT = 64;

    /** What the screen reads at once: the samples (oldest first), progress in [0, 1] or -1, and the message. */
    record Snapshot(List<String> units, double progress, String message, long version) {}

    private final Map<String, StringBuilder> texts = new LinkedHashMap<>(16, 0.75f, false);
    private double progress = -1;
    private String message = "";
    private long version;

    @Override
    public synchronized void text(String unit, String piece) {
        StringBuilder text = texts.get(unit);
        if (text == null) {
            if (texts.size() >= KEPT) {
                texts.remove(texts.keySet().iterator().next());
            }
            text = new StringBuilder();
            texts.put(unit, text);
        }
        text.append(piece);
        version++;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(new ArrayList<>(texts.keySet()), progress, message, version);
    }

    /** The text a sample has streamed so far, or "" once it is no longer kept. */
    synchronized String textOf(String unit) {
        StringBuilder text = texts.get(unit);
        return text == null ? "" : text.toString();
    }

    synchronized void clear() {
        texts.clear();
        progress = -1;
        message = "";
        version++;
    }

    /** A task context that also records progress here, for the screen. */
    TaskContext recording(TaskContext context) {
        return new TaskContext() {
            @Override
            public void progress(long done, long total) {
                context.progress(done, total);
                synchronized (LiveTraces.this) {
                    progress = total <= 0 ? -1 : (double) done / total;
                    version++;
                }
            }

            @Override
            public void message(String text) {
                context.message(text);
                synchronized (LiveTraces.this) {
                    message = text;
                    version++;
                }
            }

            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }
        };
    }
}
