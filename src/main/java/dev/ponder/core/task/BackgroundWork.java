package dev.ponder.core.task;

/** A piece of work that reports progress and stops early when its context says it was cancelled. */
@FunctionalInterface
public interface BackgroundWork<T> {
    T run(TaskContext context) throws Exception;
}
