package dev.ganplayground.nn;

import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The native (OpenMP) thread count of the calling thread: how many cores ND4J's oneDNN convolutions use when this
 * thread calls them. ND4J binds OpenMP's {@code omp_set_num_threads}, which sets the calling thread's own
 * {@code nthreads} ICV (OpenMP 5.x, section 3.2.1); other threads keep theirs (a new thread starts from the
 * process default, {@code OMP_NUM_THREADS}). So one run's thread may use 2 cores while another's uses 1.
 * oneDNN's OpenMP runtime reads {@code omp_get_max_threads()} of the calling thread on every call.
 *
 * <p>Not {@code sd::Environment.setMaxThreads}: that is one process-wide setting, shared by every run.
 * The OpenBLAS threads stay at 1 ({@link NativeRuntime}); our matrix products are single-threaded.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    /** The calling thread's native thread count (OpenMP's {@code omp_get_max_threads}). */
    public static int forThisThread() {
        NativeRuntime.init();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    /** Sets the calling thread's native thread count (at least 1); other threads are not affected. */
    public static void setForThisThread(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("native threads must be >= 1, found " + threads);
        }
        NativeRuntime.init();
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
