package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import dev.ganplayground.nn.NativeThreads;

/**
 * A run's native (OpenMP) thread count on its own thread: set by the {@link NativeThreadPolicy} before the engine
 * is built and before each training call (a native call only when the count changes), and put back when the run
 * ends, because the pool gives the thread to the next run. Confined to the run's thread.
 */
final class RunThreads {
    private final NativeThreadPolicy policy;
    private int before;
    private int current;

    RunThreads(NativeThreadPolicy policy) {
        this.policy = policy;
    }

    /** Remembers the thread's count; call first on the run's thread. */
    void enter() {
        before = NativeThreads.forThisThread();
    }

    /** Sets the count the policy gives {@code config} now. */
    void apply(RunConfig config) {
        int want = policy.threadsFor(config);
        if (want != current) {
            NativeThreads.setForThisThread(want);
            current = want;
        }
    }

    /** Restores the count the thread had at {@link #enter}. */
    void exit() {
        if (before > 0) {
            NativeThreads.setForThisThread(before);
        }
    }

    /** The count this run set last (0 before the first). */
    int current() {
        return current;
    }
}
