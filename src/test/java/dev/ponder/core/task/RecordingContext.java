package dev.ponder.core.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A task context for tests: records every progress report and says "cancelled" once a condition holds. */
public final class RecordingContext implements TaskContext {
    /** One progress report: {@code done} of {@code total}. */
    public record Report(long done, long total) {}

    private final List<Report> reports = new ArrayList<>();
    private final Predicate<RecordingContext> cancelWhen;

    private RecordingContext(Predicate<RecordingContext> cancelWhen) {
        this.cancelWhen = cancelWhen;
    }

    public static RecordingContext neverCancelled() {
        return new RecordingContext(context -> false);
    }

    public static RecordingContext cancelledAfterReports(int count) {
        return new RecordingContext(context -> context.reports.size() >= count);
    }

    public static RecordingContext alwaysCancelled() {
        return new RecordingContext(context -> true);
    }

    public List<Report> reports() {
        return reports;
    }

    @Override
    public void progress(long done, long total) {
        reports.add(new Report(done, total));
    }

    @Override
    public void message(String message) {}

    @Override
    public boolean isCancelled() {
        return cancelWhen.test(this);
    }
}
