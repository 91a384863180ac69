package dev.ponder.core.task;

/**
 * Runs work to its end and says how it ended. The one place that decides what counts as a cancellation,
 * shared by every runner.
 */
public final class TaskOutcome<T> {
    private final T result;
    private final Throwable error;
    private final boolean cancelled;

    private TaskOutcome(T result, Throwable error, boolean cancelled) {
        this.result = result;
        this.error = error;
        this.cancelled = cancelled;
    }

    /** Runs the work; a failure after cancellation was asked for counts as a cancellation. */
    public static <T> TaskOutcome<T> of(BackgroundWork<T> work, TaskContext context) {
        try {
            T result = work.run(context);
            return context.isCancelled() ? new TaskOutcome<>(null, null, true) : new TaskOutcome<>(result, null, false);
        } catch (TaskCancelledException e) {
            return new TaskOutcome<>(null, null, true);
        } catch (Throwable e) {
            if (context.isCancelled()) {
                return new TaskOutcome<>(null, null, true);
            }
            if (e instanceof VirtualMachineError vmError && !(e instanceof OutOfMemoryError)) {
                throw vmError;
            }
            return new TaskOutcome<>(null, e, false);
        }
    }

    /** Tells the listener how the work ended. */
    public void report(TaskListener<? super T> listener) {
        if (cancelled) {
            listener.cancelled();
        } else if (error != null) {
            listener.failed(error);
        } else {
            listener.succeeded(result);
        }
    }
}
