package dev.ganplayground.nn;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One-time setup of ND4J's native side, before anything else touches ND4J.
 * <ul>
 * <li>Chooses the oneDNN + AVX2 build on linux-x86_64 machines that have AVX2 (~2.3x faster on convolutions,
 * shared/DESIGN.md), the generic build elsewhere. JavaCPP reads the property when the natives load, so this must
 * run first.</li>
 * <li>Limits OpenBLAS to one thread: its idle workers spin after each sgemm and steal a core from the training
 * loops (+40% on the DCGAN when fixed, DESIGN.md "Facts"). Each run is one thread; parallelism is across runs.</li>
 * <li>Makes FLOAT the default type, explicitly.</li>
 * <li>Hands free native heap pages back to the system now and then ({@link #trimNativeHeapIfDue}).</li>
 * </ul>
 */
public final class NativeRuntime {
    public static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    /** Trims at most this often, whatever the number of runs calling {@link #trimNativeHeapIfDue}. */
    private static final long TRIM_EVERY_NANOS = 10_000_000_000L;
    private static final AtomicLong LAST_TRIM = new AtomicLong(System.nanoTime());
    /**
     * Runs the trims off the run threads: one malloc_trim took 35-73 ms over a few hundred MiB of fragmented native
     * buffers (scratch measurement), a visible hitch in a 2D run's frames had its thread done it.
     */
    private static final ExecutorService TRIMMER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "native-heap-trim");
        t.setDaemon(true);
        return t;
    });
    private static volatile boolean initialised;

    private NativeRuntime() {
    }

    /** Sets the native build choice without loading ND4J; call first thing in {@code main}. */
    public static void chooseNativeBuild() {
        if (System.getProperty(PLATFORM_EXTENSION) == null && hasAvx2OnLinuxX86()) {
            System.setProperty(PLATFORM_EXTENSION, "-onednn-avx2");
        }
    }

    /** Loads ND4J with the settings above; idempotent and thread-safe. */
    public static void init() {
        if (initialised) {
            return;
        }
        synchronized (NativeRuntime.class) {
            if (initialised) {
                return;
            }
            chooseNativeBuild();
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
            Nd4j.factory().blas().setMaxThreads(1);
            initialised = true;
        }
    }

    /**
     * Says how the OpenBLAS kernels were chosen, for the start-up log: OpenBLAS detects the CPU unless
     * OPENBLAS_CORETYPE names a kernel family (some machines pin one for older OpenBLAS builds, which then applies).
     */
    public static String blasKernelsNote(String coreType) {
        return coreType == null || coreType.isBlank() ? "chosen by OpenBLAS from the CPU"
                : "OPENBLAS_CORETYPE=" + coreType + " (set in the environment)";
    }

    /**
     * Returns the free pages of glibc's malloc heaps to the system ({@code malloc_trim(0)}, through JavaCPP), at most
     * every 10 s, on a background thread; true when one was started. Why: the native buffers of layers, oneDNN's
     * per-call temporaries and the JVM's own allocations come from several per-thread malloc arenas; the server's
     * fixed mmap threshold (server-env.sh) keeps multi-MB blocks in them, and the free space between live blocks
     * stayed resident, so a DCGAN server crept from ~375 to 404-436 MiB within 90-150 s (docs/benchmarks.md).
     * Called by the run threads after an evaluation, so an idle server does not trim.
     */
    public static boolean trimNativeHeapIfDue() {
        long now = System.nanoTime();
        long last = LAST_TRIM.get();
        if (now - last < TRIM_EVERY_NANOS || !LAST_TRIM.compareAndSet(last, now)) {
            return false;
        }
        TRIMMER.execute(Pointer::trimMemory);
        return true;
    }

    private static boolean hasAvx2OnLinuxX86() {
        String arch = System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")
                || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return false;
        }
        try {
            return Files.readString(Path.of("/proc/cpuinfo")).contains(" avx2");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
