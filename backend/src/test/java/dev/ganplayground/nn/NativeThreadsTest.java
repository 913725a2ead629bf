package dev.ganplayground.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NativeThreadsTest {
    @Test
    @DisplayName("a thread's native thread count is its own: set on one thread, others keep the default; restorable")
    void perThreadSetting() throws Exception {
        int defaultCount = onFreshThread(NativeThreads::forThisThread);
        int other = defaultCount == 3 ? 2 : 3;
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            int seen = worker.submit(() -> {
                NativeThreads.setForThisThread(other);
                return NativeThreads.forThisThread();
            }).get();
            assertThat(seen).isEqualTo(other);
            // Another thread, while the worker keeps its setting, sees the process default.
            assertThat(onFreshThread(NativeThreads::forThisThread)).isEqualTo(defaultCount);
            int restored = worker.submit(() -> {
                assertThat(NativeThreads.forThisThread()).isEqualTo(other);
                NativeThreads.setForThisThread(defaultCount);
                return NativeThreads.forThisThread();
            }).get();
            assertThat(restored).isEqualTo(defaultCount);
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void rejectsLessThanOne() {
        assertThatThrownBy(() -> NativeThreads.setForThisThread(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int onFreshThread(java.util.function.IntSupplier what)
            throws InterruptedException, ExecutionException {
        CompletableFuture<Integer> out = new CompletableFuture<>();
        Thread t = new Thread(() -> out.complete(what.getAsInt()));
        t.start();
        t.join();
        return out.get();
    }
}
