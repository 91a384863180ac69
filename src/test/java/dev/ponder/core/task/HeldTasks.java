package dev.ponder.core.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs tasks at once on the caller's thread, except those whose title it holds back until {@link #release()}: a slow
 * background read, finishing later, for tests of what a screen shows meanwhile. A held task cancelled before its
 * release never runs.
 */
public final class HeldTasks implements TaskRunner {
    private final DirectTaskRunner direct = new DirectTaskRunner();
    private final List<Runnable> held = new ArrayList<>();
    private Predicate<String> holding;

    /** Holds back the tasks whose title the predicate accepts. */
    public HeldTasks(Predicate<String> holding) {
        this.holding = holding;
    }

    /** From now on, holds back the tasks whose title the predicate accepts. */
    public void hold(Predicate<String> titles) {
        this.holding = titles;
    }

    @Override
    public <T> TaskHandle submit(String title, BackgroundWork<T> work, TaskListener<? super T> listener) {
        if (!holding.test(title)) {
            return direct.submit(title, work, listener);
        }
        boolean[] cancelled = {false};
        held.add(() -> {
            if (!cancelled[0]) {
                direct.submit(title, work, listener);
            }
        });
        return new TaskHandle() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isDone() {
                return false;
            }
        };
    }

    /** Runs the tasks held back so far, in the order they came. */
    public void release() {
        List<Runnable> now = new ArrayList<>(held);
        held.clear();
        now.forEach(Runnable::run);
    }
}
